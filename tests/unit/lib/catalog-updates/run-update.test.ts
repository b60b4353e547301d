// @vitest-environment node
// The updater runs in the service worker, which has no DOM: so does this file.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type CatalogUpdateOptions, runCatalogUpdate } from '@/lib/catalog-updates/run-update';
import type { Article } from '@/lib/corpus/article';
import { ARTICLES } from '@/lib/corpus/catalog';
import {
  articlePage,
  type BlogArticleSample,
  createFakeFetch,
  endlessBody,
  type FakeRoute,
  HTML,
  homePage,
  ORIGIN,
  RSS,
  rssFeed,
  sitemap,
  sitemapIndex,
  XML,
} from '../../../fixtures/catalog-updates/fake-blog';
import { createMemoryStore } from '../../../fixtures/catalog-updates/memory-store';

const START = Date.UTC(2026, 10, 30, 9);
const BLOG_HOSTS = new Set(['webcoderspeed.com', 'www.webcoderspeed.com']);

function fakeClock() {
  let now = START;
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    now += ms;
  };
  return { clock: { now: () => now, sleep }, sleeps };
}

/** Bundled articles with no address and a title Shelf wrote: what the blog can fill in. */
const UNADDRESSED = ARTICLES.filter(
  (a) => a.url === null && a.titleSource === 'written' && !a.possibleMatches.length && !a.summaryTruncated,
);
const ADDRESSED = ARTICLES.find((a) => a.url !== null)!;
const sample = (article: Article, slug: string): BlogArticleSample => ({
  url: `${ORIGIN}/blog/scaling/${slug}`,
  title: `${article.title} (the blog's title)`,
  description: article.summary,
  published: '2026-10-01',
  tags: ['Backend', 'Scaling'],
});
const NEW_IN_FEED: BlogArticleSample[] = [
  {
    url: `${ORIGIN}/blog/scaling/vector-clocks-explained`,
    title: 'Vector Clocks Explained',
    description: 'Ordering events without a global clock.',
    published: '2026-11-29',
  },
  {
    url: `${ORIGIN}/blog/nodejs/node-permission-model`,
    title: 'The Node.js Permission Model',
    description: 'Locking down file and network access in Node 24.',
    published: '2026-11-28',
    tags: ['nodejs'],
  },
];
const NEW_ON_PAGE: BlogArticleSample = {
  url: `${ORIGIN}/blog/scaling/write-ahead-logs`,
  title: 'Write-Ahead Logs From Scratch',
  description: 'Durability is an append-only file and a careful fsync.',
  published: '2026-09-01',
  tags: ['databases'],
};

function run(
  routes: Record<string, FakeRoute | ((init: RequestInit) => FakeRoute)>,
  overrides: Partial<CatalogUpdateOptions> = {},
) {
  const fake = createFakeFetch(routes);
  const memory = createMemoryStore();
  const { clock, sleeps } = fakeClock();
  const options: CatalogUpdateOptions = {
    articles: ARTICLES,
    store: memory.store,
    fetch: fake.fetch,
    clock,
    ...overrides,
  };
  return { fake, memory, sleeps, options, result: runCatalogUpdate(options) };
}

function expectOnlyPlainBlogRequests(requests: ReturnType<typeof createFakeFetch>['requests']) {
  expect(requests.length).toBeGreaterThan(0);
  for (const { url, init } of requests) {
    expect(BLOG_HOSTS.has(new URL(url).hostname), url).toBe(true);
    expect(new URL(url).protocol).toBe('https:');
    expect(init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
    });
    expect(init.body).toBeUndefined();
    // No cookie, authorization or custom header: only what any browser sends for a link.
    expect([...new Headers(init.headers).keys()]).toEqual(['accept']);
  }
}

