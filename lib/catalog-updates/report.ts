import type { LearnOutcome } from '@/lib/catalog-updates/learn';

/** What one catalog update did, for the Settings report. Every count is of changes made in this run. */
export interface CatalogUpdateReport {
  startedAt: number;
  finishedAt: number;
  /** The feed that was read, if one was. */
  feed: { url: string; format: 'rss' | 'atom'; items: number; total: number } | null;
  /** Article addresses the sitemap listed. */
  sitemapAddresses: number;
  /** Bundled articles without an address that now have one. */
  addressesFilled: number;
  /** Bundled articles that now carry the blog's own title, read from the blog. */
  titlesConfirmed: number;
  newArticles: number;
  pagesRead: number;
  /** Addresses, feeds and pages that could not be read, each with why. */
  unreadable: Array<{ url: string; kind: string; reason: string }>;
  /** Pages whose text is close to a bundled article's but not the same: not linked. */
  nearMisses: Array<{
    url: string;
    field: 'description' | 'title';
    closestId: string;
    closestTitle: string;
    similarity: number;
  }>;
  /** Pages that fit more than one article, or an article already placed elsewhere: not linked. */
  ambiguous: Array<{ url: string; articleIds: string[]; reason: string }>;
  notes: string[];
  /** Article pages left for the next update (the cursor). */
  pagesLeft: number;
  requests: number;
  /** The update was stopped (or failed) before it finished. */
  stopped: boolean;
  /**
   * Everything was deleted ("Delete everything") or replaced (a backup restored with Replace) while it
   * ran: it stopped, and nothing of it is kept or told; the library it worked for is gone.
   */
  deleted: boolean;
}

export function emptyReport(startedAt: number): CatalogUpdateReport {
  return {
    startedAt,
    finishedAt: startedAt,
    feed: null,
    sitemapAddresses: 0,
    addressesFilled: 0,
    titlesConfirmed: 0,
    newArticles: 0,
    pagesRead: 0,
    unreadable: [],
    nearMisses: [],
    ambiguous: [],
    notes: [],
    pagesLeft: 0,
    requests: 0,
    stopped: false,
    deleted: false,
  };
}

const WAITING = 'it carries a summary that fits two pages; linked once the other page is read';

/** Adds what learning one page or feed item did to the report. */
export function tally(report: CatalogUpdateReport, outcomes: readonly LearnOutcome[]): void {
  for (const outcome of outcomes) {
    switch (outcome.kind) {
      case 'linked': {
        // A page this update said was waiting for the other page is now linked: the line no longer holds.
        const { articleId } = outcome;
        report.ambiguous = report.ambiguous.filter(
          (entry) => !(entry.reason === WAITING && entry.articleIds.length === 1 && entry.articleIds[0] === articleId),
        );
        if (outcome.movedFrom) report.notes.push(`Moved on the blog: ${outcome.movedFrom} is now ${outcome.url}`);
        if (outcome.addressFilled) report.addressesFilled += 1;
        if (outcome.titleConfirmed) report.titlesConfirmed += 1;
        break;
      }
      case 'uncounted':
        if (outcome.addressFilled) report.addressesFilled -= 1;
        if (outcome.titleConfirmed) report.titlesConfirmed -= 1;
        if (outcome.isNew) report.newArticles -= 1;
        break;
      case 'learned':
        if (outcome.movedFrom) report.notes.push(`Moved on the blog: ${outcome.movedFrom} is now ${outcome.url}`);
        if (outcome.isNew) report.newArticles += 1;
        break;
      case 'waiting':
        report.ambiguous.push({
          url: outcome.url,
          articleIds: [outcome.articleId],
          reason: WAITING,
        });
        break;
      case 'ambiguous':
        report.ambiguous.push({ url: outcome.url, articleIds: outcome.articleIds, reason: outcome.reason });
        break;
      case 'near-miss':
        report.nearMisses.push({
          url: outcome.url,
          field: outcome.field,
          closestId: outcome.closest.id,
          closestTitle: outcome.closest.title,
          similarity: outcome.closest.similarity,
        });
        break;
      case 'read-page':
        break;
      case 'skipped':
        report.unreadable.push({ url: outcome.url, kind: 'skipped', reason: outcome.reason });
        break;
    }
  }
}

/** A count with its noun: "1 article page", "3 article pages". */
export const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What the stored report keeps (catalogUpdateStatus's schema): more would not be stored at all. */
export const MAX_REPORT_LINES = 200;
export const MAX_REPORT_LINE = 2000;

/** The report as the lines Settings shows, most important first, within what can be stored. */
export function describeReport(report: CatalogUpdateReport): string[] {
  const lines = allReportLines(report).map((line) =>
    line.length > MAX_REPORT_LINE ? `${line.slice(0, MAX_REPORT_LINE - 1)}…` : line,
  );
  if (lines.length <= MAX_REPORT_LINES) return lines;
  const kept = lines.slice(0, MAX_REPORT_LINES - 1);
  return [...kept, `…and ${(lines.length - kept.length).toLocaleString('en')} more lines`];
}

function allReportLines(report: CatalogUpdateReport): string[] {
  const lines = [
    `${count(report.addressesFilled, 'address', 'addresses')} filled in`,
    `${count(report.titlesConfirmed, 'title', 'titles')} confirmed`,
    `${count(report.newArticles, 'new article', 'new articles')}`,
    `${count(report.unreadable.length, 'page', 'pages')} could not be read`,
    ...report.unreadable.map((entry) => `${entry.url}: ${entry.reason}`),
  ];
  for (const near of report.nearMisses) {
    lines.push(
      `Near miss, not linked: ${near.url} — its ${near.field} is close to “${near.closestTitle}” (${Math.round(near.similarity * 100)}% alike)`,
    );
  }
  for (const entry of report.ambiguous) lines.push(`Not linked: ${entry.url} — ${entry.reason}`);
  lines.push(...report.notes);
  if (report.pagesLeft > 0)
    lines.push(`${count(report.pagesLeft, 'article page', 'article pages')} left for the next update`);
  if (report.stopped) lines.push('The update stopped before it finished; the next one continues where it stopped.');
  return lines;
}
