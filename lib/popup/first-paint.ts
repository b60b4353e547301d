// zod/mini: the popup's app checks the stored picture with it before adopting its rows.

import { MAX_PICTURE_ROWS } from '@/lib/popup/first-paint-read';
import { resultRowSchema } from '@/lib/search/result-row';
import { z } from '@/lib/zod/mini';

/**
 * What the popup showed for its last search, kept with the restored query so that reopening the
 * popup can paint it before React has loaded: the search box, the filters' choices, the count and
 * the result rows (the live list's own view model, which it then adopts).
 */
export const firstPaintSchema = z.object({
  query: z.string().check(z.maxLength(500)),
  placeholder: z.string().check(z.maxLength(200)),
  topicChoice: z.string().check(z.maxLength(200)),
  tagChoice: z.string().check(z.maxLength(200)),
  count: z.string().check(z.maxLength(100)),
  results: z.array(resultRowSchema).check(z.maxLength(MAX_PICTURE_ROWS)),
});
export type FirstPaint = z.infer<typeof firstPaintSchema>;
