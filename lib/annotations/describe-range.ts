import { type QuoteBlock, quoteBlocksOfRange } from '@/lib/annotations/quote-blocks';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { createTextModel, type TextModel } from '@/lib/annotations/text-model';

/**
 * A range of the root's text as selectors (`selectors.ts` says what they are). Apart from their Zod
 * schemas: the script on the blog's pages describes selections too, and a page should not pay for
 * Zod (the background validates what it sends).
 */

/** Characters of context kept on each side of a quote (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;
export const MAX_QUOTE_LENGTH = 20_000;

export type DescribeResult =
  | { ok: true; selectors: SelectorSet; quoteBlocks?: QuoteBlock[] }
  | { ok: false; error: 'no-text' | 'too-long' };

/**
 * The selectors of the root's text that `range` covers, without whitespace at either end, and the
 * quote's paragraphs and code lines where it has more than one line (`quote-blocks.ts`).
 */
export function describeRange(root: Element, range: Range, model: TextModel = createTextModel(root)): DescribeResult {
  const { text } = model;
  let { start, end } = model.spanOfRange(range);
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (start === end) return { ok: false, error: 'no-text' };
  if (end - start > MAX_QUOTE_LENGTH) return { ok: false, error: 'too-long' };
  const selectors = selectorsOfSpan(text, start, end);
  const quoteBlocks = quoteBlocksOfRange(root, model.rangeOfSpan({ start, end }), selectors.quote.exact);
  return quoteBlocks ? { ok: true, selectors, quoteBlocks } : { ok: true, selectors };
}

/** The selectors of [start, end) of a model's text: the quote, its context, its position. */
export function selectorsOfSpan(text: string, start: number, end: number): SelectorSet {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
