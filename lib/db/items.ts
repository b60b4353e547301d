import { cutToLength } from '@/lib/annotations/cut-text';
import { joinSavedEdit } from '@/lib/annotations/merge-text';
import { addTag, cleanTagList, removeTag, tagKey } from '@/lib/annotations/tags';
import type { CapturedPage } from '@/lib/capture/schema';
import { readCopiesAgainFromStart } from '@/lib/db/copies';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { reportingFullStorage } from '@/lib/db/errors';
import { takeFormerProgress } from '@/lib/db/former-page-ids';
import { articleItemId, fragmentlessPageItemId, pageItemId } from '@/lib/db/ids';
import { MAX_ITEM_URL_LENGTH, MAX_NOTE_LENGTH } from '@/lib/db/limits';
import { mergeItem } from '@/lib/db/merge';
import { getEpoch } from '@/lib/db/meta';
import { keepNoteAfterRemoval, withNotesAfterRemoval, withNoteTypedAfterRemoval } from '@/lib/db/notes-after-removal';
import { recordRemovals } from '@/lib/db/removals';
import {
  type CaptureRecord,
  changeTimesAt,
  type Highlight,
  type ItemChangeTimes,
  type ItemStatus,
  type ReadingProgress,
  type SavedItem,
} from '@/lib/db/schema';
import { addressWithoutTracking } from '@/lib/net/tracking-parameters';
import { isWebAddress } from '@/lib/net/web-url';
import { plainTitle, shownLine } from '@/lib/search/shown-line';

/**
 * Writes to saved items. Each function is one transaction, so a write that touches several
 * records lands whole or not at all, and concurrent writers (popup, side panel, service worker)
 * never overwrite each other's changes: every update is a read-modify-write inside it.
 */
export interface WriteOptions {
  db?: ShelfDatabase;
  now?: number;
}

function newUnreadItem(fields: Pick<SavedItem, 'id' | 'kind' | 'articleId' | 'url' | 'title'>, now: number): SavedItem {
  return {
    ...fields,
    status: 'unread',
    tags: [],
    note: '',
    addedAt: now,
    updatedAt: now,
    changedAt: changeTimesAt(now),
  };
}

/** Marks `fields` of an item as changed at `now`. */
export function touch(item: SavedItem, fields: readonly (keyof ItemChangeTimes)[], now: number): void {
  item.updatedAt = now;
  item.changedAt = { ...item.changedAt };
  for (const field of fields) item.changedAt[field] = now;
}

interface PageToSave {
  url: string;
  title: string;
  bundledArticleId?: string;
}

interface PageWriteOptions extends WriteOptions {
  /** A title given before the page was read (a link's text, "Read more"): replaced like an address while the item has it. */
  provisionalTitle?: string;
}

/**
 * Saves a page, with its readable copy when there is one (a link saved unopened has none yet).
 * Saving again keeps the item's status, tags, notes and title (unless the title was only the
 * address) and replaces the copy with the newer one.
 */
export async function savePage(
  page: PageToSave,
  capture: CapturedPage | null,
  options: PageWriteOptions = {},
): Promise<SavedItem> {
  return (await writePage(page, capture, options, true)) as SavedItem;
}

/**
 * Keeps the copy of a page saved earlier (a link saved unopened, fetched since), as `savePage` does,
 * but only while it is still saved: null, and nothing written, when it was removed meanwhile (QA pass:
 * removed in another window while its page was fetched, the item came back, without its tags or note).
 */
export function keepCopyOfSavedPage(
  page: PageToSave,
  capture: CapturedPage,
  options: PageWriteOptions = {},
): Promise<SavedItem | null> {
  return writePage(page, capture, options, false);
}

