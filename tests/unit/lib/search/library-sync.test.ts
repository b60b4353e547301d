import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDatabase } from '@/lib/db/database';
import { addHighlight, deleteHighlight } from '@/lib/db/highlights';
import { pageItemId } from '@/lib/db/ids';
import { removeItems, restoreRemoved, savePage, setNote, setStatus, setTags } from '@/lib/db/items';
import { getLibraryDocuments, getLibraryFingerprints } from '@/lib/db/library-documents';
import { getItem } from '@/lib/db/queries';
import { applySyncChanges, readSyncEpoch, readSyncLibrary } from '@/lib/db/sync';
import { applyImport } from '@/lib/import/apply-import';
import { readImportFile } from '@/lib/import/read-import-file';
import { createLibraryIndex, type LibraryIndex } from '@/lib/search/library-index';
import { type LibrarySource, syncLibraryIndex } from '@/lib/search/library-sync';
import { capturedPage } from '@/tests/unit/helpers/captured-page';

let name: string;
let db: ShelfDatabase;
let source: LibrarySource;
beforeEach(() => {
  name = `shelf-library-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
  source = { fingerprints: () => getLibraryFingerprints(db), documents: (ids) => getLibraryDocuments(ids, db) };
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

async function save(path: string, title: string, text: string, now = 1) {
  const url = `https://news.example.org/${path}`;
  return savePage({ url, title }, capturedPage(url, title, text), { db, now });
}

const found = (index: LibraryIndex, query: string) =>
  index.search(query, { typing: false }).results.map((hit) => hit.itemId);

/** What an index built from scratch from the data answers. */
async function rebuilt(): Promise<LibraryIndex> {
  const index = createLibraryIndex();
  for (const document of await getLibraryDocuments([...(await getLibraryFingerprints(db)).keys()], db))
    index.put(document);
  return index;
}

describe('library index kept in step with the database', () => {
  it('follows saves, tags, notes, highlights, removal and undo, re-reading only what changed', async () => {
    const darfur = await save('darfur', 'Aid agencies warn of famine', 'Relief convoys reached North Darfur.');
    const bread = await save('bread', 'Weekend baking', 'Feed the sourdough starter twice a day.');
    const index = createLibraryIndex();
    expect(await syncLibraryIndex(index, source)).toEqual({ indexed: 2, removed: 0 });
    expect(found(index, 'darfur')).toEqual([darfur.id]);
    expect(await syncLibraryIndex(index, source)).toEqual({ indexed: 0, removed: 0 });

    await setTags(bread.id, ['kitchen-projects'], { db, now: 2 });
    await setNote(darfur.id, 'Compare with the sanctions coverage', { db, now: 3 });
    const highlight = await addHighlight(
      bread.id,
      { quote: { type: 'TextQuoteSelector', exact: 'starter twice a day' } },
      { note: 'rye flour works too' },
      { db, now: 4 },
    );
    expect(await syncLibraryIndex(index, source)).toEqual({ indexed: 2, removed: 0 });
    expect(index.search('kitchen projects', { typing: false }).results[0]).toMatchObject({
      itemId: bread.id,
      reasons: ['tag'],
    });
    expect(index.search('sanctions', { typing: false }).results[0]?.reasons).toEqual(['note']);
    expect(index.search('rye flour', { typing: false }).results[0]?.reasons).toEqual(['highlight']);

    await deleteHighlight(highlight!.id, { db });
    await syncLibraryIndex(index, source);
    expect(found(index, 'rye flour')).toEqual([]);

    const removed = await removeItems([darfur.id], { db });
    expect(await syncLibraryIndex(index, source)).toEqual({ indexed: 0, removed: 1 });
    expect(found(index, 'darfur')).toEqual([]);
    await restoreRemoved(removed, { db });
    await syncLibraryIndex(index, source);
    expect(found(index, 'darfur')).toEqual([darfur.id]);
  });

  it("follows a note and a highlight note that sync brings with change times older than the item's last change", async () => {
    // Sync keeps each change's own time: a note written elsewhere at 3000 lands on an item this
    // browser marked done at 5000, and the item's last change stays 5000. The index must still see it.
    const bread = await save('bread', 'Weekend baking', 'Feed the sourdough starter twice a day.');
    await setNote(bread.id, 'zebraword', { db, now: 2 });
    const first = await addHighlight(
      bread.id,
      { quote: { type: 'TextQuoteSelector', exact: 'starter twice a day' } },
      { note: 'first thoughts' },
      { db, now: 2000 },
    );
    await addHighlight(
      bread.id,
      { quote: { type: 'TextQuoteSelector', exact: 'Feed the sourdough' } },
      { note: 'second thoughts' },
      { db, now: 4000 },
    );
    await setStatus([bread.id], 'done', { db, now: 5000 });
    const index = createLibraryIndex();
    await syncLibraryIndex(index, source);
    expect(found(index, 'zebraword')).toEqual([bread.id]);

    const library = await readSyncLibrary(db);
    const item = library.items.find(({ id }) => id === bread.id)!;
    const highlight = library.highlights.find(({ id }) => id === first!.id)!;
    await applySyncChanges(
      {
        readAt: 6000,
        put: [{ ...item, note: 'giraffeword', changedAt: { ...item.changedAt, note: 3000 } }],
        remove: [],
        putHighlights: [{ ...highlight, note: 'okapiword', updatedAt: 3000 }],
        removeHighlights: [],
      },
      await readSyncEpoch(db),
      db,
    );
    expect((await getItem(bread.id, db))?.updatedAt).toBe(5000);

    expect(await syncLibraryIndex(index, source)).toEqual({ indexed: 1, removed: 0 });
    expect(found(index, 'giraffeword')).toEqual([bread.id]);
    expect(found(index, 'okapiword')).toEqual([bread.id]);
    expect(found(index, 'zebraword')).toEqual([]);
    expect(found(index, 'first thoughts')).toEqual([]);
  });

  it('an import stopped half-way (the worker killed) leaves an index that matches the data after restart', async () => {
    const urls = Array.from({ length: 30 }, (_, at) => `https://import.example.net/${at}/story-number-${at}`);
    const parsed = await readImportFile('links.txt', new TextEncoder().encode(urls.join('\n')));
    const index = createLibraryIndex();
    // The worker stops after the first chunk of the import, and again while the index reads its first batch.
    await expect(
      applyImport(parsed, {
        db,
        chunkSize: 10,
        onProgress: (done) => {
          if (done >= 10) throw new Error('service worker stopped');
        },
      }),
    ).rejects.toThrow('service worker stopped');
    const dying: LibrarySource = {
      fingerprints: source.fingerprints,
      documents: () => Promise.reject(new Error('service worker stopped')),
    };
    await expect(syncLibraryIndex(index, dying)).rejects.toThrow('service worker stopped');

    // After the restart: the import goes on, and the index is synced from the data.
    const restarted = createLibraryIndex();
    await applyImport(parsed, { db, chunkSize: 10 });
    await syncLibraryIndex(restarted, source);
    expect(restarted.fingerprints()).toEqual(await getLibraryFingerprints(db));
    expect(restarted.size).toBe(30);
    const reference = await rebuilt();
    for (const query of ['story number 7', 'import example', 'story'])
      expect(found(restarted, query)).toEqual(found(reference, query));
    expect(found(restarted, 'story number 29')[0]).toBe(pageItemId(urls[29]!));
  });

  it('in a page, gives way between items once a slice of time is spent', async () => {
    for (const at of [1, 2, 3]) await save(`p${at}`, `Page ${at}`, `Words of page ${at}.`);
    let clock = 0;
    const pauses: number[] = [];
    const index = createLibraryIndex();
    await syncLibraryIndex(index, source, {
      sliceMs: 8,
      now: () => (clock += 5),
      pause: async () => {
        pauses.push(index.size);
      },
    });
    // Every reading of this clock moves it 5 ms: the slice is spent after the second item, not before.
    expect(pauses).toEqual([2]);
    expect(index.size).toBe(3);
  });
});
