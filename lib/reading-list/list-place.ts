import type { ListRow } from '@/lib/reading-list/list-query';

/**
 * Where the current row is when the reading list is shown again (Back from an item opened in it):
 * on the row it was on (`rowId`), wherever that row is now (items saved meanwhile come first, an
 * item marked done left the queue); when that row is gone, at the same place (`index`), the row
 * after it, within the list.
 */
export function returnToRow(rows: readonly ListRow[], rowId: string | null, index: number): number {
  const at = rowId === null ? -1 : rows.findIndex((row) => row.item.id === rowId);
  return at >= 0 ? at : Math.max(0, Math.min(index, rows.length - 1));
}