function writePage(
  page: PageToSave,
  capture: CapturedPage | null,
  { db = getDatabase(), now = Date.now(), provisionalTitle }: PageWriteOptions,
  create: boolean,
): Promise<SavedItem | null> {
  const id = pageItemId(page.url, page.bundledArticleId);
  const url = addressWithoutTracking(page.url);
  // A page known by its address alone (a link without text, a tab without a title) is named by the address kept.
  const title = page.title === page.url ? url : page.title;
  return reportingFullStorage(() =>
    db.transaction('rw', [db.items, db.captures, db.meta, db.progress], async () => {
      let item = await db.items.get(id);
      if (!item) {
        if (!create) return null;
        // Saved before version 12 from this address (tracking parameters and all), under another id.
        const formerId = page.bundledArticleId ? id : fragmentlessPageItemId(page.url);
        item = newUnreadItem(
          {
            id,
            kind: page.bundledArticleId ? 'article' : 'page',
            articleId: page.bundledArticleId ?? null,
            url: url.slice(0, MAX_ITEM_URL_LENGTH),
            // A plain line whoever passes it (a link's text, a tab's title): no control characters or bidi overrides.
            title: plainTitle(capture?.title ?? title, url),
          },
          now,
        );
        // With the note typed on it after its last removal, shown where its editor was, and where it was read to.
        item = await withNoteTypedAfterRemoval(db, item, formerId);
        if (formerId !== id) await takeFormerProgress(db, new Map([[id, [formerId]]]));
        await db.items.add(item);
      } else if (isWebAddress(item.title) || (provisionalTitle !== undefined && item.title === provisionalTitle)) {
        // Saved by its address alone (a plain list of links imported, a link saved before its page
        // had a title): the first title known replaces the address. A title it had is never replaced,
        // and another address (a capture of an untitled page names it by its address) is no title.
        const known = shownLine(capture?.title ?? title).slice(0, 1000);
        if (known && !isWebAddress(known)) {
          item = { ...item, title: known };
          touch(item, ['title'], now);
          await db.items.put(item);
        }
      }
      if (capture) await db.captures.put({ ...capture, itemId: id, capturedAt: now, updatedAt: now });
      return item;
    }),
  );
}

export interface SaveableArticle {
  id: string;
  title: string;
  url: string | null;
}

/** Saves a bundled article as unread; saving it again changes nothing. */
export function saveArticle(
  article: SaveableArticle,
  { db = getDatabase(), now = Date.now() }: WriteOptions = {},
): Promise<SavedItem> {
  const id = articleItemId(article.id);
  return reportingFullStorage(() =>
    db.transaction('rw', db.items, db.meta, async () => {
      const existing = await db.items.get(id);
      if (existing) return existing;
      // With the note typed on it after its last removal, shown where its editor was.
      const item = await withNoteTypedAfterRemoval(
        db,
        newUnreadItem({ id, kind: 'article', articleId: article.id, url: article.url, title: article.title }, now),
      );
      await db.items.add(item);
      return item;
    }),
  );
}

/** What a removal took away, so that it can be undone exactly. */
export interface RemovedSnapshot {
  items: SavedItem[];
  progress: ReadingProgress[];
  captures: CaptureRecord[];
  highlights: Highlight[];
  /** The database's epoch when they were removed: after "Delete everything", nothing is put back. */
  epoch: string;
}

const present = <T>(record: T | undefined): record is T => record !== undefined;

/**
 * Removes items with their readable copies, highlights and (unless `keepProgress`, see
 * `unsaveItems`) reading progress, and notes when (for sync); returns what was removed, for undo.
 */
export function removeItems(
  ids: readonly string[],
  { db = getDatabase(), now = Date.now(), keepProgress = false }: WriteOptions & { keepProgress?: boolean } = {},
): Promise<RemovedSnapshot> {
  const keys = [...ids];
  return reportingFullStorage(() =>
    db.transaction('rw', [db.items, db.progress, db.captures, db.highlights, db.meta], async () => {
      const snapshot: RemovedSnapshot = {
        items: (await db.items.bulkGet(keys)).filter(present),
        progress: keepProgress ? [] : (await db.progress.bulkGet(keys)).filter(present),
        captures: (await db.captures.bulkGet(keys)).filter(present),
        highlights: await db.highlights.where('itemId').anyOf(keys).toArray(),
        epoch: await getEpoch(db),
      };
      await Promise.all([
        db.items.bulkDelete(keys),
        keepProgress ? undefined : db.progress.bulkDelete(keys),
        db.captures.bulkDelete(keys),
        db.highlights.where('itemId').anyOf(keys).delete(),
      ]);
      const removed = snapshot.items.map((item) => item.id);
      if (removed.length > 0) await recordRemovals(db, removed, now);
      return snapshot;
    }),
  );
}

/**
 * Puts back what `removeItems` took: each item with its progress, copy and highlights. An item saved
 * again meanwhile (an import, another window) keeps what was chosen on it since, and gets back the
 * rest: the tags, note, status and title the user chose before (`mergeItem`: a value as saving left
 * it was chosen by no one), its highlights, and the copy and progress when it has none of its own
 * (QA pass: Undo put back nothing there, and said nothing). A copy put back behind the background's
 * reading of old copies (lib/background/copy-texts.ts) has it start over. Nothing is put back once
 * everything was deleted since (an Undo kept above the views outlives that): returns whether it was.
 */
