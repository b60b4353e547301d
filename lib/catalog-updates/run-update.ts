import { type BlogSite, createBlogSite } from '@/lib/catalog-updates/blog-site';
import { type FeedDocument, type FeedItem, readFeedDocument } from '@/lib/catalog-updates/feed-document';
import { type BlogResponse, type FetchLike, fetchFromBlog } from '@/lib/catalog-updates/fetch-blog';
import { type ArticleEvidence, type CatalogLearner, createCatalogLearner } from '@/lib/catalog-updates/learn';
import { pageEvidence } from '@/lib/catalog-updates/learn-from-page';
import type { CatalogOverlayStore, OverlayChanges, OverlayRecord } from '@/lib/catalog-updates/overlay-schema';
import { readPageFactsFromHtml } from '@/lib/catalog-updates/page-facts-html';
import { discoverFeeds, readPageMetadata } from '@/lib/catalog-updates/page-metadata';
import { type CatalogUpdateReport, count, emptyReport, tally } from '@/lib/catalog-updates/report';
import type { Article } from '@/lib/corpus/article';
import { DataDeletedError } from '@/lib/db/errors';

/**
 * One catalog update from the blog: find its feed (advertised on the home page, else the usual
 * addresses), learn from every item, then read the article pages only the sitemap lists, one at a
 * time with a pause, up to a cap per run, resuming from the store's cursor. Only the blog's host is
 * ever requested. Never throws: whatever goes wrong is a line in the report.
 */
export interface CatalogUpdateLimits {
  maxResponseBytes: number;
  maxFeedItems: number;
  maxSitemapUrls: number;
  maxChildSitemaps: number;
  /** Article pages read per run; the rest wait in the cursor. */
  maxPagesPerRun: number;
  pauseBetweenPagesMs: number;
  maxRedirects: number;
  timeoutMs: number;
  /** An older cursor is dropped and the sitemap read again. */
  maxCursorAgeMs: number;
}

export const DEFAULT_UPDATE_LIMITS: CatalogUpdateLimits = {
  maxResponseBytes: 5 * 1_048_576,
  maxFeedItems: 2_000,
  maxSitemapUrls: 5_000,
  maxChildSitemaps: 10,
  maxPagesPerRun: 40,
  pauseBetweenPagesMs: 2_000,
  maxRedirects: 3,
  timeoutMs: 20_000,
  maxCursorAgeMs: 14 * 86_400_000,
};

export interface CatalogUpdateClock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface CatalogUpdateProgress {
  phase: 'feed' | 'sitemap' | 'pages' | 'done';
  done: number;
  total: number;
}

export interface CatalogUpdateOptions {
  articles: readonly Article[];
  store: CatalogOverlayStore;
  fetch: FetchLike;
  clock: CatalogUpdateClock;
  /** The blog's origin; both spellings of its host are read. */
  origin?: string;
  limits?: Partial<CatalogUpdateLimits>;
  onProgress?: (progress: CatalogUpdateProgress) => void;
  signal?: AbortSignal;
}

const FALLBACK_FEEDS = ['/rss.xml', '/feed.xml', '/atom.xml'];
const SITEMAP = '/sitemap.xml';
const FEED_ITEMS_PER_YIELD = 100;

interface Run {
  options: CatalogUpdateOptions;
  limits: CatalogUpdateLimits;
  site: BlogSite;
  learner: CatalogLearner;
  report: CatalogUpdateReport;
  /** When the pages still to read were listed: kept across resumed runs so a cursor can age. */
  listedAt: number;
  /** A request failed on the network or timed out: the blog is out of reach, so the run stops there. */
  unreachable: boolean;
  /** The article addresses this update's feed, sitemap or cursor list: an address gone from them may have moved. */
  listed: Set<string>;
}

