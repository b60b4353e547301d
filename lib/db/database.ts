import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { browser } from 'wxt/browser';
import type { OverlayRecord } from '@/lib/catalog-updates/overlay-schema';
import { watchDatabaseChanges } from '@/lib/db/change-signal';
import { fragmentlessPageItemId, pageItemId } from '@/lib/db/ids';
import { bothNotes, mergeSamePage, newerCopy, newerRecord, withKeptNote } from '@/lib/db/merge';
import {
  type CaptureRecord,
  changeTimesAt,
  type Highlight,
  type LegacySettingRecord,
  type LibraryPostingsRecord,
  type LibrarySnapshotRecord,
  type MetaRecord,
  type NoteAfterRemoval,
  type ReadingProgress,
  type SavedItem,
  type StoredImage,
} from '@/lib/db/schema';
import { sendRequest } from '@/lib/messaging/client';
import { plainTitle } from '@/lib/search/shown-line';

export const DATABASE_NAME = 'shelf';

/**
 * The one IndexedDB database of Shelf. Opened by extension pages and the service worker only: a
 * content script's IndexedDB would belong to the web page's origin, so content scripts ask the
 * background. Versions are appended, never edited; only queried fields are indexed.
 *
 * Only modules in `lib/db/` use the tables; everything else calls their named queries and writes.
 */
export class ShelfDatabase extends Dexie {
  items!: EntityTable<SavedItem, 'id'>;
  progress!: EntityTable<ReadingProgress, 'itemId'>;
  captures!: EntityTable<CaptureRecord, 'itemId'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  /** What Shelf learned from the blog about its articles (the bundled catalog is never edited). */
  catalogOverlay!: EntityTable<OverlayRecord, 'id'>;
  highlights!: EntityTable<Highlight, 'id'>;
  /** Images of readable copies, kept offline when the user asked for it (`lib/db/images.ts`). */
  images!: Dexie.Table<StoredImage, [string, string]>;
  /** The library search index's analysis of each saved item, derived from the data (`lib/db/library-postings.ts`). */
  libraryPostings!: EntityTable<LibraryPostingsRecord, 'itemId'>;
  /** The library search index whole, made from those analyses (`lib/db/library-snapshot.ts`). */
  librarySnapshot!: Dexie.Table<LibrarySnapshotRecord, string>;
  /** Settings of versions 1–3, read once to carry them into the preferences (`lib/settings`). */
  settings!: EntityTable<LegacySettingRecord, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    defineSchemaVersions(this);
  }
}

/** Every schema version Shelf has shipped, in order. */
export function defineSchemaVersions(db: Dexie): void {
  // v1: saved bundled articles, progress and settings.
  db.version(1).stores({
    items: 'id, status, addedAt, updatedAt, *tags',
    progress: 'itemId, updatedAt',
    settings: 'key',
  });
  // v2: items get a `kind` (article | page) ahead of captured pages, and an articleId index.
  db.version(2)
    .stores({
      items: 'id, kind, articleId, status, addedAt, updatedAt, *tags',
    })
    .upgrade((tx) =>
      tx
        .table('items')
        .toCollection()
        .modify((item: Record<string, unknown>) => {
          item.kind ??= 'article';
          item.articleId ??= typeof item.id === 'string' && item.id.startsWith('article:') ? item.id.slice(8) : null;
        }),
    );
  // v3: readable copies of captured pages, and items looked up by URL (saving a page twice).
  db.version(3).stores({
    items: 'id, kind, articleId, url, status, addedAt, updatedAt, *tags',
    captures: 'itemId, capturedAt',
  });
  // v4: page ids become a hash of the whole address (v3 cut addresses to 300 characters, so long
  // ones collided), every item records when each of its fields changed, and `meta` holds the epoch.
  db.version(4)
    .stores({ meta: 'key' })
    .upgrade((tx) => upgradeToVersion4(tx));
  // v5: the catalog overlay, learned from the blog's own pages, feeds and sitemaps.
  db.version(5).stores({ catalogOverlay: 'id, kind' });
  // v6: highlights, each in one saved item.
  db.version(6).stores({ highlights: 'id, itemId, updatedAt' });
  // v7: images of readable copies, by item and address.
  db.version(7).stores({ images: '[itemId+url], itemId' });
  // v8: the library search index's postings per saved item, kept by the background (derived, never exported).
  db.version(8).stores({ libraryPostings: 'itemId, stamp' });
  // v9: the library search index stored whole, so a page loads it instead of indexing (derived, never exported).
  db.version(9).stores({ librarySnapshot: 'name' });
  // v10: copies by when they last changed (the library index's fingerprint: a copy's text is read
  // again by a newer rule without being captured again), and titles kept as plain lines.
  db.version(10)
    .stores({ captures: 'itemId, capturedAt, updatedAt' })
    .upgrade((tx) => upgradeToVersion10(tx));
  // v11: no stored tag holds a separator of Shelf's exports.
  db.version(11)
    .stores({})
    .upgrade((tx) => upgradeToVersion11(tx));
  // v12: a page's id leaves out tracking parameters (`?utm_source=…`): pages saved under both become one.
  db.version(12)
    .stores({})
    .upgrade((tx) => upgradeToVersion12(tx));
}