export function restoreRemoved(snapshot: RemovedSnapshot, { db = getDatabase() }: WriteOptions = {}): Promise<boolean> {
  return reportingFullStorage(() =>
    db.transaction('rw', [db.items, db.progress, db.captures, db.highlights, db.meta], async () => {
      if ((await getEpoch(db)) !== snapshot.epoch) return false;
      const ids = snapshot.items.map((item) => item.id);
      const [current, currentCopies, currentProgress] = await Promise.all([
        db.items.bulkGet(ids),
        db.captures.bulkGet(ids),
        db.progress.bulkGet(ids),
      ]);
      // With what was typed on them in another window after they were removed.
      const removed = await withNotesAfterRemoval(db, snapshot.items, snapshot.highlights);
      const restored = new Set(snapshot.items.filter((_, i) => current[i] === undefined).map((item) => item.id));
      const resaved = removed.items.flatMap((item, i) => {
        const now = current[i];
        const merged = now && mergeItem(now, item);
        return merged ? [merged] : [];
      });
      const lacks = (records: ReadonlyArray<{ itemId: string } | undefined>) =>
        new Set(ids.filter((id, i) => !restored.has(id) && records[i] === undefined));
      const withoutCopy = lacks(currentCopies);
      const withoutProgress = lacks(currentProgress);
      const copies = snapshot.captures.filter(
        (record) => restored.has(record.itemId) || withoutCopy.has(record.itemId),
      );
      await db.items.bulkAdd(removed.items.filter((item) => restored.has(item.id)));
      await db.items.bulkPut(resaved);
      await db.progress.bulkPut(
        snapshot.progress.filter((record) => restored.has(record.itemId) || withoutProgress.has(record.itemId)),
      );
      await db.captures.bulkPut(copies);
      // Highlights went with their item; a re-saved one may have some again (an import keeps a file's), by quote.
      const resavedIds = ids.filter((_, i) => current[i] !== undefined);
      const quotesNow = new Set(
        (await db.highlights.where('itemId').anyOf(resavedIds).toArray()).map(
          (record) => `${record.itemId}\n${record.selectors.quote.exact}`,
        ),
      );
      await db.highlights.bulkPut(
        removed.highlights.filter((record) => !quotesNow.has(`${record.itemId}\n${record.selectors.quote.exact}`)),
      );
      await readCopiesAgainFromStart(
        copies.map((copy) => copy.itemId),
        db,
      );
      return true;
    }),
  );
}

/**
 * A status change, as much as undoing it needs: what each item had, when this change was made, and
 * in which library (`epoch`: none after "Delete everything" or a backup's "Replace everything").
 */
export interface StatusChange {
  status: ItemStatus;
  at: number;
  previous: Map<string, ItemStatus>;
  epoch: string;
}

/**
 * Changes the saved items of these ids in one transaction (none for an id no longer saved), a full disk
 * said as such. Answers the database's epoch it changed them in; given `inEpoch`, changes nothing once
 * the epoch moved on and answers null: an undo does not reach into the library a backup's "Replace
 * everything" brought since (QA pass: Undo of "Mark done" made the restored item unread again).
 */
function modifyItems(
  db: ShelfDatabase,
  ids: Iterable<string>,
  change: (item: SavedItem) => void,
  inEpoch?: string,
): Promise<string | null> {
  return reportingFullStorage(() =>
    db.transaction('rw', [db.items, db.meta], async () => {
      const epoch = await getEpoch(db);
      if (inEpoch !== undefined && epoch !== inEpoch) return null;
      await db.items
        .where('id')
        .anyOf([...ids])
        .modify((item) => change(item));
      return epoch;
    }),
  );
}

/**
 * What ended the library a change was made in (`epoch`), if anything did: "Delete everything", or a
 * backup's "Replace everything". The replace records when it ran (`restoredAt`) as it starts its epoch,
 * and "Delete everything" clears that record with the rest, so it is there only when a replace ran last.
 * An undo that put nothing back (`restoreRemoved`, `putFieldBack`) says which.
 */
export function libraryEndedSince(
  epoch: string,
  { db = getDatabase() }: WriteOptions = {},
): Promise<'deleted' | 'replaced' | null> {
  return db.transaction('r', db.meta, async () => {
    if ((await getEpoch(db)) === epoch) return null;
    return (await db.meta.get('restoredAt')) !== undefined ? 'replaced' : 'deleted';
  });
}

/**
 * Sets the status of items; returns the change, for undo: of the items that had another status. One
 * that has it already is left as it is (QA pass: "Archive" on an archived item moved it to the top of
 * "Recently updated" and offered an Undo of nothing in place of the last real one).
 */
