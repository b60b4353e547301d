import type { CapturedPage } from '@/lib/capture/schema';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import {
  articleItemId,
  type CaptureRecord,
  DEFAULT_SETTINGS,
  type ItemStatus,
  type ReadingProgress,
  type SavedItem,
  type Settings,
  settingsSchema,
} from '@/lib/db/schema';

/**
 * The only way Shelf writes user data. Each function is one transaction, so a write that touches
 * several records lands whole or not at all, and concurrent writers (popup, side panel, service
 * worker) never overwrite each other's changes: every update is a read-modify-write inside it.
 */

function newUnreadItem(
  fields: Pick<SavedItem, 'id' | 'kind' | 'articleId' | 'url' | 'title'> & { now: number },
): SavedItem {
  const { now, ...rest } = fields;
  return { ...rest, status: 'unread', tags: [], note: '', addedAt: now, updatedAt: now };
}

/** A write the browser refused for lack of space; nothing of it was kept (the transaction aborted). */
export class StorageFullError extends Error {
  constructor() {
    super(
      'The browser has no room left for Shelf’s data, so nothing was saved. Remove captured pages you no longer need, or free disk space.',
    );
    this.name = 'StorageFullError';
  }
}

/** Dexie may report a full disk directly or as the `inner` error of an aborted transaction. */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/** The saved-item id of a page: the bundled article it is, or its address without the #fragment. */
export function pageItemId(url: string, bundledArticleId: string | undefined): string {
  if (bundledArticleId) return articleItemId(bundledArticleId);
  return `page:${url.split('#')[0]}`.slice(0, 300);
}

/**
 * Saves a page, with its readable copy when there is one (a link saved unopened has none yet).
 * Saving again keeps the item's status, tags and notes and replaces the copy with the newer one.
 */
export async function savePage(
  page: { url: string; title: string; bundledArticleId?: string },
  capture: CapturedPage | null,
  { db = getDatabase(), now = Date.now() }: { db?: ShelfDatabase; now?: number } = {},
): Promise<SavedItem> {
  const id = pageItemId(page.url, page.bundledArticleId);
  try {
    return await db.transaction('rw', db.items, db.captures, async () => {
      let item = await db.items.get(id);
      if (!item) {
        item = newUnreadItem({
          id,
          kind: page.bundledArticleId ? 'article' : 'page',
          articleId: page.bundledArticleId ?? null,
          url: page.url.slice(0, 4096),
          title: (capture?.title ?? page.title).slice(0, 1000) || page.url.slice(0, 1000),
          now,
        });
        await db.items.add(item);
      }
      if (capture) await db.captures.put({ ...capture, itemId: id, capturedAt: now, updatedAt: now });
      return item;
    });
  } catch (error) {
    throw isQuotaError(error) ? new StorageFullError() : error;
  }
}

export interface SaveableArticle {
  id: string;
  title: string;
  url: string | null;
}

/** Saves a bundled article as unread; saving it again changes nothing. */
export async function saveArticle(
  article: SaveableArticle,
  { db = getDatabase(), now = Date.now() }: { db?: ShelfDatabase; now?: number } = {},
): Promise<SavedItem> {
  const id = articleItemId(article.id);
  return db.transaction('rw', db.items, async () => {
    const existing = await db.items.get(id);
    if (existing) return existing;
    const item = newUnreadItem({
      id,
      kind: 'article',
      articleId: article.id,
      url: article.url,
      title: article.title,
      now,
    });
    await db.items.add(item);
    return item;
  });
}

/** What a removal took away, so that it can be undone exactly. */
export interface RemovedSnapshot {
  items: SavedItem[];
  progress: ReadingProgress[];
  captures: CaptureRecord[];
}

/** Removes items and their reading progress; returns what was removed, for undo. */
export async function removeItems(ids: readonly string[], db: ShelfDatabase = getDatabase()): Promise<RemovedSnapshot> {
  return db.transaction('rw', db.items, db.progress, db.captures, async () => {
    const items = (await db.items.bulkGet([...ids])).filter((item): item is SavedItem => item !== undefined);
    const progress = (await db.progress.bulkGet([...ids])).filter((p): p is ReadingProgress => p !== undefined);
    const captures = (await db.captures.bulkGet([...ids])).filter((c): c is CaptureRecord => c !== undefined);
    await db.items.bulkDelete([...ids]);
    await db.progress.bulkDelete([...ids]);
    await db.captures.bulkDelete([...ids]);
    return { items, progress, captures };
  });
}

