import { type RemovedSnapshot, removeItems, type WriteOptions } from '@/lib/db/items';

/**
 * Unsaves items: removes them with their readable copies and highlights (as `removeItems` does,
 * noting when, for sync), but keeps their reading progress, so that saving one again later resumes
 * where the user was.
 * Returns what was removed, for `restoreRemoved` (which puts each item, copy and highlight back
 * exactly; the progress never left).
 */
export function unsaveItems(ids: readonly string[], options: WriteOptions = {}): Promise<RemovedSnapshot> {
  return removeItems(ids, { ...options, keepProgress: true });
}
