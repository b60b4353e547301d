import { BLOG_ORIGIN } from '@/lib/corpus/blog-url';
import type { ListRow } from '@/lib/reading-list/list-query';
import { siteOf } from '@/lib/reading-list/site';

/** What a reading-list row says under its title: the site, and how long it takes to read. */
export interface RowDetails {
  site: string;
  /** Minutes, or null when neither the catalog nor a readable copy says. */
  readMinutes: number | null;
}

const BLOG_SITE = siteOf(BLOG_ORIGIN);

/**
 * A row's site and reading time: a bundled article is on the blog and the catalog may know its
 * reading time; a saved page is on its own site, and its readable copy (when there is one, from
 * `copyMinutes`) knows how long it is.
 */
export function getRowDetails(row: ListRow, copyMinutes: ReadonlyMap<string, number>): RowDetails {
  const site = row.article ? BLOG_SITE : siteOf(row.item.url);
  return { site, readMinutes: row.article?.readMinutes ?? copyMinutes.get(row.item.id) ?? null };
}
