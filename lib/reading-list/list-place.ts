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

/**
 * Where the current row is once the rows change under it while the list is shown (an action on
 * checked rows, an item removed or saved in another window): on its item (`rowId`), wherever that is
 * now; when the item left the rows, or was just acted on (`actedOn`: marked done in a list sorted by
 * change, it went to the top), on the first row after it in `before` still shown and not acted on, else
 * the nearest such before it. So the next key acts on the item the user moved to, not on whichever one
 * came to its place (QA pass: after "x", four "j" and "d", the current row was four rows further on).
 */
export function followCurrentRow(
  before: readonly ListRow[],
  after: readonly ListRow[],
  rowId: string,
  index: number,
  actedOn: ReadonlySet<string> = new Set(),
): number {
  const positions = new Map(after.map((row, at) => [row.item.id, at]));
  const at = positions.get(rowId);
  if (at !== undefined && !actedOn.has(rowId)) return at;
  const still = (row: ListRow | undefined) =>
    row && !actedOn.has(row.item.id) ? positions.get(row.item.id) : undefined;
  const was = before.findIndex((row) => row.item.id === rowId);
  const from = was >= 0 ? was : index;
  for (let next = from + 1; next < before.length; next++) {
    const moved = still(before[next]);
    if (moved !== undefined) return moved;
  }
  for (let previous = Math.min(from, before.length) - 1; previous >= 0; previous--) {
    const moved = still(before[previous]);
    if (moved !== undefined) return moved;
  }
  return at ?? Math.max(0, Math.min(index, after.length - 1));
}