/**
 * Pages saved under an address with tracking parameters (`utm_source`, `fbclid`…) take the id the
 * page has without them (`pageItemId`), so saving it again from another link finds it. One saved
 * under both becomes one item: its fields merged (`mergeSamePage`: tags and notes of both), the
 * newer reading progress and copy, the highlights of both, and when it was removed here with the note
 * typed on it after (`moveRemovals`). One that takes the id of the page removed under its own address
 * takes the note typed on that after its removal beside its own, as saving the page again does (`withKeptNote`, `bothNotes`).
 * A changed item counts as changed now, so sync and the library index read it again (sync sends the
 * old id as removed).
 */
async function upgradeToVersion12(tx: Transaction): Promise<void> {
  const now = Date.now();
  const moved = new Map<string, string>();
  // Version 11 kept these as they are kept now (`metaRecordSchema`).
  const meta = tx.table<MetaRecord, string>('meta');
  const removalsRecord = await meta.get('removedAt');
  const removals = removalsRecord?.key === 'removedAt' ? removalsRecord.value : undefined;
  const notesRecord = await meta.get('notesAfterRemoval');
  const notes = notesRecord?.key === 'notesAfterRemoval' ? notesRecord.value : [];
  const joinedNotes = new Set<NoteAfterRemoval>();
  const items = tx.table<SavedItem, string>('items');
  const progress = tx.table<ReadingProgress, string>('progress');
  const captures = tx.table<CaptureRecord, string>('captures');
  const images = tx.table<StoredImage, [string, string]>('images');
  for (const item of await items.where('kind').equals('page').toArray()) {
    const oldId = item.id;
    // Only an id made from this address (not one of an address cut to fit, or of a hand-edited file).
    if (typeof item.url !== 'string' || fragmentlessPageItemId(item.url) !== oldId) continue;
    const newId = pageItemId(item.url);
    if (newId === oldId) continue;
    const other = await items.get(newId);
    // The page removed under its own address, saved again by this change: with the note typed on it since.
    const typedAfter = other
      ? undefined
      : notes.find((entry) => entry.target === 'item' && entry.id === newId && entry.removedAt === removals?.[newId]);
    if (typedAfter) joinedNotes.add(typedAfter);
    // Beside the newsletter item's own note, as saving the page again joins it (`bothNotes`): that note is
    // no edit of the one the kept note was typed from, so joining it from that base could drop words.
    const merged = other
      ? mergeSamePage(other, item)
      : typedAfter
        ? withKeptNote({ ...item, id: newId }, typedAfter, (note, kept) => bothNotes(note, kept.note))
        : { ...item, id: newId };
    await items.delete(oldId);
    await items.put({ ...merged, updatedAt: Math.max(now, merged.updatedAt + 1) });
    const [oldProgress, newProgress] = await progress.bulkGet([oldId, newId]);
    if (oldProgress) {
      await progress.delete(oldId);
      const kept = newerRecord(newProgress, oldProgress);
      if (kept) await progress.put({ ...kept, itemId: newId });
    }
    const [oldCopy, newCopy] = await captures.bulkGet([oldId, newId]);
    if (oldCopy) {
      await captures.delete(oldId);
      const kept = newerCopy(newCopy, oldCopy);
      if (kept) await captures.put({ ...kept, itemId: newId });
    }
    await tx.table('highlights').where('itemId').equals(oldId).modify({ itemId: newId });
    for (const image of await images.where('itemId').equals(oldId).toArray()) {
      if (!(await images.get([newId, image.url]))) await images.put({ ...image, itemId: newId });
    }
    await images.where('itemId').equals(oldId).delete();
    // Derived from the item: made again under its new id.
    await tx.table('libraryPostings').delete(oldId);
    moved.set(oldId, newId);
  }
  await moveRemovals(meta, moved, removals, notes, joinedNotes);
}

