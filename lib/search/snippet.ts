import { getHighlightRanges, type HighlightRange } from '@/lib/search/highlight';
import { normalizeTextWithOffsets, termsOfWord, tokenize } from '@/lib/search/text';

export interface Snippet {
  /** A passage of the text, with "…" where it was cut. */
  text: string;
  /** The matched words in `text`. */
  ranges: HighlightRange[];
  /** The passage's words as they stand in the text (without "…"): what the reader looks for to open there. */
  passage: string;
}

const WIDTH = 180;

/**
 * The passage of a long text that shows the most of the query's matched words (different words
 * first, then how many), cut at word boundaries, with the words highlighted. Null when no word matches.
 */
export function makeSnippet(
  text: string,
  matchedTerms: ReadonlySet<string>,
  prefix: string | null,
  width = WIDTH,
): Snippet | null {
  // Words are found in the normalized text; `start` is where each stands in `text`.
  const { normalized, starts } = normalizeTextWithOffsets(text);
  const hits: Array<{ start: number; key: string }> = [];
  for (const token of tokenize(normalized)) {
    const term = termsOfWord(token.surface).find((candidate) => matchedTerms.has(candidate));
    if (term) hits.push({ start: starts[token.start] as number, key: term });
    else if (prefix !== null && prefix.length >= 2 && token.surface.startsWith(prefix))
      hits.push({ start: starts[token.start] as number, key: prefix });
  }
  if (hits.length === 0) return null;
  let best = { from: 0, distinct: 0, count: 0 };
  let from = 0;
  const inWindow = new Map<string, number>();
  for (let to = 0; to < hits.length; to++) {
    const hit = hits[to] as (typeof hits)[number];
    inWindow.set(hit.key, (inWindow.get(hit.key) ?? 0) + 1);
    while (hit.start - (hits[from] as (typeof hits)[number]).start > width * 0.7) {
      const key = (hits[from] as (typeof hits)[number]).key;
      const left = (inWindow.get(key) ?? 1) - 1;
      if (left === 0) inWindow.delete(key);
      else inWindow.set(key, left);
      from++;
    }
    const count = to - from + 1;
    if (inWindow.size > best.distinct || (inWindow.size === best.distinct && count > best.count))
      best = { from, distinct: inWindow.size, count };
  }
  const first = (hits[best.from] as (typeof hits)[number]).start;
  return cut(text, Math.max(0, first - Math.round(width * 0.2)), width, matchedTerms, prefix);
}

/**
 * How far a cut moves to fall between words: Chinese and Japanese run on without spaces (so may a long
 * address), and a passage must stay short (the reader's view takes 400 characters).
 */
const WORD_REACH = 24;

function cut(text: string, around: number, width: number, matchedTerms: ReadonlySet<string>, prefix: string | null) {
  let start = around;
  while (start > 0 && around - start < WORD_REACH && /\S/.test(text[start - 1] as string)) start--;
  if (start > 0 && /\S/.test(text[start - 1] as string)) start = around;
  if (start > 0 && isLowSurrogate(text, start) && isHighSurrogate(text, start - 1)) start--;
  let end = Math.min(text.length, start + width);
  const endAtWidth = end;
  while (end < text.length && end - endAtWidth < WORD_REACH && /\S/.test(text[end] as string)) end++;
  if (end < text.length && /\S/.test(text[end] as string)) end = endAtWidth;
  if (end < text.length && isLowSurrogate(text, end) && isHighSurrogate(text, end - 1)) end++;
  const passage = text.slice(start, end).replace(/\s+/g, ' ').trim();
  const shown = `${start > 0 ? '…' : ''}${passage}${end < text.length ? '…' : ''}`;
  return { text: shown, ranges: getHighlightRanges(shown, matchedTerms, prefix), passage };
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff;
}
