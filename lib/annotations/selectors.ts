import { MAX_QUOTE_LENGTH } from '@/lib/annotations/describe-range';
import { MAX_QUOTE_BLOCKS_LENGTH } from '@/lib/annotations/quote-blocks';
import { z } from '@/lib/zod/classic';

// Describing a range lives apart, without Zod, for the script on the blog's pages (see there).
export { CONTEXT_LENGTH, type DescribeResult, describeRange, MAX_QUOTE_LENGTH } from '@/lib/annotations/describe-range';

/**
 * Where a highlight is, as W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors)
 * over the text defined in `text-model.ts`: the quote with some text before and after it, and its
 * character offsets. The quote finds it again after the page changes; the offsets say which of
 * several equal quotes it was.
 */

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

/**
 * A quote's paragraphs and code lines (`quote-blocks.ts`), what the Markdown export writes; not a
 * selector: the quote above is what finds the highlight.
 */
export const quoteBlocksSchema = z
  .array(
    z.strictObject({
      text: z.string().min(1).max(MAX_QUOTE_BLOCKS_LENGTH),
      code: z.literal(true).optional(),
    }),
  )
  .min(1)
  .max(MAX_QUOTE_LENGTH)
  .refine((blocks) => blocks.reduce((length, block) => length + block.text.length, 0) <= MAX_QUOTE_BLOCKS_LENGTH, {
    message: `longer than ${MAX_QUOTE_BLOCKS_LENGTH} characters`,
  });
