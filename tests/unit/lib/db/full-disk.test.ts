import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDatabase } from '@/lib/db/database';
import { isQuotaError, STORAGE_FULL_MESSAGE, StorageFullError } from '@/lib/db/errors';
import { addHighlight, getHighlights, restoreHighlight, setHighlightNote, updateHighlight } from '@/lib/db/highlights';
import {
  changeTagForUndo,
  changeTagOnItems,
  removeItems,
  renameTag,
  restoreRemoved,
  saveArticle,
  setNote,
  setStatus,
  setTags,
  undoStatusChange,
  undoTagChange,
} from '@/lib/db/items';
import { setProgress } from '@/lib/db/progress';
import { countItems } from '@/lib/db/queries';
import { describeUnfinishedAction } from '@/lib/dom/unfinished-actions';
import { applyImport } from '@/lib/import/apply-import';
import { importFile } from '@/lib/import/import-file';
import { readImportFile } from '@/lib/import/read-import-file';
import { fillDiskAfter } from '../../helpers/full-disk';

let name: string;
let db: ShelfDatabase;
let giveRoomBack: (() => void) | undefined;
beforeEach(() => {
  name = `shelf-full-disk-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
});
afterEach(async () => {
  giveRoomBack?.();
  giveRoomBack = undefined;
  db.close();
  await Dexie.delete(name);
});

const addresses = (count: number) =>
  new TextEncoder().encode(Array.from({ length: count }, (_, i) => `https://example.com/q/${i}`).join('\n'));

// A full disk as the browser reports it (the store request fails): inside a bulk write Dexie hands on a
// BulkError, inside `modify` a ModifyError, each holding the QuotaExceededError.
describe('a disk that fills up, as IndexedDB reports it', () => {
  it('stops an import after the chunks that fit, saying the browser ran out of space', async () => {
    giveRoomBack = fillDiskAfter(10, ['items']);
    const summary = await applyImport(readImportFile('urls.txt', addresses(30)), { db, chunkSize: 10 });
    giveRoomBack();
    expect(summary).toMatchObject({ added: 10, outOfSpace: true });
    expect(summary.stoppedEarly).toBe('The browser ran out of space after 10 of 30 items; the rest were not imported.');
    expect(await countItems(db)).toBe(10);
  });

  it('says so when an import file fills it', async () => {
    giveRoomBack = fillDiskAfter(0, ['items']);
    const result = await importFile({ name: 'urls.txt', bytes: addresses(3) }, { db });
    giveRoomBack();
    expect(result.ok ? result.message : result.error).toContain('ran out of space');
    expect(await countItems(db)).toBe(0);
  });

  it('says a status change that did not fit as Shelf says a full disk, and changes nothing', async () => {
    await saveArticle({ id: 'a', title: 'A', url: null }, { db, now: 1 });
    await saveArticle({ id: 'b', title: 'B', url: null }, { db, now: 1 });
    giveRoomBack = fillDiskAfter(1);
    const failure = await setStatus(['article:a', 'article:b'], 'done', { db, now: 2 }).catch(
      (error: unknown) => error,
    );
    giveRoomBack();
    expect(describeUnfinishedAction(failure)).toBe(STORAGE_FULL_MESSAGE);
    expect((await db.items.toArray()).map((item) => item.status)).toEqual(['unread', 'unread']);
  });

  it('an Undo of Unsave that does not fit is a StorageFullError, and puts back nothing', async () => {
    await saveArticle({ id: 'a', title: 'A', url: null }, { db, now: 1 });
    await saveArticle({ id: 'b', title: 'B', url: null }, { db, now: 1 });
    const removed = await removeItems(['article:a', 'article:b'], { db, now: 2 });
    giveRoomBack = fillDiskAfter(1, ['items']);
    await expect(restoreRemoved(removed, { db })).rejects.toBeInstanceOf(StorageFullError);
    giveRoomBack();
    expect(await countItems(db)).toBe(0);
    expect(await restoreRemoved(removed, { db })).toBe(true);
    expect(await countItems(db)).toBe(2);
  });

  // The note editors say "no room left" for a failure isQuotaError knows; any other says "try again at your next pause".
  it('a note or a highlight’s comment that does not fit fails as a full disk, and the stored one stays', async () => {
    await saveArticle({ id: 'a', title: 'A', url: null }, { db, now: 1 });
    const highlight = await addHighlight('article:a', { quote: { type: 'TextQuoteSelector', exact: 'q' } }, {}, { db });
    giveRoomBack = fillDiskAfter(0);
    const note = await setNote('article:a', 'typed', { db, now: 2, base: '' }).catch((error: unknown) => error);
    const comment = await setHighlightNote(highlight?.id as string, 'typed', { db, base: '' }).catch(
      (error: unknown) => error,
    );
    giveRoomBack();
    expect(isQuotaError(note)).toBe(true);
    expect(isQuotaError(comment)).toBe(true);
    expect((await db.items.get('article:a'))?.note).toBe('');
    expect((await getHighlights('article:a', db)).map((kept) => kept.note)).toEqual(['']);
  });

  // Their errors are said as they come ("Could not undo: …", Settings' rename): a full disk must read as one.
  it('every edit of a saved item that does not fit fails as StorageFullError, and changes nothing', async () => {
    await saveArticle({ id: 'a', title: 'A', url: null }, { db, now: 1 });
    await changeTagOnItems(['article:a'], 'kept', 'add', { db, now: 2 });
    const status = await setStatus(['article:a'], 'done', { db, now: 3 });
    const tagged = await changeTagForUndo(['article:a'], 'later', 'add', { db, now: 4 });
    const highlight = (await addHighlight(
      'article:a',
      { quote: { type: 'TextQuoteSelector', exact: 'q' } },
      {},
      { db },
    ))!;
    const before = JSON.stringify([
      await db.items.toArray(),
      await getHighlights('article:a', db),
      await db.progress.toArray(),
    ]);
    const edits: [string, () => Promise<unknown>][] = [
      ['setStatus', () => setStatus(['article:a'], 'archived', { db, now: 5 })],
      ['undoStatusChange', () => undoStatusChange(status, { db, now: 5 })],
      ['setTags', () => setTags('article:a', ['x'], { db, now: 5 })],
      ['changeTagOnItems', () => changeTagOnItems(['article:a'], 'new', 'add', { db, now: 5 })],
      ['undoTagChange', () => undoTagChange(tagged, { db, now: 5 })],
      ['renameTag', () => renameTag('kept', 'renamed', { db, now: 5 })],
      ['setNote', () => setNote('article:a', 'typed', { db, now: 5, base: '' })],
      [
        'setProgress',
        () => setProgress('article:a', { fraction: 0.5, anchor: { scrollFraction: 0.5, scrollY: 1 } }, { db, now: 5 }),
      ],
      ['updateHighlight', () => updateHighlight(highlight.id, { color: 'green' }, { db, now: 5 })],
      ['setHighlightNote', () => setHighlightNote(highlight.id, 'typed', { db, now: 5, base: '' })],
      ['restoreHighlight', () => restoreHighlight({ ...highlight, id: 'another' }, { db })],
    ];
    giveRoomBack = fillDiskAfter(0);
    const failures: Record<string, string> = {};
    for (const [name, edit] of edits) {
      failures[name] = await edit().then(
        () => 'written',
        (error: unknown) => (error instanceof StorageFullError ? 'StorageFullError' : String(error)),
      );
    }
    giveRoomBack();
    expect(failures).toEqual(Object.fromEntries(edits.map(([name]) => [name, 'StorageFullError'])));
    expect(
      JSON.stringify([await db.items.toArray(), await getHighlights('article:a', db), await db.progress.toArray()]),
    ).toBe(before);
  });
});
