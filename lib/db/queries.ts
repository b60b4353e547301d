import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { articleItemId } from '@/lib/db/ids';
import type { CaptureRecord, ItemStatus, ReadingProgress, SavedItem } from '@/lib/db/schema';

/**
 * Named reads of user data. UI reads through live queries built on these (`useLiveQuery(() =>
 * getReaderData(id))`), so a change made in any context shows everywhere at once.
 */

const present = <T>(record: T | undefined): record is T => record !== undefined;

/** A saved item with what the reading list shows beside it. */
export interface ItemsWithProgress {
  items: SavedItem[];
  progress: ReadingProgress[];
}

/** The saved state of a bundled article: its item and progress, or undefined when not saved. */
export async function getArticleState(
  articleId: string,
  db: ShelfDatabase = getDatabase(),
): Promise<{ item: SavedItem | undefined; progress: ReadingProgress | undefined }> {
  const itemId = articleItemId(articleId);
  return db.transaction('r', db.items, db.progress, async () => ({
    item: await db.items.get(itemId),
    progress: await db.progress.get(itemId),
  }));
}

/** What the reader needs to show a saved item: the item, its readable copy and where the user was. */
export async function getReaderData(
  itemId: string,
  db: ShelfDatabase = getDatabase(),
): Promise<{ item: SavedItem | undefined; capture: CaptureRecord | undefined; progress: ReadingProgress | undefined }> {
  return db.transaction('r', db.items, db.captures, db.progress, async () => ({
    item: await db.items.get(itemId),
    capture: await db.captures.get(itemId),
    progress: await db.progress.get(itemId),
  }));
}

/** The `count` most recently added items with their progress (the reading list's first screen). */
export async function getNewestItems(count: number, db: ShelfDatabase = getDatabase()): Promise<ItemsWithProgress> {
  return db.transaction('r', db.items, db.progress, async () => {
    const items = await db.items.orderBy('addedAt').reverse().limit(count).toArray();
    const progress = (await db.progress.bulkGet(items.map((item) => item.id))).filter(present);
    return { items, progress };
  });
}

/** Every saved item with its progress. */
export async function getAllItems(db: ShelfDatabase = getDatabase()): Promise<ItemsWithProgress> {
  return db.transaction('r', db.items, db.progress, async () => ({
    items: await db.items.toArray(),
    progress: await db.progress.toArray(),
  }));
}

export interface SavedMarker {
  itemId: string;
  status: ItemStatus;
  /** 0..1, or null when never opened. */
  progress: number | null;
}

/** Saved bundled articles by article id, with status and progress: what result lists mark. */
export async function getSavedMarkers(db: ShelfDatabase = getDatabase()): Promise<Map<string, SavedMarker>> {
  return db.transaction('r', db.items, db.progress, async () => {
    const [items, progress] = await Promise.all([
      db.items.where('kind').equals('article').toArray(),
      db.progress.toArray(),
    ]);
    const fractions = new Map(progress.map((p) => [p.itemId, p.fraction]));
    return new Map(
      items.flatMap((item) =>
        item.articleId
          ? [[item.articleId, { itemId: item.id, status: item.status, progress: fractions.get(item.id) ?? null }]]
          : [],
      ),
    );
  });
}

/** Saved pages (not bundled articles), newest first: titles and addresses, not their copies. */
export function getSavedPages(db: ShelfDatabase = getDatabase()): Promise<SavedItem[]> {
  return db.items.where('kind').equals('page').reverse().sortBy('addedAt');
}

/** Every saved item, oldest first: what exports write. */
export function getItemsForExport(db: ShelfDatabase = getDatabase()): Promise<SavedItem[]> {
  return db.items.orderBy('addedAt').toArray();
}

export function countUnread(db: ShelfDatabase = getDatabase()): Promise<number> {
  return db.items.where('status').equals('unread').count();
}

export function getItem(id: string, db: ShelfDatabase = getDatabase()): Promise<SavedItem | undefined> {
  return db.items.get(id);
}

/** The titles of these items, in their order (items no longer saved are left out). */
export async function getItemTitles(
  ids: readonly string[],
  db: ShelfDatabase = getDatabase(),
): Promise<Array<{ id: string; title: string }>> {
  return (await db.items.bulkGet([...ids])).flatMap((item) => (item ? [{ id: item.id, title: item.title }] : []));
}

export function countItems(db: ShelfDatabase = getDatabase()): Promise<number> {
  return db.items.count();
}
