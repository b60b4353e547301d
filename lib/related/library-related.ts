import { normalizePageUrl } from '@/lib/db/ids';
import { comparableAddress } from '@/lib/net/same-page';
import type { RelatedEngine, RelatedInput } from '@/lib/related/engine';
import { QUERY_WORDS } from '@/lib/related/find-related';
import type { LibraryHit, LibraryIndex, LibraryResponse } from '@/lib/search/library-index';
import { makeSnippetBetweenTasks, type Snippet } from '@/lib/search/snippet';
import { countWords } from '@/lib/search/text';
import { readerViewOf, type SearchHit, type UnifiedResponse } from '@/lib/search/unified';

/**
 * A saved page is related when its confidence reaches this: the share of the text's heaviest
 * words' weight (discounted as "Find related" discounts them) it covers (each word credited by its
 * rarity among the saved pages), its largest single word counted half. Calibrated with 12 real web
 * pages and 8 Debian documentation pages saved, and measured again once the words were discounted on
 * the 14 of tests/unit/lib/related/library-related.test.ts: passages of 60 words from the middle of
 * each score 0.35–0.69 for their own page, always first (of 25 words, at five places in each page: 1
 * of 70 not listed); unrelated documentation pages at most 0.22 (colorsys → turtle), a lemon cake
 * recipe 0.03; a Sudan sanctions paragraph 0.26 for a saved article on Sudan sanctions saved beside them
 * (0.23 undiscounted: missed).
 */
export const LIBRARY_MATCH_THRESHOLD = 0.26;
/** The text's heaviest words that are looked up: what it is about, and few postings read. */
const COVERED_TERMS = 30;
/** How fast a word's credit saturates with how often the saved page uses it (tf/(tf + K)). */
const SATURATION = 0.5;

export interface RelatedSavedOptions {
  limit?: number;
  /** The saved item the text is from, and the address of the page it is from: never related to itself. */
  excludeItemId?: string;
  excludeUrl?: string;
}

/**
 * A page's address as compared: without its #fragment, "www.", a trailing slash or tracking
 * parameters (QA pass: a saved page opened from a newsletter's ?utm_source=… link was related to itself).
 */
function sameAddress(url: string): string {
  return comparableAddress(url) ?? normalizePageUrl(url);
}

/** Saved pages' addresses as compared (normalized once each: a library of 10,000 took 10–40 ms a time). */
const normalizedAddresses = new Map<string, string>();
function addressOf(url: string): string {
  const known = normalizedAddresses.get(url);
  if (known !== undefined) return known;
  if (normalizedAddresses.size >= 50_000) normalizedAddresses.clear();
  const address = sameAddress(url);
  normalizedAddresses.set(url, address);
  return address;
}

const NOTHING: LibraryResponse = { results: [], loose: [], matchedTerms: new Set(), prefix: null };

/**
 * The user's saved pages related to a text, with the same honesty as the blog's articles: a short
 * text (a few selected words) through the library's search, typos and all, confident results
 * only; a longer one by how much of its heaviest words (tf-idf against the blog's articles, everyday
 * words and every manual's words discounted as "Find related" discounts them: undiscounted, a few
 * saved pages of one manual were related to every page of it) a saved page covers. Nothing when no
 * saved page is closely related.
 */
export function findRelatedSaved(
  index: LibraryIndex,
  engine: RelatedEngine,
  { title = '', text }: RelatedInput,
  { limit = 5, excludeItemId, excludeUrl }: RelatedSavedOptions = {},
): LibraryResponse {
  // The same page under another spelling of its address (a #fragment, an upper-case host) is still itself.
  const excludedAddress = excludeUrl === undefined ? undefined : sameAddress(excludeUrl);
  const isExcluded = (saved: Pick<LibraryHit, 'itemId' | 'url'>) =>
    saved.itemId === excludeItemId || (saved.url !== null && addressOf(saved.url) === excludedAddress);
  // Counted as search counts them: a paragraph of Chinese is many words, not one.
  const words = countWords(text);
  // One more than asked for each item that may be left out.
  const asked = limit + 2;
  const response =
    words < QUERY_WORDS && !title
      ? index.search(text, { limit: asked, typing: false })
      : index.cover(topicTerms(engine.weighDiscountedTerms({ title, text })).slice(0, COVERED_TERMS), {
          threshold: LIBRARY_MATCH_THRESHOLD,
          limit: asked,
          saturation: SATURATION,
          leaveOut: ({ id, url }) => isExcluded({ itemId: id, url }),
        });
  if (response.results.length === 0) return NOTHING;
  return { ...response, results: response.results.filter((hit) => !isExcluded(hit)).slice(0, limit), loose: [] };
}

/**
 * A number alone ("12", "500", "2020", "17:59:00+00") says nothing of what a text is about, yet as a
 * word the blog never uses it weighs as a rare one: a saved SQL article's result tables made an
 * encyclopedia's population tables its related page (QA pass). Words with digits stay ("http2", "n+1").
 * The blog's articles are ranked as calibrated (numbers count there: `npm run eval`).
 */
const NUMBER_TERM = /^[0-9.:,+-]+$/;
function topicTerms<T extends { term: string }>(weighed: readonly T[]): T[] {
  return weighed.filter(({ term }) => !NUMBER_TERM.test(term));
}

/**
 * Where a related saved page opens: the reader at the passage its snippet shows. Chosen before that
 * snippet was made, the passage is made now from the copy (`readText`) rather than left to the
 * matched terms a view can carry: those are capped (`READER_VIEW_TERMS`), and without the words left
 * out (a long one, say) the reader could open at another passage.
 */
export async function relatedPageView(
  hit: SearchHit & { kind: 'page' },
  snippets: ReadonlyMap<string, Snippet>,
  response: Pick<UnifiedResponse, 'matchedTerms' | 'prefix'>,
  readText: (itemId: string) => Promise<string | undefined>,
): Promise<ReturnType<typeof readerViewOf>> {
  const itemId = hit.page.itemId;
  if (snippets.has(itemId)) return readerViewOf(itemId, snippets, response);
  const text = await readText(itemId).catch(() => undefined);
  const passage =
    text === undefined
      ? undefined
      : (await makeSnippetBetweenTasks(text, response.matchedTerms, response.prefix))?.passage;
  return passage ? { kind: 'reader', itemId, passage } : readerViewOf(itemId, snippets, response);
}
