import type { SavedItem } from '@/lib/db/schema';
import { normalizeText } from '@/lib/search/text';

// Pure (no database import): the popup loads it at start, before the database code.

/** A saved page (not a bundled article) as search shows it. */
export interface SavedPageHit {
  itemId: string;
  title: string;
  site: string;
}

/** The site an address is on, as people name it: `example.com` for https://www.example.com/x. */
export function siteOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}

/** Saved pages whose title or site contains every word of the query (case and accents ignored). */
export function matchSavedPages(pages: readonly SavedItem[], query: string, limit = 5): SavedPageHit[] {
  const words = normalizeText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: SavedPageHit[] = [];
  for (const page of pages) {
    const site = siteOf(page.url);
    const haystack = normalizeText(`${page.title} ${site}`);
    if (words.every((word) => haystack.includes(word))) hits.push({ itemId: page.id, title: page.title, site });
    if (hits.length >= limit) break;
  }
  return hits;
}
