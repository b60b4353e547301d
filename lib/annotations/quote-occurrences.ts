import type { TextSpan } from '@/lib/annotations/text-model';

/** Past this many exact occurrences a quote (a single common word) says nothing about where it was. */
export const MAX_OCCURRENCES = 2_000;

/** Where `quote` occurs in `text`, overlapping ones too, up to one past MAX_OCCURRENCES: a pass over the whole text. */
export function exactOccurrences(text: string, quote: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (let at = text.indexOf(quote); at !== -1 && spans.length <= MAX_OCCURRENCES; at = text.indexOf(quote, at + 1)) {
    spans.push({ start: at, end: at + quote.length });
  }
  return spans;
}

/** The last text counted, and how often each UTF-16 code unit occurs in it: a copy's highlights share one text. */
let lastCounted: { text: string; counts: Uint32Array } | null = null;

function codeUnitCounts(text: string): Uint32Array {
  if (lastCounted?.text === text) return lastCounted.counts;
  const counts = new Uint32Array(0x10000);
  for (let k = 0; k < text.length; k++) {
    const unit = text.charCodeAt(k);
    counts[unit] = (counts[unit] as number) + 1;
  }
  lastCounted = { text, counts };
  return counts;
}

/**
 * Whether `quote` might occur in `text` more than MAX_OCCURRENCES times, told without searching it:
 * the occurrences start at different places, so each holds its k-th code unit at a different place,
 * and a quote occurs at most as often as its rarest code unit does.
 */
export function mayOccurTooOften(text: string, quote: string): boolean {
  const counts = codeUnitCounts(text);
  for (let k = 0; k < quote.length; k++) {
    if ((counts[quote.charCodeAt(k)] as number) <= MAX_OCCURRENCES) return false;
  }
  return true;
}
