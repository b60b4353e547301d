import { BLOG_ORIGIN } from '@/lib/corpus/blog-url';
import type { CopyFacts } from '@/lib/db/copies';
import type { ListRow } from '@/lib/reading-list/list-query';
import { siteOf } from '@/lib/reading-list/site';
import { shownLine } from '@/lib/search/shown-line';

/** What a reading-list row says under its title: the site, and how long it takes to read. */
export interface RowDetails {
  site: string;
  /** Minutes, or null when neither the catalog nor a readable copy says. */
  readMinutes: number | null;
}

const BLOG_SITE = siteOf(BLOG_ORIGIN);

/**
 * A row's site and reading time: a bundled article is on the blog and the catalog may know its
 * reading time; a saved page is on its own site, named as its readable copy names it (as the popup's
 * results do: "BBC News", not the address's host), and that copy (from `copies`) knows how long it is.
 */
export function getRowDetails(row: ListRow, copies: ReadonlyMap<string, CopyFacts>): RowDetails {
  const copy = copies.get(row.item.id);
  const site = row.article ? BLOG_SITE : shownLine(copy?.siteName ?? '') || siteOf(row.item.url);
  return { site, readMinutes: row.article?.readMinutes ?? copy?.readMinutes ?? null };
}
