import { quoteBlocksSchema } from '@/lib/annotations/selectors';
import { cleanStoredTags } from '@/lib/annotations/tags';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { reportingFullStorage } from '@/lib/db/errors';
import { removeJoinedHighlight } from '@/lib/db/highlights';
import { articleIdOfItem } from '@/lib/db/ids';
import { sameValue } from '@/lib/db/merge';
import { assertEpoch, getEpoch } from '@/lib/db/meta';
import { hasNotesAfterRemoval, withNotesAfterRemoval } from '@/lib/db/notes-after-removal';
import { getRemovals, recordRemovals } from '@/lib/db/removals';
import {
  chosenAt,
  type Highlight,
  highlightSchema,
  type ItemField,
  type ReadingProgress,
  type SavedItem,
  savedItemSchema,
} from '@/lib/db/schema';
import { plainTitle } from '@/lib/search/shown-line';
import type { LocalChanges, SyncHighlight, SyncItem } from '@/lib/sync/local-state';

/**
 * The library as sync reads and writes it (`lib/sync`): items with their progress, and highlights.
 * Readable copies never sync. Changes from sync are stored in one transaction, checked against
 * the database's own schemas first: a value that does not fit is skipped and counted, never stored.
 */
export interface SyncLibrary {
  items: SyncItem[];
  highlights: SyncHighlight[];
  /** The database's epoch when read: changes based on this read are refused after "Delete everything". */
  epoch: string;
  /** When items were removed here, by id (lib/db/removals.ts). */
  removedAt: Record<string, number>;
}

export interface SyncApplyReport {
  /** Ids of items and highlights whose values the database refused (left as they were here). */
  refusedItems: string[];
  refusedHighlights: string[];
}

const FIELDS: readonly ItemField[] = ['status', 'title', 'tags', 'note'];

/** Longer than any one sync takes from reading the library to storing what it brought. */
const SYNC_RUN_MS = 10 * 60_000;

function toSyncItem(item: SavedItem, progress: ReadingProgress | undefined, restoredAt: number): SyncItem {
  return {
    ...(item.addedAt <= restoredAt && { presentSince: restoredAt }),
    id: item.id,
    url: item.url,
    title: item.title,
    status: item.status,
    tags: item.tags,
    note: item.note,
    addedAt: item.addedAt,
    changedAt: { ...item.changedAt },
    progress: progress ? { fraction: progress.fraction, ...progress.anchor, updatedAt: progress.updatedAt } : null,
  };
}

export async function readSyncLibrary(db: ShelfDatabase = getDatabase()): Promise<SyncLibrary> {
  return db.transaction('r', db.items, db.progress, db.highlights, db.meta, async () => {
    const [items, progress, highlights, epoch, removedAt, restored] = await Promise.all([
      db.items.toArray(),
      db.progress.toArray(),
      db.highlights.toArray(),
      getEpoch(db),
      getRemovals(db),
      db.meta.get('restoredAt'),
    ]);
    const progressOf = new Map(progress.map((record) => [record.itemId, record]));
    const restoredAt = restored?.key === 'restoredAt' ? restored.value : 0;
    return {
      epoch,
      removedAt,
      items: items.map((item) => toSyncItem(item, progressOf.get(item.id), restoredAt)),
      highlights: highlights.map(
        ({ id, itemId, selectors, quoteBlocks, note, color, createdAt, updatedAt, joinedFrom }) => ({
          id,
          itemId,
          selectors,
          ...(quoteBlocks ? { quoteBlocks } : {}),
          note,
          color,
          createdAt,
          updatedAt,
          ...(joinedFrom ? { joinedFrom } : {}),
        }),
      ),
    };
  });
}

/** The database's epoch now: sync's record of its last sync belongs to one epoch. */
export function readSyncEpoch(db: ShelfDatabase = getDatabase()): Promise<string> {
  return db.transaction('r', db.meta, () => getEpoch(db));
}

/** Sync's record of the last sync (`SyncLocalAdapter` keeps it with the epoch it describes), or null. */
export async function loadSyncReplica(db: ShelfDatabase = getDatabase()): Promise<string | null> {
  const record = await db.meta.get('syncReplica');
  return record?.key === 'syncReplica' ? record.value : null;
}

export async function saveSyncReplica(text: string, db: ShelfDatabase = getDatabase()): Promise<void> {
  await reportingFullStorage(() => db.meta.put({ key: 'syncReplica', value: text }));
}

/**
 * The value of a field as this library keeps it, whoever wrote it: tags as an import keeps them, a
 * title as one plain line (no control characters or bidi overrides), as saving, imports and restores keep it.
 */
function storedValue(incoming: SyncItem, field: ItemField) {
  if (field === 'tags') return cleanStoredTags(incoming.tags);
  if (field === 'title') return plainTitle(incoming.title, incoming.url);
  return incoming[field];
}

/** The item sync brought, merged into this browser's: each field unless changed here after `readAt`. */
function mergedItem(mine: SavedItem | undefined, incoming: SyncItem, readAt: number): SavedItem {
  const articleId = articleIdOfItem(incoming.id);
  const base: SavedItem = mine
    ? { ...mine, changedAt: { ...mine.changedAt } }
    : {
        id: incoming.id,
        kind: articleId !== null ? 'article' : 'page',
        articleId,
        url: incoming.url,
        title: plainTitle(incoming.title, incoming.url),
        status: incoming.status,
        tags: cleanStoredTags(incoming.tags),
        note: incoming.note,
        addedAt: incoming.addedAt,
        updatedAt: 0,
        changedAt: { ...incoming.changedAt },
      };
  for (const field of FIELDS) {
    if (mine && chosenAt(mine, field) > readAt) continue;
    const value = storedValue(incoming, field);
    // The same value keeps its own change time here: sync dates it to the second, and "Undo" of a
    // status change looks for the very time it was made.
    if (mine && sameValue(mine[field], value)) continue;
    Object.assign(base, { [field]: value });
    base.changedAt[field] = incoming.changedAt[field];
  }
  if (!mine || mine.addedAt <= readAt) {
    base.url = incoming.url;
    base.addedAt = incoming.addedAt;
  }
  base.updatedAt = Math.max(mine?.updatedAt ?? 0, ...Object.values(base.changedAt));
  return base;
}

