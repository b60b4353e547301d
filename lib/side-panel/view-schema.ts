// zod/mini: this module is on the popup's start-up path, where full Zod's size shows.

import { MAX_ITEM_URL_LENGTH } from '@/lib/db/limits';
import { z } from '@/lib/zod/mini';

/** A reader view opened before its passage was known carries at most this many terms, each this long at most. */
export const READER_VIEW_TERMS = { count: 32, length: 100 } as const;

/** A phrase as a reader view carries it (`QueryPhrase` without the misread words). */
const phraseShape = {
  words: z
    .array(z.string().check(z.maxLength(READER_VIEW_TERMS.length)))
    .check(z.minLength(1), z.maxLength(READER_VIEW_TERMS.count)),
  lastIsPrefix: z.boolean(),
};

/**
 * What the side panel shows. Kept in `storage.session` (not in memory) because the service worker
 * that sets it may be stopped at any time, and the side panel may open after it was set.
 */
export const sidePanelViewSchema = z.discriminatedUnion('kind', [
  /** Every article by topic, or those with one tag (a tag chosen on a card). */
  z.strictObject({ kind: z.literal('browse'), tag: z.optional(z.string().check(z.maxLength(100))) }),
  z.strictObject({ kind: z.literal('reading-list') }),
  /** `at: 'import'`: with the focus on importing from another app (the empty reading list's "Import in Settings"). */
  z.strictObject({ kind: z.literal('settings'), at: z.optional(z.literal('import')) }),
  z.strictObject({
    kind: z.literal('reader'),
    itemId: z.string().check(z.minLength(1), z.maxLength(300)),
    /** Opened from the reading list (or from a card or reader opened from it): "Next" follows that list. */
    fromList: z.optional(z.literal(true)),
    /** Words of the copy to open at (a search result's passage). */
    passage: z.optional(z.string().check(z.maxLength(400))),
    /** Found by the user's note alone: the reader opens at the note, which the copy does not hold. */
    at: z.optional(z.literal('note')),
    /** Without a passage yet (opened before its snippet was read): the search's matched terms, to find it. */
    terms: z.optional(
      z.array(z.string().check(z.maxLength(READER_VIEW_TERMS.length))).check(z.maxLength(READER_VIEW_TERMS.count)),
    ),
    prefix: z.optional(z.string().check(z.maxLength(READER_VIEW_TERMS.length))),
    /** The query as a phrase: where the copy holds it in a row, that is the passage (else where it holds `orElse`). */
    phrase: z.optional(
      z.strictObject({
        ...phraseShape,
        /** A query with quotes: its longest quoted phrase, looked for where the copy does not hold the whole. */
        orElse: z.optional(z.strictObject(phraseShape)),
      }),
    ),
    /** The query's words as written: of passages worth the same, the one writing them so (`SnippetOptions.written`). */
    written: z.optional(
      z.array(z.string().check(z.maxLength(READER_VIEW_TERMS.length))).check(z.maxLength(READER_VIEW_TERMS.count)),
    ),
  }),
  /** A result to tell the user (e.g. why a page could not be saved). */
  z.strictObject({ kind: z.literal('message'), text: z.string().check(z.maxLength(1000)) }),
  z.strictObject({
    kind: z.literal('article'),
    articleId: z.string().check(z.minLength(1)),
    /** Opened from the reading list: its "Read saved copy" keeps following that list. */
    fromList: z.optional(z.literal(true)),
  }),
  z.strictObject({
    kind: z.literal('related'),
    /** What to find related articles for: a selection, a link's words, or a page's main text. */
    query: z.string().check(z.maxLength(60_000)),
    /** The page's title, when the query is a whole page. */
    title: z.optional(z.string().check(z.maxLength(300))),
    source: z.enum(['selection', 'link', 'page']),
    /** The page the user was on: a saved copy of it is not listed as related to itself. */
    url: z.optional(z.string().check(z.maxLength(MAX_ITEM_URL_LENGTH))),
    /** The saved item it was right-clicked in (Shelf's own reader): not listed as related to itself either. */
    itemId: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
    /** Shown to the user: what they right-clicked. */
    label: z.string().check(z.maxLength(300)),
  }),
]);

export type SidePanelView = z.infer<typeof sidePanelViewSchema>;