export async function runCatalogUpdate(options: CatalogUpdateOptions): Promise<CatalogUpdateReport> {
  const report = emptyReport(options.clock.now());
  try {
    const site = createBlogSite(options.origin);
    const limits = { ...DEFAULT_UPDATE_LIMITS, ...options.limits };
    const learner = createCatalogLearner(options.articles, await options.store.loadOverlay(), site);
    const run: Run = {
      options,
      limits,
      site,
      learner,
      report,
      listedAt: report.startedAt,
      unreachable: false,
      listed: new Set(),
    };
    const pending = await pendingFromCursor(run);
    const queue = pending ? await continueWith(run, pending) : await discover(run);
    if (queue.length > 0 || pending) await readPages(run, queue);
    if (run.unreachable) {
      report.notes.push(
        `Shelf could not reach ${site.hosts[0]} (offline?); the next update continues where this one stopped.`,
      );
    }
  } catch (error) {
    report.stopped = true;
    report.deleted = error instanceof DataDeletedError;
    report.notes.push(`The update stopped: ${error instanceof Error ? error.message : String(error)}`);
  }
  report.stopped ||= options.signal?.aborted ?? false;
  report.finishedAt = options.clock.now();
  options.onProgress?.({ phase: 'done', done: 1, total: 1 });
  return report;
}

async function pendingFromCursor(run: Run): Promise<string[] | null> {
  const cursor = await run.options.store.loadCursor();
  if (!cursor || cursor.pending.length === 0) return null;
  if (run.options.clock.now() - cursor.listedAt > run.limits.maxCursorAgeMs) {
    run.report.notes.push('The addresses left by an earlier update were too old and were listed again.');
    return null;
  }
  const pending = cursor.pending.filter((url) => !run.learner.knows(url));
  for (const url of pending) run.listed.add(url);
  run.listedAt = cursor.listedAt;
  run.report.notes.push(
    `Continued the previous update: ${count(pending.length, 'article page was', 'article pages were')} left.`,
  );
  return pending;
}

async function get(run: Run, url: string, expect: 'html' | 'xml'): Promise<BlogResponse> {
  const response = await fetchFromBlog(url, {
    fetch: run.options.fetch,
    site: run.site,
    expect,
    maxBytes: run.limits.maxResponseBytes,
    maxRedirects: run.limits.maxRedirects,
    timeoutMs: run.limits.timeoutMs,
    signal: run.options.signal,
  });
  run.report.requests += response.requests;
  if (!response.ok && (response.failure.kind === 'network' || response.failure.kind === 'timeout')) {
    run.unreachable = true;
  }
  return response;
}

type ReadDocument =
  | { ok: true; document: FeedDocument; url: string }
  | { ok: false; url: string; kind: string; reason: string };

async function getDocument(run: Run, url: string): Promise<ReadDocument> {
  const response = await get(run, url, 'xml');
  // A failure is told under the address that failed: a redirect's target, not the address asked for.
  if (!response.ok) {
    const { failure } = response;
    return { ok: false, url: failure.url, kind: failure.kind, reason: failure.message };
  }
  const reading = readFeedDocument(response.text, response.url, run.limits);
  if (!reading.ok) return { ok: false, url: response.url, kind: reading.problem.kind, reason: reading.problem.message };
  return { ok: true, document: reading.document, url: response.url };
}

/** A failure is reported, unless it is only the stop the caller asked for, or the blog out of reach (one note says so). */
const unreadable = (run: Run, failed: { url: string; kind: string; reason: string }) => {
  if (failed.kind !== 'aborted' && !run.unreachable)
    run.report.unreadable.push({ url: failed.url, kind: failed.kind, reason: failed.reason });
};

const isStopped = (run: Run) => run.unreachable || (run.options.signal?.aborted ?? false);

/** What the feed said of its items' pages: those it described, and those only their page can decide. */
interface FeedPages {
  described: Set<string>;
  toRead: Set<string>;
}

