import { shownLine } from '@/lib/search/shown-line';

/**
 * Text as the blog wrote it, made comparable. `cleanText` is for keeping and showing; `matchKey`
 * is the one definition of "the same text" that linking relies on; `textSimilarity` only ever
 * names a near miss, it never links.
 */

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * NFC, invisible characters dropped, then one plain line as Shelf shows a page's text (`shownLine`:
 * control characters and bidi overrides as a space, which would run a card's row backwards), runs of
 * whitespace (NBSP included) as one space, trimmed.
 */
export function cleanText(text: string): string {
  return shownLine(text.normalize('NFC').replace(INVISIBLE, ''));
}

/**
 * The exact-match key of a title or description: `cleanText`, then typographic variants folded —
 * curly and prime quotes to straight ones, every dash and minus to `-`, `...` to `…`, and `''` to
 * `'` (the upstream catalog made that one change to its descriptions). Case, words, punctuation
 * and a trailing ellipsis are kept: a truncated text is a different text.
 */
export function matchKey(text: string): string {
  return cleanText(text)
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\.{3}/g, '\u2026')
    .replace(/''/g, "'");
}

/** Lowercased words (letters and digits) of a text, in order. */
export function words(text: string): string[] {
  return (
    matchKey(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Adjacent word pairs: one changed word alters two of them, so edits and truncations score high. */
export function wordPairs(text: string): Set<string> {
  const list = words(text);
  if (list.length === 1) return new Set(list);
  const pairs = new Set<string>();
  for (let i = 1; i < list.length; i += 1) pairs.add(`${list[i - 1]} ${list[i]}`);
  return pairs;
}

/** Dice coefficient of two sets of word pairs, 0 (nothing shared) to 1 (the same pairs). */
export function pairSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const pair of small) if (large.has(pair)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

export function textSimilarity(a: string, b: string): number {
  return pairSimilarity(wordPairs(a), wordPairs(b));
}