/** Puts back what `removeItems` took (an item re-saved meanwhile keeps its newer state). */
export async function restoreRemoved(snapshot: RemovedSnapshot, db: ShelfDatabase = getDatabase()): Promise<void> {
  await db.transaction('rw', db.items, db.progress, async () => {
    for (const item of snapshot.items) if (!(await db.items.get(item.id))) await db.items.add(item);
    for (const progress of snapshot.progress)
      if (!(await db.progress.get(progress.itemId))) await db.progress.add(progress);
  });
}

/** Sets the status of items; returns the previous statuses, for undo. */
export async function setStatus(
  ids: readonly string[],
  status: ItemStatus,
  { db = getDatabase(), now = Date.now() }: { db?: ShelfDatabase; now?: number } = {},
): Promise<Map<string, ItemStatus>> {
  const previous = new Map<string, ItemStatus>();
  await db.transaction('rw', db.items, async () => {
    await db.items
      .where('id')
      .anyOf([...ids])
      .modify((item) => {
        previous.set(item.id, item.status);
        item.status = status;
        item.updatedAt = now;
      });
  });
  return previous;
}

/** Undoes `setStatus`: each item gets back the status it had. */
export async function restoreStatuses(
  previous: ReadonlyMap<string, ItemStatus>,
  { db = getDatabase(), now = Date.now() }: { db?: ShelfDatabase; now?: number } = {},
): Promise<void> {
  await db.transaction('rw', db.items, async () => {
    await db.items
      .where('id')
      .anyOf([...previous.keys()])
      .modify((item) => {
        item.status = previous.get(item.id) ?? item.status;
        item.updatedAt = now;
      });
  });
}

export async function setTags(
  id: string,
  tags: readonly string[],
  { db = getDatabase(), now = Date.now() }: { db?: ShelfDatabase; now?: number } = {},
): Promise<void> {
  const clean = [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))].slice(0, 50);
  await db.transaction('rw', db.items, () =>
    db.items.update(id, (item) => {
      item.tags = clean;
      item.updatedAt = now;
    }),
  );
}

export async function setNote(
  id: string,
  note: string,
  { db = getDatabase(), now = Date.now() }: { db?: ShelfDatabase; now?: number } = {},
): Promise<void> {
  await db.transaction('rw', db.items, () =>
    db.items.update(id, (item) => {
      item.note = note.slice(0, 20_000);
      item.updatedAt = now;
    }),
  );
}

/** Progress past this marks an unread item as being read. */
const STARTED_READING = 0.05;

/**
 * Records how far the user has read a saved item. Ignored for items that are not saved (Shelf
 * tracks only what the user asked it to keep). Returns whether it was recorded.
 */
export async function setProgress(
  itemId: string,
  progress: Pick<ReadingProgress, 'fraction' | 'anchor'>,
  { db = getDatabase(), now = Date.now() }: { db?: ShelfDatabase; now?: number } = {},
): Promise<boolean> {
  return db.transaction('rw', db.items, db.progress, async () => {
    const item = await db.items.get(itemId);
    if (!item) return false;
    await db.progress.put({ itemId, fraction: progress.fraction, anchor: progress.anchor, updatedAt: now });
    if (item.status === 'unread' && progress.fraction >= STARTED_READING) {
      await db.items.update(itemId, { status: 'reading', updatedAt: now });
    }
    return true;
  });
}

export async function getSettings(db: ShelfDatabase = getDatabase()): Promise<Settings> {
  const record = await db.settings.get('settings');
  const parsed = settingsSchema.safeParse(record?.value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(
  patch: Partial<Settings>,
  { db = getDatabase(), now = Date.now() }: { db?: ShelfDatabase; now?: number } = {},
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = settingsSchema.parse({ ...(await getSettings(db)), ...patch });
    await db.settings.put({ key: 'settings', value: next, updatedAt: now });
    return next;
  });
}

export function countUnread(db: ShelfDatabase = getDatabase()): Promise<number> {
  return db.items.where('status').equals('unread').count();
}
