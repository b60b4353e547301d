import { getDatabase, type ShelfDatabase } from '@/lib/db/database';

/** Reads about readable copies that do not load the copies' text. */

/** Which of `itemIds` have a readable copy (keys only: no copy's text is read). */
export async function getItemIdsWithCopies(
  itemIds: readonly string[],
  db: ShelfDatabase = getDatabase(),
): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  return new Set(
    await db.captures
      .where('itemId')
      .anyOf([...itemIds])
      .primaryKeys(),
  );
}

/** Reading time in minutes of the copies of `itemIds` (a screenful of rows: each copy is read whole). */
export async function getCopyReadMinutes(
  itemIds: readonly string[],
  db: ShelfDatabase = getDatabase(),
): Promise<Map<string, number>> {
  const copies = await db.captures.bulkGet([...itemIds]);
  return new Map(copies.flatMap((copy) => (copy ? [[copy.itemId, copy.readMinutes] as const] : [])));
}
