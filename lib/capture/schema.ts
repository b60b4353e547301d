import { z } from '@/lib/zod/classic';

/** Size budget of one captured page: larger pages are truncated, with a notice. */
export const MAX_CAPTURE_TEXT = 1_000_000;
export const MAX_CAPTURE_HTML = 3_000_000;

export const capturedPageSchema = z.strictObject({
  url: z.string().max(4096),
  title: z.string().min(1).max(1000),
  byline: z.string().max(500).nullable(),
  siteName: z.string().max(500).nullable(),
  excerpt: z.string().max(2000).nullable(),
  lang: z.string().max(35).nullable(),
  dir: z.enum(['ltr', 'rtl']).nullable(),
  wordCount: z.number().int().nonnegative(),
  readMinutes: z.number().int().nonnegative(),
  /** Sanitized article HTML (sanitized again before it is shown). */
  html: z.string().max(MAX_CAPTURE_HTML),
  text: z.string().max(MAX_CAPTURE_TEXT),
  /** Why the capture is not the full article (no article found, or truncated), or null. */
  notice: z.string().max(500).nullable(),
  /**
   * The day the page says it was published (YYYY-MM-DD, `publishedDay`), shown by the reader; absent
   * when it says none, and from copies captured before Shelf kept it.
   */
  // A real day (Zod's ISO date checks the calendar): a backup's "2015-13-45" was shown as "Published Invalid Date".
  published: z.iso.date().optional(),
});
export type CapturedPage = z.infer<typeof capturedPageSchema>;