describe('runCatalogUpdate: the happy path', () => {
  const inFeed = UNADDRESSED.slice(0, 3).map((article, i) => sample(article, `from-the-feed-${i}`));
  const onPage = sample(UNADDRESSED[3]!, 'only-in-the-sitemap');
  const knownInFeed: BlogArticleSample = { ...sample(ADDRESSED, 'x'), url: ADDRESSED.url!, title: ADDRESSED.title };
  const routes = {
    [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
    [`${ORIGIN}/rss.xml`]: { headers: RSS, body: rssFeed([...inFeed, knownInFeed, ...NEW_IN_FEED]) },
    [`${ORIGIN}/sitemap.xml`]: {
      headers: XML,
      body: sitemap([
        ...inFeed.map((a) => a.url),
        onPage.url,
        NEW_ON_PAGE.url,
        ADDRESSED.url!,
        `${ORIGIN}/tags/redis`,
        `${ORIGIN}/blog/page/2`,
        'https://elsewhere.example/blog/scaling/not-ours',
      ]),
    },
    [onPage.url]: { headers: HTML, body: articlePage(onPage) },
    [NEW_ON_PAGE.url]: { headers: HTML, body: articlePage(NEW_ON_PAGE) },
    [NEW_IN_FEED[1]!.url]: { headers: HTML, body: articlePage(NEW_IN_FEED[1]!) },
  };

  it('fills in addresses and titles, adds new articles, and reports the counts', async () => {
    const { result, fake, memory, sleeps } = run(routes);
    const report = await result;
    expect(report).toMatchObject({
      feed: { url: `${ORIGIN}/rss.xml`, format: 'rss', items: 6, total: 6 },
      addressesFilled: 4,
      titlesConfirmed: 5,
      newArticles: 3,
      pagesRead: 3,
      unreadable: [],
      // A new article whose title is close to a bundled one: its page is read, then named, not linked, still added.
      nearMisses: [
        {
          url: NEW_IN_FEED[1]!.url,
          field: 'title',
          closestId: 'nodejs-permissions-security',
          closestTitle: 'Node.js Permission Model — Sandbox Your Backend Code',
          similarity: 0.55,
        },
      ],
      ambiguous: [],
      pagesLeft: 0,
      stopped: false,
    });
    expect(fake.requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/',
      '/rss.xml',
      '/sitemap.xml',
      '/blog/nodejs/node-permission-model',
      '/blog/scaling/only-in-the-sitemap',
      '/blog/scaling/write-ahead-logs',
    ]);
    expect(sleeps).toContain(2_000);
    expect(memory.cursor()).toBeNull();

    const linked = memory.records().find((r) => r.id === UNADDRESSED[3]!.id);
    expect(linked).toMatchObject({
      kind: 'linked',
      matchedBy: 'description',
      fields: {
        // Read second, after the near miss's page and a 2-second pause.
        url: { value: onPage.url, source: { from: 'page', url: onPage.url, learnedAt: START + 2_000 } },
        title: { value: onPage.title },
        published: { value: '2026-10-01' },
      },
    });
    const fromFeed = memory.records().find((r) => r.id === UNADDRESSED[0]!.id);
    expect(fromFeed?.fields.url?.source).toEqual({ from: 'feed', url: `${ORIGIN}/rss.xml`, learnedAt: START });
    expect(
      memory
        .records()
        .filter((r) => r.kind === 'learned')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['node-permission-model', 'vector-clocks-explained', 'write-ahead-logs']);
  });

  it('never asks another host, never sends credentials, cookies or a body', async () => {
    const { result, fake } = run(routes);
    await result;
    expectOnlyPlainBlogRequests(fake.requests);
  });

  it('reports progress through each phase and finishes with done', async () => {
    const progress: string[] = [];
    const { result } = run(routes, { onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`) });
    await result;
    expect(progress).toEqual(['feed 0/6', 'sitemap 0/1', 'pages 0/3', 'pages 1/3', 'pages 2/3', 'done 1/1']);
  });

  it('learns nothing twice: a second update reads the feed again but no article page', async () => {
    const fake = createFakeFetch(routes);
    const memory = createMemoryStore();
    const { clock } = fakeClock();
    const options = { articles: ARTICLES, store: memory.store, fetch: fake.fetch, clock };
    await runCatalogUpdate(options);
    const before = fake.requests.length;
    const again = await runCatalogUpdate(options);
    expect(again).toMatchObject({ addressesFilled: 0, titlesConfirmed: 0, newArticles: 0, pagesRead: 0 });
    expect(fake.requests.slice(before).map((r) => new URL(r.url).pathname)).toEqual(['/', '/rss.xml', '/sitemap.xml']);
  });
});

// QA pass: a feed that cuts descriptions made a bundled article a new one (a duplicate in search)
// and a "near miss", and the page, whose own description would have linked it, was never read.
describe('runCatalogUpdate: a feed item close to a bundled article, but not it', () => {
  const article = UNADDRESSED[0]!;
  const url = `${ORIGIN}/blog/scaling/cut-in-the-feed`;
  const blogTitle = `${article.title} (the blog's title)`;
  const routes = {
    [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
    [`${ORIGIN}/rss.xml`]: {
      headers: RSS,
      body: rssFeed([{ url, title: blogTitle, description: `${article.summary.slice(0, 120)}…` }]),
    },
    [url]: { headers: HTML, body: articlePage({ url, title: blogTitle, description: article.summary }) },
  };

  it('is not learned from the feed: its page is read, and links it', async () => {
    const { result, fake, memory } = run(routes);
    const report = await result;
    expect(fake.requests.map((r) => r.url)).toContain(url);
    expect(report).toMatchObject({ addressesFilled: 1, newArticles: 0, nearMisses: [], pagesRead: 1 });
    expect(memory.records()).toEqual([expect.objectContaining({ kind: 'linked', id: article.id })]);
    expect(memory.records()[0]?.fields.url?.value).toBe(url);
  });
});

describe('runCatalogUpdate: finding the feed', () => {
  it('falls back to /feed.xml and /atom.xml when the home page advertises nothing, and says what it tried', async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Atom Only</title><link href="/blog/scaling/atom-only"/></entry></feed>`;
    const { result, fake } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([]) },
      [`${ORIGIN}/atom.xml`]: { headers: { 'content-type': 'application/atom+xml' }, body: atom },
    });
    const report = await result;
    expect(report.feed).toEqual({ url: `${ORIGIN}/atom.xml`, format: 'atom', items: 1, total: 1 });
    expect(report.newArticles).toBe(1);
    expect(fake.requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/',
      '/rss.xml',
      '/feed.xml',
      '/atom.xml',
      '/sitemap.xml',
    ]);
    expect(report.notes).toContain('No sitemap (/sitemap.xml: HTTP 404).');
  });

  it('follows a redirect between the blog’s two hosts', async () => {
    const { result } = run({
      [`${ORIGIN}/`]: { status: 301, headers: { location: 'https://www.webcoderspeed.com/' } },
      'https://www.webcoderspeed.com/': { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
      'https://www.webcoderspeed.com/rss.xml': { headers: RSS, body: rssFeed([NEW_IN_FEED[0]!, NEW_ON_PAGE]) },
    });
    const report = await result;
    expect(report.feed?.url).toBe('https://www.webcoderspeed.com/rss.xml');
    expect(report.newArticles).toBe(2);
  });

  it('tries the other host spelling when the browser hides where a redirect goes', async () => {
    const { result, fake } = run({
      [`${ORIGIN}/`]: { opaqueRedirect: true },
      'https://www.webcoderspeed.com/': { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
      'https://www.webcoderspeed.com/rss.xml': { headers: RSS, body: rssFeed([NEW_IN_FEED[0]!, NEW_ON_PAGE]) },
    });
    expect((await result).newArticles).toBe(2);
    expect(fake.requests[1]?.url).toBe('https://www.webcoderspeed.com/');
  });
});

describe('runCatalogUpdate: bad input gives a line in the report and changes nothing it cannot verify', () => {
  it('refuses a redirect to another host, and never requests it', async () => {
    const { result, fake, memory } = run({
      [`${ORIGIN}/`]: { status: 302, headers: { location: 'https://evil.example/' } },
      [`${ORIGIN}/rss.xml`]: { status: 301, headers: { location: 'https://feeds.example.net/rss' } },
      [`${ORIGIN}/sitemap.xml`]: { status: 307, headers: { location: '//cdn.example.org/sitemap.xml' } },
    });
    const report = await result;
    expect(report.unreadable).toEqual([
      { url: `${ORIGIN}/`, kind: 'redirect-off-site', reason: 'redirected to evil.example; refused' },
      { url: `${ORIGIN}/sitemap.xml`, kind: 'redirect-off-site', reason: 'redirected to cdn.example.org; refused' },
    ]);
    expect(report.notes).toContain(
      'No feed found on the blog; tried /rss.xml (redirected to feeds.example.net; refused), /feed.xml (HTTP 404), /atom.xml (HTTP 404).',
    );
    expectOnlyPlainBlogRequests(fake.requests);
    expect(memory.records()).toEqual([]);
  });

  it('reads nothing from a malformed feed', async () => {
    const broken = rssFeed(NEW_IN_FEED).replace('</channel>', '');
    const { result, memory } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/feed.xml' }]) },
      [`${ORIGIN}/feed.xml`]: { headers: RSS, body: broken },
    });
    const report = await result;
    expect(report.unreadable[0]).toEqual({
      url: `${ORIGIN}/feed.xml`,
      kind: 'malformed',
      reason: expect.stringMatching(/^malformed XML: <channel> is not closed/),
    });
    expect(report.feed).toBeNull();
    expect(memory.records()).toEqual([]);
  });

  it('says an HTML page came where the feed was advertised', async () => {
    const { result } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
      [`${ORIGIN}/rss.xml`]: { headers: HTML, body: homePage([]) },
    });
    expect((await result).unreadable).toContainEqual({
      url: `${ORIGIN}/rss.xml`,
      kind: 'html',
      reason: 'an HTML page, not a feed or sitemap',
    });
  });

  it('stops reading a 50 MB response at the 5 MB cap, and refuses one that declares its size up front', async () => {
    const endless = endlessBody(50 * 1_048_576);
    const { result } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
      [`${ORIGIN}/rss.xml`]: { headers: RSS, body: endless.stream },
      [`${ORIGIN}/sitemap.xml`]: { headers: { ...XML, 'content-length': String(50 * 1_048_576) }, body: 'x' },
    });
    const report = await result;
    expect(report.unreadable).toEqual([
      { url: `${ORIGIN}/rss.xml`, kind: 'too-large', reason: 'larger than 5 MB; not read' },
      { url: `${ORIGIN}/sitemap.xml`, kind: 'too-large', reason: 'larger than 5 MB; not read' },
    ]);
    expect(endless.pulled()).toBeLessThan(6 * 1_048_576);
  });

  it('reads the first 2,000 items of a 100,000-item feed and says so', async () => {
    // Items past the cap are only counted, so most can be empty.
    const items = Array.from({ length: 100_000 }, (_, i) =>
      i < 2_500 ? `<item><title>Item ${i}</title><link>/blog/s/a${i}</link></item>` : '<item/>',
    );
    const feed = `<rss version="2.0"><channel>${items.join('')}</channel></rss>`;
    const { result, memory } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
      [`${ORIGIN}/rss.xml`]: { headers: RSS, body: feed },
    });
    const report = await result;
    expect(report.feed).toEqual({ url: `${ORIGIN}/rss.xml`, format: 'rss', items: 2_000, total: 100_000 });
    expect(report.notes).toContain('The feed lists 100,000 items; the first 2,000 were read.');
    expect(report.newArticles).toBe(2_000);
    expect(memory.records()).toHaveLength(2_000);
    expect(memory.writes()).toBe(1);
  });

  it('links neither article page when both carry the summary that fits two (ClickHouse)', async () => {
    const clickhouse = ARTICLES.find((a) => a.possibleMatches.length > 0)!;
    const pages = clickhouse.possibleMatches.map((match) => ({ ...match, description: clickhouse.summary }));
    const { result, memory } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([]) },
      [`${ORIGIN}/sitemap.xml`]: { headers: XML, body: sitemap(pages.map((p) => p.url)) },
      [pages[0]!.url]: { headers: HTML, body: articlePage(pages[0]!) },
      [pages[1]!.url]: { headers: HTML, body: articlePage(pages[1]!) },
    });
    const report = await result;
    expect(report.addressesFilled).toBe(0);
    expect(report.ambiguous.map((a) => a.reason)).toEqual([
      'it carries a summary that fits two pages; linked once the other page is read',
      'both of its candidate pages carry its summary',
    ]);
    expect(memory.records().map((r) => r.kind)).toEqual(['candidate', 'candidate']);
  });

  it('links no article when a page’s description matches two', async () => {
    const twin = UNADDRESSED[0]!;
    const articles = [...ARTICLES, { ...twin, id: 'a-twin-of-it', corpusLine: 999 }];
    const page = sample(twin, 'shared-summary');
    const { result, memory } = run(
      {
        [`${ORIGIN}/`]: { headers: HTML, body: homePage([]) },
        [`${ORIGIN}/sitemap.xml`]: { headers: XML, body: sitemap([page.url]) },
        [page.url]: { headers: HTML, body: articlePage(page) },
      },
      { articles },
    );
    const report = await result;
    expect(report.ambiguous).toEqual([
      { url: page.url, articleIds: [twin.id, 'a-twin-of-it'], reason: 'its description matches 2 articles' },
    ]);
    expect(memory.records()).toEqual([]);
  });

  it('reports pages that fail, and keeps going', async () => {
    const pages = [
      NEW_ON_PAGE,
      { ...NEW_ON_PAGE, url: `${ORIGIN}/blog/scaling/gone` },
      { ...NEW_ON_PAGE, url: `${ORIGIN}/blog/scaling/pdf` },
    ];
    const { result } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([]) },
      [`${ORIGIN}/sitemap.xml`]: { headers: XML, body: sitemap(pages.map((p) => p.url)) },
      [pages[0]!.url]: { headers: HTML, body: articlePage(pages[0]!) },
      [pages[2]!.url]: { headers: { 'content-type': 'application/pdf' }, body: '%PDF' },
    });
    const report = await result;
    expect(report.newArticles).toBe(1);
    expect(report.unreadable).toEqual([
      { url: pages[1]!.url, kind: 'http-status', reason: 'HTTP 404' },
      { url: pages[2]!.url, kind: 'content-type', reason: 'unexpected content type application/pdf' },
    ]);
  });

  // QA pass: a page moved elsewhere on the blog was reported as "HTTP 404" under the address the sitemap listed.
  it('reports a moved page’s failure under the address that failed', async () => {
    const moved = `${ORIGIN}/blog/scaling/moved`;
    const { result } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([]) },
      [`${ORIGIN}/sitemap.xml`]: { headers: XML, body: sitemap([moved]) },
      [moved]: { status: 301, headers: { location: '/blog/scaling/gone' } },
    });
    expect((await result).unreadable).toEqual([
      { url: `${ORIGIN}/blog/scaling/gone`, kind: 'http-status', reason: 'HTTP 404' },
    ]);
  });

  it('reports a moved feed’s failure under the address that failed', async () => {
    const { result } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/feed' }]) },
      [`${ORIGIN}/feed`]: { status: 301, headers: { location: '/new-feed.xml' } },
    });
    expect((await result).unreadable).toContainEqual({
      url: `${ORIGIN}/new-feed.xml`,
      kind: 'http-status',
      reason: 'HTTP 404',
    });
  });

  // QA pass: offline half-way, every page left failed with "network error", 2 s apart, and was dropped
  // from the pages left; fully offline, the report said "No feed found on the blog".
  const threePages = ['first', 'second', 'third'].map((slug) => ({
    ...NEW_ON_PAGE,
    url: `${ORIGIN}/blog/scaling/${slug}`,
  }));

  it('stops when the blog is out of reach, keeping the page it was reading first for the next update', async () => {
    const pages = threePages;
    let connectionDropped = false;
    const online = (route: FakeRoute) => () => {
      if (connectionDropped) throw new TypeError('Failed to fetch');
      return route;
    };
    const { result, fake, memory } = run({
      [`${ORIGIN}/`]: online({ headers: HTML, body: homePage([]) }),
      [`${ORIGIN}/sitemap.xml`]: { headers: XML, body: sitemap(pages.map((p) => p.url)) },
      [pages[0]!.url]: () => {
        connectionDropped = true; // the connection drops once the first page is read
        return { headers: HTML, body: articlePage(pages[0]!) };
      },
      [pages[1]!.url]: online({ headers: HTML, body: articlePage(pages[1]!) }),
      [pages[2]!.url]: online({ headers: HTML, body: articlePage(pages[2]!) }),
    });
    const report = await result;
    const offline =
      'Shelf could not reach webcoderspeed.com (offline?); the next update continues where this one stopped.';
    expect(report).toMatchObject({ pagesRead: 1, unreadable: [], pagesLeft: 2 });
    expect(report.notes).toContain(offline);
    expect(fake.requests.map((r) => r.url)).not.toContain(pages[2]!.url);
    expect(memory.cursor()?.pending).toEqual([pages[1]!.url, pages[2]!.url]);
  });

  // Review: one page that always fails on the network (refused, too slow) while the blog answers was
  // kept first and stopped every later update there, "offline?".
  it('reports a page that alone fails on the network, and reads on', async () => {
    const pages = threePages;
    const { result, memory } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([]) },
      [`${ORIGIN}/sitemap.xml`]: { headers: XML, body: sitemap(pages.map((p) => p.url)) },
      [pages[0]!.url]: { headers: HTML, body: articlePage(pages[0]!) },
      [pages[1]!.url]: () => {
        throw new TypeError('Failed to fetch');
      },
      [pages[2]!.url]: { headers: HTML, body: articlePage(pages[2]!) },
    });
    const report = await result;
    expect(report).toMatchObject({ pagesRead: 2, pagesLeft: 0 });
    expect(report.unreadable).toEqual([expect.objectContaining({ url: pages[1]!.url, kind: 'network' })]);
    expect(report.notes.join(' ')).not.toMatch(/could not reach/);
    expect(memory.cursor()).toBeNull();
  });

  it('says the blog could not be reached, not "no feed", when every request fails on the network', async () => {
    const { result, fake } = run(
      {},
      {
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      },
    );
    const report = await result;
    expect(report.notes).toEqual([
      'Shelf could not reach webcoderspeed.com (offline?); the next update continues where this one stopped.',
    ]);
    expect(report.unreadable).toEqual([]);
    expect(report.requests).toBe(1);
    expect(fake.requests).toEqual([]);
  });

  it('reports a store that cannot write instead of throwing', async () => {
    const memory = createMemoryStore();
    const store = { ...memory.store, saveOverlayChanges: async () => Promise.reject(new Error('QuotaExceededError')) };
    const { result } = run(
      {
        [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
        [`${ORIGIN}/rss.xml`]: { headers: RSS, body: rssFeed(NEW_IN_FEED) },
      },
      { store },
    );
    const report = await result;
    expect(report.stopped).toBe(true);
    expect(report.notes).toContain('The update stopped: QuotaExceededError');
  });
});

describe('runCatalogUpdate: a cap per run, resumable', () => {
  const pages = Array.from({ length: 5 }, (_, i) => ({
    url: `${ORIGIN}/blog/scaling/older-article-${i}`,
    title: `Older Article ${i}`,
    description: `An older article, number ${i}.`,
  }));
  const routes = {
    [`${ORIGIN}/`]: { headers: HTML, body: homePage([]) },
    [`${ORIGIN}/sitemap.xml`]: { headers: XML, body: sitemap(pages.map((p) => p.url)) },
    ...Object.fromEntries(pages.map((p) => [p.url, { headers: HTML, body: articlePage(p) }])),
  };
  const paths = (requests: Array<{ url: string }>) => requests.map((r) => new URL(r.url).pathname);

  const feedAttempts = ['/', '/rss.xml', '/feed.xml', '/atom.xml'];

  it('reads at most maxPagesPerRun pages, then continues from the cursor, reading the feed but not the sitemap again', async () => {
    const fake = createFakeFetch(routes);
    const memory = createMemoryStore();
    const { clock } = fakeClock();
    const options = {
      articles: ARTICLES,
      store: memory.store,
      fetch: fake.fetch,
      clock,
      limits: { maxPagesPerRun: 2 },
    };

    const first = await runCatalogUpdate(options);
    expect(first).toMatchObject({ pagesRead: 2, newArticles: 2, pagesLeft: 3 });
    expect(memory.cursor()?.pending).toEqual(pages.slice(2).map((p) => p.url));

    const second = await runCatalogUpdate(options);
    expect(second).toMatchObject({ pagesRead: 2, newArticles: 2, pagesLeft: 1 });
    expect(second.notes).toContain('Continued the previous update: 3 article pages were left.');

    const third = await runCatalogUpdate(options);
    expect(third).toMatchObject({ pagesRead: 1, pagesLeft: 0 });
    expect(third.notes).toContain('Continued the previous update: 1 article page was left.');
    expect(memory.cursor()).toBeNull();
    const pathOf = (p: (typeof pages)[number]) => new URL(p.url).pathname;
    expect(paths(fake.requests)).toEqual([
      ...feedAttempts,
      '/sitemap.xml',
      ...pages.slice(0, 2).map(pathOf),
      ...feedAttempts,
      ...pages.slice(2, 4).map(pathOf),
      ...feedAttempts,
      pathOf(pages[4]!),
    ]);
  });

  // QA pass: a first update of a large blog leaves pages for many presses, and a continued one read
  // only those: an article published meanwhile waited for the whole backlog.
  it('learns a new article from the feed on a continued update, before the pages left', async () => {
    const memory = createMemoryStore();
    const { clock } = fakeClock();
    const options = { articles: ARTICLES, store: memory.store, clock, limits: { maxPagesPerRun: 1 } };
    await runCatalogUpdate({ ...options, fetch: createFakeFetch(routes).fetch });
    const published = createFakeFetch({
      ...routes,
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
      [`${ORIGIN}/rss.xml`]: { headers: RSS, body: rssFeed(NEW_IN_FEED.slice(0, 1)) },
    });
    const second = await runCatalogUpdate({ ...options, fetch: published.fetch });
    expect(second.notes).toContain('Continued the previous update: 4 article pages were left.');
    // Vector Clocks Explained from the feed, and the page read.
    expect(second).toMatchObject({ newArticles: 2, pagesRead: 1, pagesLeft: 3 });
    expect(paths(published.requests)).toEqual(['/', '/rss.xml', new URL(pages[1]!.url).pathname]);
    expect(memory.cursor()?.pending).toEqual(pages.slice(2).map((p) => p.url));
  });

  it('after an interruption, goes on with the page it was reading and never reads a page twice', async () => {
    const controller = new AbortController();
    const interrupted = createFakeFetch({
      ...routes,
      [pages[2]!.url]: () => {
        controller.abort();
        return { headers: HTML, body: articlePage(pages[2]!) };
      },
    });
    const memory = createMemoryStore();
    const { clock } = fakeClock();
    const first = await runCatalogUpdate({
      articles: ARTICLES,
      store: memory.store,
      fetch: interrupted.fetch,
      clock,
      signal: controller.signal,
    });
    expect(first).toMatchObject({ stopped: true, pagesRead: 2, pagesLeft: 3 });
    expect(memory.cursor()?.pending).toEqual(pages.slice(2).map((p) => p.url));

    const resumed = createFakeFetch(routes);
    const second = await runCatalogUpdate({ articles: ARTICLES, store: memory.store, fetch: resumed.fetch, clock });
    expect(second).toMatchObject({ stopped: false, pagesRead: 3, pagesLeft: 0 });
    expect(paths(resumed.requests)).toEqual([...feedAttempts, ...pages.slice(2).map((p) => new URL(p.url).pathname)]);
    expect(memory.records()).toHaveLength(5);
  });

  it('stops at once when asked during discovery, with nothing reported as unreadable', async () => {
    const controller = new AbortController();
    const fake = createFakeFetch({
      [`${ORIGIN}/`]: () => {
        controller.abort();
        return { headers: HTML, body: homePage([{ href: '/rss.xml' }]) };
      },
    });
    const memory = createMemoryStore();
    const { clock } = fakeClock();
    const report = await runCatalogUpdate({
      articles: ARTICLES,
      store: memory.store,
      fetch: fake.fetch,
      clock,
      signal: controller.signal,
    });
    expect(report).toMatchObject({ stopped: true, unreadable: [], notes: [] });
    expect(paths(fake.requests)).toEqual(['/']);
    expect(memory.cursor()).toBeNull();
  });

  it('lists the pages again when the cursor is too old', async () => {
    const memory = createMemoryStore([], { pending: [pages[0]!.url], listedAt: START - 30 * 86_400_000 });
    const fake = createFakeFetch(routes);
    const { clock } = fakeClock();
    const report = await runCatalogUpdate({ articles: ARTICLES, store: memory.store, fetch: fake.fetch, clock });
    expect(report.notes[0]).toBe('The addresses left by an earlier update were too old and were listed again.');
    expect(report.pagesRead).toBe(5);
  });
});

describe('runCatalogUpdate: a sitemap index', () => {
  // QA pass: only a sitemap index said it was cut; a single sitemap too long was cut without a word.
  it('says when a single sitemap lists more addresses than are read', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `${ORIGIN}/blog/scaling/page-${i}`);
    const { result } = run(
      {
        [`${ORIGIN}/`]: { headers: HTML, body: homePage([]) },
        [`${ORIGIN}/sitemap.xml`]: { headers: XML, body: sitemap(urls) },
      },
      { limits: { maxSitemapUrls: 10, maxPagesPerRun: 0 } },
    );
    const report = await result;
    expect(report.sitemapAddresses).toBe(10);
    expect(report.notes).toContain('The sitemap lists 12 addresses; the first 10 were read.');
  });

  // An index that names a sitemap twice (or under both host spellings) had each copy requested.
  it('reads each sitemap it lists once, however often it is named', async () => {
    const child = `${ORIGIN}/sitemap-posts.xml`;
    const other = `${ORIGIN}/sitemap-more.xml`;
    const { fake, result } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([]) },
      [`${ORIGIN}/sitemap.xml`]: {
        headers: XML,
        body: sitemapIndex([child, child, 'https://www.webcoderspeed.com/sitemap-posts.xml#top', other, child]),
      },
      [child]: { headers: XML, body: sitemap([NEW_ON_PAGE.url]) },
      [other]: { headers: XML, body: sitemap([NEW_IN_FEED[0]!.url]) },
      [NEW_ON_PAGE.url]: { headers: HTML, body: articlePage(NEW_ON_PAGE) },
      [NEW_IN_FEED[0]!.url]: { headers: HTML, body: articlePage(NEW_IN_FEED[0]!) },
    });
    const report = await result;
    const asked = fake.requests.map((request) => request.url);
    expect(asked.filter((url) => url.includes('sitemap-posts'))).toEqual([child]);
    expect(asked.filter((url) => url === other)).toEqual([other]);
    expect(report.newArticles).toBe(2);
    expect(report.unreadable).toEqual([]);
  });

  // QA pass: compressed sitemaps were refused as "unexpected content type".
  it('reads the compressed sitemaps it lists', async () => {
    const child = `${ORIGIN}/sitemap-0.xml.gz`;
    const body = new Blob([new Uint8Array(gzipSync(sitemap([NEW_ON_PAGE.url])))]).stream();
    const { result } = run({
      [`${ORIGIN}/`]: { headers: HTML, body: homePage([]) },
      [`${ORIGIN}/sitemap.xml`]: { headers: XML, body: sitemapIndex([child]) },
      [child]: { headers: { 'content-type': 'application/x-gzip' }, body },
      [NEW_ON_PAGE.url]: { headers: HTML, body: articlePage(NEW_ON_PAGE) },
    });
    const report = await result;
    expect(report.unreadable).toEqual([]);
    expect(report).toMatchObject({ sitemapAddresses: 1, newArticles: 1 });
  });
});

// QA pass: a slug the blog renamed left a second learned article (search showed both) and kept a
// bundled article on its old address, with a "Not linked" line on every later update.
describe('runCatalogUpdate: an article the blog moved to a new address', () => {
  const bundled = UNADDRESSED[0]!;
  const learned = NEW_IN_FEED[0]!;
  const feedAt = (learnedUrl: string, linkedUrl: string) => ({
    [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
    [`${ORIGIN}/rss.xml`]: {
      headers: RSS,
      body: rssFeed([
        { ...learned, url: learnedUrl },
        { ...sample(bundled, 'x'), url: linkedUrl },
      ]),
    },
  });
  const oldLearned = `${ORIGIN}/blog/scaling/vector-clocks`;
  const newLearned = `${ORIGIN}/blog/distributed/vector-clocks-explained`;
  const oldLinked = `${ORIGIN}/blog/scaling/linked-old`;
  const newLinked = `${ORIGIN}/blog/scaling/linked-new`;

  async function twoRuns(second: Record<string, FakeRoute>) {
    const memory = createMemoryStore();
    const { clock } = fakeClock();
    const options = { articles: ARTICLES, store: memory.store, clock };
    await runCatalogUpdate({ ...options, fetch: createFakeFetch(feedAt(oldLearned, oldLinked)).fetch });
    const report = await runCatalogUpdate({ ...options, fetch: createFakeFetch(second).fetch });
    const urlOf = (id: string) => memory.records().find((record) => record.id === id)?.fields.url?.value;
    return { report, records: memory.records(), urlOf };
  }

  it('moves both to the new address, keeping their ids, when the feed no longer lists the old one', async () => {
    const { report, records, urlOf } = await twoRuns(feedAt(newLearned, newLinked));
    expect(records.map((record) => [record.kind, record.id]).sort()).toEqual(
      [
        ['learned', 'vector-clocks'],
        ['linked', bundled.id],
      ].sort(),
    );
    expect(urlOf('vector-clocks')).toBe(newLearned);
    expect(urlOf(bundled.id)).toBe(newLinked);
    expect(report).toMatchObject({ addressesFilled: 0, newArticles: 0, ambiguous: [] });
    expect(report.notes.filter((note) => note.startsWith('Moved'))).toEqual([
      `Moved on the blog: ${oldLearned} is now ${newLearned}`,
      `Moved on the blog: ${oldLinked} is now ${newLinked}`,
    ]);
  });

  it('moves nothing while the old address is still listed, nor on a near miss', async () => {
    const routes = feedAt(newLearned, newLinked);
    routes[`${ORIGIN}/rss.xml`] = {
      headers: RSS,
      body: rssFeed([
        { ...learned, url: newLearned, description: `${learned.description} Now with a demo.` },
        { ...sample(bundled, 'x'), url: newLinked },
        { ...sample(bundled, 'x'), url: oldLinked },
      ]),
    };
    const { report, urlOf } = await twoRuns(routes);
    expect(urlOf('vector-clocks')).toBe(oldLearned);
    expect(urlOf('vector-clocks-explained')).toBe(newLearned);
    expect(urlOf(bundled.id)).toBe(oldLinked);
    expect(report.ambiguous).toEqual([expect.objectContaining({ url: newLinked })]);
  });
});

// QA pass: report lines that contradicted each other or counted what was no longer kept.
describe('runCatalogUpdate: the report counts what remains', () => {
  const feed = (items: BlogArticleSample[]) => ({
    [`${ORIGIN}/`]: { headers: HTML, body: homePage([{ href: '/rss.xml' }]) },
    [`${ORIGIN}/rss.xml`]: { headers: RSS, body: rssFeed(items) },
  });

  it('drops "linked once the other page is read" when the other page links it in the same update', async () => {
    const clickhouse = ARTICLES.find((a) => a.possibleMatches.length > 0)!;
    const [shared, other] = clickhouse.possibleMatches;
    const { result, memory } = run(
      feed([
        { ...shared!, description: clickhouse.summary },
        { ...other!, description: 'Analytics for backend engineers, without a warehouse.' },
      ]),
    );
    const report = await result;
    expect(report.addressesFilled).toBe(1);
    expect(report.ambiguous).toEqual([]);
    expect(memory.records().find((r) => r.id === clickhouse.id)?.fields.url?.value).toBe(shared!.url);
  });

  it('counts one address filled when the same address comes twice with two summaries, one link kept', async () => {
    const url = `${ORIGIN}/blog/scaling/twice-in-the-feed`;
    const [first, second] = UNADDRESSED;
    const { result, memory } = run(
      feed([
        { ...sample(first!, 'x'), url },
        { ...sample(second!, 'x'), url },
      ]),
    );
    const report = await result;
    const linked = memory.records().filter((r) => r.kind === 'linked');
    expect(linked).toHaveLength(1);
    expect(report).toMatchObject({ addressesFilled: linked.length, titlesConfirmed: linked.length, newArticles: 0 });
  });
});