/**
 * A continued update reads the home page and the feed first, then the pages an earlier one left (those
 * the feed now describes aside, those it could not decide first); the sitemap is listed again once
 * they are read. A first update of a large blog leaves pages for many presses, and none of them read
 * the feed: a new article waited for the whole backlog (QA pass).
 */
async function continueWith(run: Run, pending: readonly string[]): Promise<string[]> {
  const feedPages: FeedPages = { described: new Set(), toRead: new Set() };
  await readFeed(run, await readHome(run), feedPages);
  if (isStopped(run)) return [...pending];
  return queueOf(run, [...feedPages.toRead, ...pending], feedPages.described);
}

/** The article pages to read, each once, without those described or known; kept as the cursor. */
async function queueOf(run: Run, listed: readonly string[], described: ReadonlySet<string>): Promise<string[]> {
  const { site } = run;
  const queue = [...new Set(listed)].filter(
    (url) => site.isArticleUrl(url) && !described.has(url) && !run.learner.knows(url),
  );
  await run.options.store.saveCursor(queue.length > 0 ? { pending: queue, listedAt: run.listedAt } : null);
  return queue;
}

/** Reads the feed and the sitemap; returns the article pages to read. */
async function discover(run: Run): Promise<string[]> {
  const { site } = run;
  const feedPages: FeedPages = { described: new Set(), toRead: new Set() };
  const advertised = await readHome(run);
  const sitemap = await readFeed(run, advertised, feedPages);
  if (isStopped(run)) return [];
  const addresses = await readSitemap(run, sitemap);
  if (isStopped(run)) return [];
  const listed = [...feedPages.toRead, ...addresses.flatMap((url) => site.toSiteUrl(url) ?? [])];
  return queueOf(run, listed, feedPages.described);
}

/** The feeds the home page advertises on the blog. */
async function readHome(run: Run): Promise<string[]> {
  const home = await get(run, `${run.site.origin}/`, 'html');
  if (!home.ok) {
    unreadable(run, { url: home.failure.url, kind: home.failure.kind, reason: home.failure.message });
    return [];
  }
  const { feeds, refused } = discoverFeeds(readPageFactsFromHtml(home.text, home.url), run.site);
  for (const url of refused) run.report.notes.push(`The home page names a feed on another site, not read: ${url}`);
  return feeds.map((feed) => feed.url);
}

/**
 * Learns from the first advertised feed that reads, else the first usual address that does. A
 * failing advertised feed is reported; a missing usual address only named if none is found.
 * Returns a sitemap met on the way (a feed address that serves one).
 */
async function readFeed(run: Run, advertised: string[], feedPages: FeedPages): Promise<FeedDocument | null> {
  const { site, report } = run;
  let sitemap: FeedDocument | null = null;
  const fallbackFailures: string[] = [];
  const tried = new Set<string>();
  const candidates = [...advertised, ...FALLBACK_FEEDS.map((path) => `${site.origin}${path}`)];
  for (const [index, url] of candidates.entries()) {
    const key = site.toSiteUrl(url) ?? url;
    if (report.feed || isStopped(run) || tried.has(key)) continue;
    tried.add(key);
    const read = await getDocument(run, url);
    if (!read.ok) {
      if (index < advertised.length) unreadable(run, read);
      else fallbackFailures.push(`${new URL(url).pathname} (${read.reason})`);
    } else if (read.document.format === 'rss' || read.document.format === 'atom') {
      const { format, items, total } = read.document;
      report.feed = { url: read.url, format, items: items.length, total };
      await learnFeed(run, items, read.url, feedPages);
    } else {
      sitemap = read.document;
    }
  }
  if (!report.feed && !isStopped(run)) {
    report.notes.push(`No feed found on the blog; tried ${fallbackFailures.join(', ') || 'nothing'}.`);
  } else if (report.feed && report.feed.total > report.feed.items) {
    const { total, items } = report.feed;
    report.notes.push(
      `The feed lists ${total.toLocaleString('en')} items; the first ${items.toLocaleString('en')} were read.`,
    );
  }
  return sitemap;
}