export async function setStatus(
  ids: readonly string[],
  status: ItemStatus,
  { db = getDatabase(), now = Date.now() }: WriteOptions = {},
): Promise<StatusChange> {
  const previous = new Map<string, ItemStatus>();
  const epoch = await modifyItems(db, ids, (item) => {
    if (item.status === status) return;
    previous.set(item.id, item.status);
    item.status = status;
    touch(item, ['status'], now);
  });
  return { status, at: now, previous, epoch: epoch as string };
}

/**
 * Undoes `setStatus`: each item gets back the status it had, unless its status changed again
 * since (in another panel, say) — undo never reverts a later change. Returns how many it restored.
 */
export function undoStatusChange(
  change: StatusChange,
  { db = getDatabase(), now = Math.max(Date.now(), change.at + 1) }: WriteOptions = {},
): Promise<number> {
  return putFieldBack('status', change.previous, change.at, { db, now, epoch: change.epoch }, change.status);
}

/**
 * What an undo does: puts `field` back as `previous` holds it on each item there, unless the field
 * changed again since `at` (and, given `setTo`, no longer holds what the change set), in the library
 * of `epoch` only. Returns how many.
 */
async function putFieldBack<F extends 'status' | 'tags'>(
  field: F,
  previous: ReadonlyMap<string, SavedItem[F]>,
  at: number,
  { db, now, epoch }: { db: ShelfDatabase; now: number; epoch: string },
  setTo?: SavedItem[F],
): Promise<number> {
  let restored = 0;
  await modifyItems(
    db,
    previous.keys(),
    (item) => {
      const value = previous.get(item.id);
      if (value === undefined || item.changedAt[field] !== at) return;
      if (setTo !== undefined && item[field] !== setTo) return;
      item[field] = value;
      touch(item, [field], now);
      restored++;
    },
    epoch,
  );
  return restored;
}

/** How many of `ids` are saved now: an undo that put nothing back tells "removed since" from "changed again since". */
export function countSavedItems(ids: readonly string[], { db = getDatabase() }: WriteOptions = {}): Promise<number> {
  return db.items
    .where('id')
    .anyOf([...ids])
    .count();
}

/** Sets an item's tags, kept by the tag rules (normalized, no duplicates, at most 20 of 40 characters). */
export async function setTags(
  id: string,
  tags: readonly string[],
  { db = getDatabase(), now = Date.now() }: WriteOptions = {},
): Promise<void> {
  const clean = cleanTagList(tags);
  await reportingFullStorage(() =>
    db.transaction('rw', db.items, () =>
      db.items.update(id, (item) => {
        item.tags = clean;
        touch(item, ['tags'], now);
      }),
    ),
  );
}

/**
 * Writes an item's note; returns the note as written. `base`: the note the edit began from. When the
 * stored note is no longer that (another window saved its edit meanwhile), the two edits are joined
 * (`mergeTextEdits`) rather than the last one replacing the other's words. `underWay`: see `joinSavedEdit`.
 * On an item removed meanwhile, the note is kept for the removal's Undo (`keepNoteAfterRemoval`).
 */
export async function setNote(
  id: string,
  note: string,
  {
    db = getDatabase(),
    now = Date.now(),
    base,
    underWay,
  }: WriteOptions & { base?: string; underWay?: string | undefined } = {},
): Promise<string | undefined> {
  let written: string | undefined;
  await reportingFullStorage(() =>
    db.transaction('rw', db.items, db.meta, async () => {
      const updated = await db.items.update(id, (item) => {
        item.note = cutToLength(joinSavedEdit(item.note, note, base, underWay), MAX_NOTE_LENGTH);
        written = item.note;
        touch(item, ['note'], now);
      });
      // Removed in another window while this was typed: kept for that removal's Undo (QA: it was lost).
      if (updated === 0)
        written = await keepNoteAfterRemoval(db, { target: 'item', id, note, base, underWay, at: now });
    }),
  );
  return written;
}

/**
 * Renames a tag on every item, or merges it into another (renaming to a tag an item already has),
 * in one transaction. Returns how many items changed.
 */