/**
 * Version 12's: the removals recorded here of items that took another id (lib/db/removals.ts: one
 * removed and put back by Undo keeps its time), under that id, with any it had (the later kept), and the
 * notes typed on them after a removal (lib/db/notes-after-removal.ts) with them. Left under the old id,
 * sync dated the old id's removal by this change when the earlier removal was made. An item's note
 * belongs to its last removal: one typed after an earlier removal of either is dropped, as it is when an
 * item is removed again.
 */
async function moveRemovals(
  meta: Table<MetaRecord, string>,
  moved: ReadonlyMap<string, string>,
  removals: Record<string, number> | undefined,
  notes: readonly NoteAfterRemoval[],
  /** Joined to the item that took their page's id (`withKeptNote`): no longer kept. */
  joinedNotes: ReadonlySet<NoteAfterRemoval>,
): Promise<void> {
  if (!removals || (joinedNotes.size === 0 && !Object.keys(removals).some((id) => moved.has(id)))) return;
  const removedAt = { ...removals };
  const newIds = new Set<string>();
  for (const [oldId, newId] of moved) {
    const at = removedAt[oldId];
    if (at === undefined) continue;
    delete removedAt[oldId];
    removedAt[newId] = Math.max(at, removedAt[newId] ?? 0);
    newIds.add(newId);
  }
  await meta.put({ key: 'removedAt', value: removedAt });
  if (notes.length === 0) return;
  const kept = notes.flatMap((entry) => {
    if (joinedNotes.has(entry)) return [];
    if (entry.target !== 'item') return [entry];
    const id = moved.get(entry.id) ?? entry.id;
    if (!newIds.has(id)) return [entry];
    return entry.removedAt === removedAt[id] ? [{ ...entry, id }] : [];
  });
  if (kept.length > 0) await meta.put({ key: 'notesAfterRemoval', value: kept });
  else await meta.delete('notesAfterRemoval');
}

/**
 * Tags an import kept holding `,` or `|` (another app's folder or label) become their parts, as
 * imports now keep them (`cleanStoredTags`): Shelf's own exports, imported again, brought them back
 * as the tag and its parts. A changed item counts as changed now, so the library index reads it
 * again; the user's own edit time of the tags stays, as every browser makes the same change.
 */
async function upgradeToVersion11(tx: Transaction): Promise<void> {
  const now = Date.now();
  // This version's rule, written out: a migration must do what it did whatever `cleanStoredTags` becomes.
  const separators = /[,|]/;
  await tx
    .table('items')
    .toCollection()
    .modify((item: Row) => {
      if (!Array.isArray(item.tags) || !item.tags.some((tag) => typeof tag === 'string' && separators.test(tag)))
        return;
      const parts = item.tags
        .filter((tag): tag is string => typeof tag === 'string')
        .flatMap((tag) => tag.split(separators))
        .map((tag) => tag.trim())
        .filter(Boolean);
      // Stored tags were already clean (case, length, one line); only the parts are new. At most 50.
      item.tags = [...new Set(parts)].slice(0, 50);
      item.updatedAt = Math.max(now, Number(item.updatedAt) + 1);
    });
}

