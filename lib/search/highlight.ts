import {
  completesPrefix,
  matchedHyphenatedWords,
  normalizeTextWithOffsets,
  termsOfWord,
  tokenize,
} from '@/lib/search/text';

export interface HighlightRange {
  start: number;
  end: number;
}

/**
 * Where a text shows the words a query matched: words whose terms the search matched, or that start
 * with the word being typed. Ranges are sorted and never overlap.
 */
export function getHighlightRanges(
  text: string,
  matchedTerms: ReadonlySet<string>,
  prefix: string | null,
): HighlightRange[] {
  if (matchedTerms.size === 0 && !prefix) return [];
  // Tokens are found in the normalized text and marked where their characters stand in `text`.
  const { normalized, starts, ends } = normalizeTextWithOffsets(text);
  const found: HighlightRange[] = [];
  const mark = (from: number, to: number) => found.push({ start: starts[from] as number, end: ends[to - 1] as number });
  for (const token of tokenize(normalized)) {
    const isMatch =
      termsOfWord(token.surface).some((term) => matchedTerms.has(term)) || completesPrefix(token.surface, prefix);
    if (isMatch) mark(token.start, token.end);
  }
  // Marked whole (QA pass: "wifi" found the page saying "Wi-Fi", with no passage shown and the reader at its top).
  for (const word of matchedHyphenatedWords(normalized, matchedTerms)) mark(word.start, word.end);
  found.sort((a, b) => a.start - b.start);
  const ranges: HighlightRange[] = [];
  for (const { start, end } of found) {
    const last = ranges.at(-1);
    if (last && start <= last.end + 1 && /^\s?$/.test(text.slice(last.end, start))) last.end = Math.max(last.end, end);
    else ranges.push({ start, end });
  }
  return ranges;
}

export interface HighlightPart {
  text: string;
  marked: boolean;
}

/** `text` cut at the ranges: the parts shown plain and the parts shown in `<mark>`, in order. */
export function splitAtHighlights(text: string, ranges: readonly HighlightRange[]): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let cursor = 0;
  for (const { start, end } of ranges) {
    if (start > cursor) parts.push({ text: text.slice(cursor, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length || parts.length === 0) parts.push({ text: text.slice(cursor), marked: false });
  return parts;
}
