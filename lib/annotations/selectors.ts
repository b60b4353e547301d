import { z } from 'zod';
import { createTextModel, type TextModel } from '@/lib/annotations/text-model';

/**
 * Where a highlight is, as W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors)
 * over the text defined in `text-model.ts`: the quote with some text before and after it, and its
 * character offsets. The quote finds it again after the page changes; the offsets say which of
 * several equal quotes it was.
 */

/** Characters of context kept on each side of a quote (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;
export const MAX_QUOTE_LENGTH = 20_000;
/** Longer than Shelf writes, so contexts imported from other tools still fit. */
const MAX_STORED_CONTEXT_LENGTH = 1_000;

export const textQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
  prefix: z.string().max(MAX_STORED_CONTEXT_LENGTH).optional(),
  suffix: z.string().max(MAX_STORED_CONTEXT_LENGTH).optional(),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

export const textPositionSelectorSchema = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((selector) => selector.end > selector.start, { message: 'end must be after start' });
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

/** A highlight's target: always a quote, and its position where known (imports may lack it). */
export const selectorSetSchema = z.strictObject({
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema.optional(),
});
export type SelectorSet = z.infer<typeof selectorSetSchema>;

export type DescribeResult = { ok: true; selectors: SelectorSet } | { ok: false; error: 'no-text' | 'too-long' };

/** The selectors of the root's text that `range` covers, without whitespace at either end. */
export function describeRange(root: Element, range: Range, model: TextModel = createTextModel(root)): DescribeResult {
  const { text } = model;
  let { start, end } = model.spanOfRange(range);
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (start === end) return { ok: false, error: 'no-text' };
  if (end - start > MAX_QUOTE_LENGTH) return { ok: false, error: 'too-long' };
  return {
    ok: true,
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
        suffix: text.slice(end, end + CONTEXT_LENGTH),
      },
      position: { type: 'TextPositionSelector', start, end },
    },
  };
}