async function learnFeed(run: Run, items: readonly FeedItem[], feedUrl: string, feedPages: FeedPages) {
  const { site, report, options } = run;
  const changes = new Map<string, OverlayRecord | null>();
  const skipped = new Map<string, number>();
  let offSite = 0;
  // Every item is listed before any is learned: an article moved to an address later in the feed is not listed twice.
  for (const item of items) {
    const url = item.url ? site.toSiteUrl(item.url) : null;
    if (url) run.listed.add(url);
  }
  for (const [index, item] of items.entries()) {
    if (index % FEED_ITEMS_PER_YIELD === 0) {
      options.onProgress?.({ phase: 'feed', done: index, total: items.length });
      await options.clock.sleep(0);
    }
    const url = item.url ? site.toSiteUrl(item.url) : null;
    if (!url) {
      offSite += 1;
      continue;
    }
    const evidence: ArticleEvidence = {
      url,
      titles: item.title ? [item.title] : [],
      descriptions: item.description ? [item.description] : [],
      published: item.published,
      tags: item.tags,
      source: { from: 'feed', url: site.toRequestUrl(feedUrl) ?? feedUrl, learnedAt: report.startedAt },
    };
    const learned = run.learner.learn(evidence, stillListed(run));
    if (learned.outcomes.some((outcome) => outcome.kind === 'read-page')) feedPages.toRead.add(url);
    else if (item.title || item.description) feedPages.described.add(url);
    // A feed item that is not an article is a note, not a page that could not be read.
    for (const outcome of learned.outcomes) {
      if (outcome.kind === 'skipped') skipped.set(outcome.reason, (skipped.get(outcome.reason) ?? 0) + 1);
    }
    tally(
      report,
      learned.outcomes.filter((outcome) => outcome.kind !== 'skipped'),
    );
    for (const record of learned.changes.put) changes.set(record.id, record);
    for (const id of learned.changes.remove) changes.set(id, null);
  }
  if (offSite > 0) report.notes.push(`${offSite} feed item(s) without an address on the blog were skipped.`);
  for (const [reason, n] of skipped) report.notes.push(`${n} feed item(s) were skipped: ${reason}.`);
  await save(run, {
    put: [...changes.values()].filter((record) => record !== null),
    remove: [...changes].filter(([, record]) => record === null).map(([id]) => id),
  });
}

const stillListed = (run: Run) => (url: string) => run.listed.has(url);

async function save(run: Run, changes: OverlayChanges) {
  if (changes.put.length > 0 || changes.remove.length > 0) await run.options.store.saveOverlayChanges(changes);
}