/**
 * Titles saved before they were kept as plain lines (`shownLine`: no control characters or bidi
 * overrides, which ran Shelf's own words backwards around them). A changed item counts as changed
 * now, so the library index reads it again; copies' own titles follow with their text
 * (lib/background/copy-texts.ts), which needs a DOM.
 */
async function upgradeToVersion10(tx: Transaction): Promise<void> {
  const now = Date.now();
  await tx
    .table('items')
    .toCollection()
    .modify((item: Row) => {
      if (typeof item.title !== 'string') return;
      const title = plainTitle(item.title, typeof item.url === 'string' ? item.url : null);
      if (title === item.title) return;
      item.title = title;
      item.updatedAt = Math.max(now, Number(item.updatedAt) + 1);
    });
}

type Row = Record<string, unknown>;

async function upgradeToVersion4(tx: Transaction): Promise<void> {
  const items = tx.table<Row, string>('items');
  const progress = tx.table<Row, string>('progress');
  const captures = tx.table<Row, string>('captures');
  const newer = (a: Row | undefined, b: Row | undefined) =>
    Number(a?.updatedAt ?? 0) >= Number(b?.updatedAt ?? 0) ? a : b;
  for (const item of await items.toArray()) {
    const oldId = item.id as string;
    const updatedAt = Number(item.updatedAt ?? 0);
    item.changedAt ??= changeTimesAt(updatedAt);
    const newId = item.kind === 'page' && typeof item.url === 'string' ? fragmentlessPageItemId(item.url) : oldId;
    if (newId === oldId) {
      await items.put(item);
      continue;
    }
    // The same page saved under two old ids (only possible for addresses that differ in a way the
    // normalization removes): one item remains, the newer one, with the tags of both.
    const other = await items.get(newId);
    const kept = newer(item, other) as Row;
    const tags = [...new Set([...((other?.tags as string[]) ?? []), ...((item.tags as string[]) ?? [])])].slice(0, 50);
    await items.delete(oldId);
    await items.put({
      ...kept,
      id: newId,
      tags,
      addedAt: Math.min(Number(item.addedAt), Number(other?.addedAt ?? item.addedAt)),
    });
    for (const table of [progress, captures]) {
      const record = await table.get(oldId);
      if (!record) continue;
      await table.delete(oldId);
      const existing = await table.get(newId);
      await table.put({ ...(newer(record, existing) as Row), itemId: newId });
    }
  }
}

let instance: ShelfDatabase | undefined;
let stopSignal: (() => void) | undefined;

/**
 * Whether this context is one of Shelf's pages, not the background: Chrome's service worker has no
 * document, and Firefox's background page is the window `getBackgroundPage` names.
 */
const inPage = () => typeof document !== 'undefined' && !isBackgroundPage();

function isBackgroundPage(): boolean {
  try {
    return (browser.extension as { getBackgroundPage?: () => unknown } | undefined)?.getBackgroundPage?.() === window;
  } catch {
    return false; // a context without the API (the offscreen document, tests) is not the background page
  }
}

/**
 * The shared connection of this context (page or service worker), opened on first use. In a page
 * it also tells the background after each change (`data-changed`): a sleeping service worker is not
 * woken by database changes, and the badge is the background's to keep right.
 */
export function getDatabase(): ShelfDatabase {
  if (!instance) {
    instance = new ShelfDatabase();
    if (inPage()) {
      stopSignal = watchDatabaseChanges(
        DATABASE_NAME,
        (tables) =>
          void sendRequest({
            type: 'data-changed',
            // Web pages showing them draw them anew (their scripts cannot read the database).
            ...(tables.has('highlights') ? { highlights: true } : {}),
          }).catch(() => {}),
      );
    }
  }
  return instance;
}

/** For tests: forget the shared connection (after deleting the database, say). */
export function resetDatabaseConnection(): void {
  stopSignal?.();
  stopSignal = undefined;
  instance?.close();
  instance = undefined;
}