/**
 * Stores what sync brought (see `SyncLocalAdapter.apply` in lib/sync/sync-area.ts): one
 * transaction, refused whole (`DataDeletedError`) when everything was deleted since `epoch`.
 */
export function applySyncChanges(
  changes: Omit<LocalChanges, 'preferences'>,
  epoch: string,
  db: ShelfDatabase = getDatabase(),
): Promise<SyncApplyReport> {
  const { readAt } = changes;
  return reportingFullStorage(() =>
    db.transaction('rw', [db.items, db.progress, db.captures, db.highlights, db.meta], async () => {
      await assertEpoch(db, epoch);
      const report: SyncApplyReport = { refusedItems: [], refusedHighlights: [] };
      const removedHere = await getRemovals(db);
      // Read once, not for every item or highlight coming back: none kept (nearly always), none is joined.
      const notesKept = await hasNotesAfterRemoval(db);
      for (const incoming of changes.put) {
        const mine = await db.items.get(incoming.id);
        // Removed here after the sync read the library: the removal stands, and goes out with the next one.
        if (!mine && (removedHere[incoming.id] ?? 0) > readAt) continue;
        const item = savedItemSchema.safeParse(mergedItem(mine, incoming, readAt));
        if (!item.success) {
          report.refusedItems.push(incoming.id);
          continue;
        }
        // Back here (another browser changed it after this one removed it): with a note typed here since.
        const [back = item.data] =
          mine || !notesKept ? [item.data] : (await withNotesAfterRemoval(db, [item.data], [])).items;
        await db.items.put(back);
        const progress = await db.progress.get(incoming.id);
        if (incoming.progress && (progress?.updatedAt ?? 0) <= readAt) {
          const { fraction, scrollFraction, scrollY, updatedAt } = incoming.progress;
          await db.progress.put({ itemId: incoming.id, fraction, anchor: { scrollFraction, scrollY }, updatedAt });
        }
      }
      const removed: string[] = [];
      for (const { id } of changes.remove) {
        const mine = await db.items.get(id);
        if (!mine) continue;
        const progress = await db.progress.get(id);
        if (Math.max(mine.updatedAt, progress?.updatedAt ?? 0) > readAt) continue;
        // Changed here after the sync read the library (read on, highlighted during this run; not a
        // highlight another browser dated ahead): it stays.
        const highlightedNow = (await db.highlights.where('itemId').equals(id).toArray()).some(
          ({ createdAt, updatedAt }) => [createdAt, updatedAt].some((t) => t > readAt && t <= readAt + SYNC_RUN_MS),
        );
        if (highlightedNow) continue;
        await Promise.all([
          db.items.delete(id),
          db.progress.delete(id),
          db.captures.delete(id),
          db.highlights.where('itemId').equals(id).delete(),
        ]);
        removed.push(id);
      }
      // Noted as a removal made here is (dated when this sync read the library): a note typed in an editor
      // still open on the item is kept (`keepNoteAfterRemoval`), shown where the editor was, and comes back
      // with the page saved again. Sync itself dates by it only removals its record of the last sync does not
      // hold yet, which this one does once this sync ends.
      if (removed.length > 0) await recordRemovals(db, removed, readAt);
      for (const incoming of changes.putHighlights) {
        const mine = await db.highlights.get(incoming.id);
        // A note or colour changed here during the sync stays, and goes out with the next one; a
        // highlight never moves to another item.
        if (mine && (mine.updatedAt > readAt || mine.itemId !== incoming.itemId)) continue;
        if (!(await db.items.get(incoming.itemId))) continue;
        const highlight = highlightSchema.safeParse({
          ...incoming,
          // Only for the export: blocks a newer Shelf writes in another shape are left out, not the highlight.
          quoteBlocks: quoteBlocksSchema.safeParse(incoming.quoteBlocks).data ?? mine?.quoteBlocks,
          pageAnchor: mine?.pageAnchor, // this browser's own finding, not synced
          joinedFrom: incoming.joinedFrom ?? mine?.joinedFrom,
        } satisfies Record<keyof Highlight, unknown>);
        if (!highlight.success) {
          report.refusedHighlights.push(incoming.id);
          continue;
        }
        const [back = highlight.data] =
          mine || !notesKept ? [highlight.data] : (await withNotesAfterRemoval(db, [], [highlight.data])).highlights;
        await db.highlights.put(back);
      }
      const joinedAway = new Set(changes.joinedAway);
      for (const id of changes.removeHighlights) {
        const mine = await db.highlights.get(id);
        // Joined into one on another browser: gone even if edited here meanwhile, its comment taken in;
        // kept whole when that would cut the comments, or while the joined one is not here (refused).
        if (!mine || (await removeJoinedHighlight(db, mine)) !== 'none' || joinedAway.has(id)) continue;
        if (mine.updatedAt <= readAt) await db.highlights.delete(id);
      }
      return report;
    }),
  );
}