/** The addresses a sitemap (or the sitemaps of a sitemap index) lists, fetching `/sitemap.xml` if no feed address was one. */
async function readSitemap(run: Run, found: FeedDocument | null): Promise<string[]> {
  const { site, report, limits, options } = run;
  options.onProgress?.({ phase: 'sitemap', done: 0, total: 1 });
  let document = found;
  if (!document) {
    const read = await getDocument(run, `${site.origin}${SITEMAP}`);
    if (!read.ok) {
      if (read.kind === 'http-status') report.notes.push(`No sitemap (${SITEMAP}: ${read.reason}).`);
      else unreadable(run, read);
      return [];
    }
    document = read.document;
  }
  const addresses: string[] = [];
  // A sitemap's reader keeps only the first addresses; its total says how many it listed.
  let listed = 0;
  const add = (sitemap: FeedDocument & { format: 'sitemap' }) => {
    addresses.push(...sitemap.urls.map((entry) => entry.url));
    listed += sitemap.total;
  };
  if (document.format === 'sitemap') add(document);
  if (document.format === 'sitemap-index') {
    if (document.total > document.sitemaps.length) {
      report.notes.push(
        `The sitemap index lists ${document.total} sitemaps; the first ${document.sitemaps.length} were read.`,
      );
    }
    // A sitemap named twice (or under both spellings of the host) is requested once.
    const requested = new Set<string>();
    for (const child of document.sitemaps) {
      if (addresses.length >= limits.maxSitemapUrls || isStopped(run)) break;
      const key = sameSiteKey(site, child);
      if (requested.has(key)) continue;
      requested.add(key);
      const read = await getDocument(run, child);
      if (!read.ok) unreadable(run, read);
      else if (read.document.format === 'sitemap') add(read.document);
      else report.notes.push(`${child} is not a sitemap of pages (${read.document.format}); not read further.`);
    }
  }
  const max = limits.maxSitemapUrls.toLocaleString('en');
  if (document.format === 'sitemap' && listed > limits.maxSitemapUrls) {
    report.notes.push(`The sitemap lists ${listed.toLocaleString('en')} addresses; the first ${max} were read.`);
  } else if (Math.max(listed, addresses.length) > limits.maxSitemapUrls) {
    report.notes.push(`The sitemaps list more than ${max} addresses; the first were read.`);
  }
  const kept = addresses.slice(0, limits.maxSitemapUrls);
  for (const url of kept) {
    const address = site.toSiteUrl(url);
    if (address) run.listed.add(address);
  }
  report.sitemapAddresses = kept.filter((url) => site.isArticleUrl(site.toSiteUrl(url) ?? site.origin)).length;
  return kept;
}

/** One key for an address on the blog under either host spelling, query kept, hash dropped. */
function sameSiteKey(site: BlogSite, href: string): string {
  const request = site.toRequestUrl(href);
  if (!request) return href;
  const url = new URL(request);
  url.hostname = site.hosts[0];
  return url.href;
}

/**
 * After a page failed on the network or timed out: whether the blog still answers (its home page).
 * Then that page alone fails (too slow, refused), and is reported like any page that cannot be read;
 * kept first, it would stop every later update there (review). Else the blog is out of reach.
 */
async function blogAnswers(run: Run): Promise<boolean> {
  run.unreachable = false;
  await get(run, `${run.site.origin}/`, 'html');
  return !run.unreachable;
}

/** Reads article pages one at a time, a pause between, saving the cursor after each. */
async function readPages(run: Run, queue: string[]): Promise<void> {
  const { options, limits, report, site } = run;
  const pending = [...queue];
  const total = Math.min(limits.maxPagesPerRun, pending.length);
  report.pagesLeft = pending.length;
  for (let done = 0; done < total && !isStopped(run); done += 1) {
    options.onProgress?.({ phase: 'pages', done, total });
    if (done > 0) await options.clock.sleep(limits.pauseBetweenPagesMs);
    const url = pending[0];
    if (!url || isStopped(run)) break;
    const response = await get(run, url, 'html');
    if (response.ok) {
      const metadata = readPageMetadata(readPageFactsFromHtml(response.text, response.url), site);
      const evidence = pageEvidence(metadata, response.url, options.clock.now(), site);
      if (evidence) {
        const learned = run.learner.learn(evidence, stillListed(run));
        tally(report, learned.outcomes);
        await save(run, learned.changes);
      }
      report.pagesRead += 1;
    } else if (response.failure.kind === 'aborted' || (run.unreachable && !(await blogAnswers(run)))) {
      // Kept first in the cursor: the next update reads it again.
      break;
    } else {
      // The address that failed: a redirect's target, not the address the sitemap listed.
      const { url: at, kind, message } = response.failure;
      unreadable(run, { url: at, kind, reason: message });
    }
    pending.shift();
    report.pagesLeft = pending.length;
    await options.store.saveCursor(pending.length > 0 ? { pending, listedAt: run.listedAt } : null);
  }
  if (pending.length === 0) await options.store.saveCursor(null);
}