export async function renameTag(
  from: string,
  to: string,
  { db = getDatabase(), now = Date.now() }: WriteOptions = {},
): Promise<number> {
  // The tag as stored (the tag list names it so: an import keeps longer ones, ones holding "," or
  // "|", or in another Unicode form), or as the editor writes it.
  const sources = new Set([from, tagKey(from)]);
  const [target] = cleanTagList([to]);
  if (!target || (sources.size === 1 && sources.has(target))) return 0;
  let changed = 0;
  await reportingFullStorage(() =>
    db.transaction('rw', db.items, () =>
      db.items
        .where('tags')
        .anyOf([...sources])
        .distinct()
        .modify((item) => {
          // Only the renamed tag changes: the item's others stay as stored (an import keeps more, and
          // longer, than the editor's limits, and cutting them here would publish the cut to every browser).
          const tags = [...new Set(item.tags.map((tag) => (sources.has(tag) ? target : tag)))];
          // Holding the target already in this form (a merge of two forms of one tag): no change to it.
          if (tags.length === item.tags.length && tags.every((tag, at) => tag === item.tags[at])) return;
          item.tags = tags;
          touch(item, ['tags'], now);
          changed++;
        }),
    ),
  );
  return changed;
}

/**
 * Adds or removes one tag on several items at once (the reading list's bulk actions, an item's tag
 * editor), each item read and written in the transaction. A tag is removed however it is stored (an
 * import keeps longer ones, or ones holding "," or "|"); one is added only where the item holds
 * fewer than `MAX_TAGS_PER_ITEM`, the item's other tags left as they are.
 */
export async function changeTagOnItems(
  ids: readonly string[],
  tag: string,
  change: 'add' | 'remove',
  options: WriteOptions = {},
): Promise<TagChange> {
  const { found, changed, full } = await changeTagForUndo(ids, tag, change, options);
  return { found, changed, full };
}

/** A bulk tag change, as much as undoing it needs: the tags each changed item had, and when. */
export interface UndoableTagChange extends TagChange {
  at: number;
  /** The library it was made in (see `StatusChange`). */
  epoch: string;
  previous: Map<string, string[]>;
  /** The tag added or removed (as cleaned), for undoing it alone on items changed again since. */
  tag: string;
  change: 'add' | 'remove';
}

/** `changeTagOnItems`, returning what `undoTagChange` needs (the reading list's bulk tag actions). */
export async function changeTagForUndo(
  ids: readonly string[],
  tag: string,
  change: 'add' | 'remove',
  { db = getDatabase(), now = Date.now() }: WriteOptions = {},
): Promise<UndoableTagChange> {
  const [clean] = cleanTagList([tag]);
  const result: UndoableTagChange = {
    found: 0,
    changed: 0,
    full: 0,
    at: now,
    epoch: '',
    previous: new Map(),
    tag: clean ?? tag,
    change,
  };
  if (change === 'add' && !clean) return result;
  result.epoch = (await modifyItems(db, ids, (item) => {
    result.found++;
    const added = change === 'add' ? addTag(item.tags, clean as string) : null;
    if (added && !added.ok && added.error === 'too-many') result.full++;
    const next = added ? (added.ok && added.added ? added.tags : item.tags) : removeTag(item.tags, tag);
    if (next.length === item.tags.length) return;
    result.previous.set(item.id, [...item.tags]);
    item.tags = next;
    touch(item, ['tags'], now);
    result.changed++;
  })) as string;
  return result;
}

/**
 * Undoes `changeTagForUndo`: each changed item gets back exactly the tags it had (an import's kept
 * as stored, in their order), and its other fields (status, note, title) as they are now. An item
 * whose tags changed again since keeps that later change and has only this tag put back or taken
 * away (QA pass: a tag added in another window made Undo of "Remove tag" do nothing, silently).
 * Returns how many it restored.
 */
export async function undoTagChange(
  change: UndoableTagChange,
  { db = getDatabase(), now = Math.max(Date.now(), change.at + 1) }: WriteOptions = {},
): Promise<number> {
  let restored = 0;
  await modifyItems(
    db,
    change.previous.keys(),
    (item) => {
      const previous = change.previous.get(item.id);
      if (previous === undefined) return;
      let next: string[];
      if (item.changedAt.tags === change.at) next = previous;
      else if (change.change === 'add') next = removeTag(item.tags, change.tag);
      else {
        const added = addTag(item.tags, change.tag);
        next = added.ok && added.added ? added.tags : item.tags;
      }
      if (JSON.stringify(next) === JSON.stringify(item.tags)) return;
      item.tags = next;
      touch(item, ['tags'], now);
      restored++;
    },
    change.epoch,
  );
  return restored;
}

/** What `changeTagOnItems` did: how many items changed, and how many refused the tag for holding 20 already. */
export interface TagChange {
  /** How many of the ids are saved items (one may have been unsaved in another window meanwhile). */
  found: number;
  changed: number;
  full: number;
}
