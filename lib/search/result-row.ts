// zod/mini: the popup's first paint reads rows back from storage, and that script must stay small.

import type { SavedMarker } from '@/lib/db/queries';
import { z } from '@/lib/zod/mini';

const partsSchema = z
  .array(z.object({ text: z.string().check(z.maxLength(5_000)), marked: z.boolean() }))
  .check(z.maxLength(500));

/**
 * One row of the result list, as shown: the one view model the popup and the side panel render
 * their lists from, and the one the popup keeps so that its next opening paints the same rows at
 * once. Text with its highlighted parts; nothing in it is markup.
 */
export const resultRowSchema = z.object({
  kind: z.enum(['article', 'page']),
  title: partsSchema,
  /** "Caching & Redis · cache-stampede, ttl" for an article; the site for a saved page. */
  topic: z.string().check(z.maxLength(2_000)),
  /** "Saved", "Reading · 60%"…: the reading list's mark on a blog article; '' when not kept. */
  badge: z.string().check(z.maxLength(100)),
  /** "Matched your tag and your note"; '' for an article's own words. */
  reasons: z.string().check(z.maxLength(200)),
  /** An article's summary, or the passage of a saved page that matched; null before it is read. */
  summary: z.nullable(partsSchema),
});
export type ResultRow = z.infer<typeof resultRowSchema>;
export type HighlightedParts = ResultRow['title'];

const STATUS_NAMES = { unread: 'Saved', reading: 'Reading', done: 'Done', archived: 'Archived' } as const;

/** "Saved", "Reading · 60%" or "Done" for a result the user keeps; '' for one they do not. */
export function describeSavedMarker(marker: SavedMarker | undefined): string {
  if (!marker) return '';
  const percent =
    marker.progress !== null && marker.status === 'reading' ? ` · ${Math.round(marker.progress * 100)}%` : '';
  return `${STATUS_NAMES[marker.status]}${percent}`;
}
