import { normalizeText, termsOfWord, tokenize } from '@/lib/search/text';

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
  const normalized = normalizeText(text);
  // Offsets must index the original text; accents folded by NFKD would shift them, so fall back to
  // lowercasing alone for such texts.
  const searchable = normalized.length === text.length ? normalized : text.toLowerCase();
  if (searchable.length !== text.length) return [];
  const ranges: HighlightRange[] = [];
  for (const token of tokenize(searchable)) {
    const isMatch =
      termsOfWord(token.surface).some((term) => matchedTerms.has(term)) ||
      (prefix !== null && prefix.length >= 2 && token.surface.startsWith(prefix));
    if (!isMatch) continue;
    const last = ranges.at(-1);
    if (last && token.start <= last.end + 1 && /^\s?$/.test(text.slice(last.end, token.start))) last.end = token.end;
    else ranges.push({ start: token.start, end: token.end });
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
