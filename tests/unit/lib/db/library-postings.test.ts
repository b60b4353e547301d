import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateLibraryPostings } from '@/lib/background/library-postings';
import { watchDatabaseChanges } from '@/lib/db/change-signal';
import { ShelfDatabase } from '@/lib/db/database';
import { pageItemId } from '@/lib/db/ids';
import { removeItems, savePage, setNote } from '@/lib/db/items';
import { getLibraryDocuments, getLibraryFingerprints } from '@/lib/db/library-documents';
import { getPostingsStamps, getStoredPostings, postingsStamp, storePostings } from '@/lib/db/library-postings';
import { applyImport } from '@/lib/import/apply-import';
import { readImportFile } from '@/lib/import/read-import-file';
import { analyzeLibraryDocument, createLibraryIndex, type LibraryIndex } from '@/lib/search/library-index';
import { type LibrarySource, restoreLibraryIndex, syncLibraryIndex } from '@/lib/search/library-sync';

let name: string;
let db: ShelfDatabase;
let source: LibrarySource;
beforeEach(() => {
  name = `shelf-postings-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
  source = { fingerprints: () => getLibraryFingerprints(db), documents: (ids) => getLibraryDocuments(ids, db) };
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

async function save(path: string, title: string, text: string) {
  const url = `https://news.example.org/${path}`;
  const capture = {
    url,
    title,
    byline: null,
    siteName: null,
    excerpt: null,
    lang: 'en',
    dir: null,
    wordCount: text.split(' ').length,
    readMinutes: 1,
    html: `<p>${text}</p>`,
    text,
    notice: null,
  };
  return savePage({ url, title }, capture, { db, now: 1 });
}

/** What a page opening does: the stored analyses, then a sync with the data; counts what it analyzed itself. */
async function openPage(): Promise<{ index: LibraryIndex; restored: number; analyzedInPage: number }> {
  const index = createLibraryIndex();
  const restored = await restoreLibraryIndex(index, () => getStoredPostings(db));
  const { indexed } = await syncLibraryIndex(index, source);
  return { index, restored, analyzedInPage: indexed };
}

async function rebuilt(): Promise<LibraryIndex> {
  const index = createLibraryIndex();
  await syncLibraryIndex(index, source);
  return index;
}

const QUERIES = ['darfur', 'darfr convoys', 'sourdough starter', 'sanctions', 'story number 7', 'import example'];
const answers = (index: LibraryIndex) =>
  QUERIES.map((query) => index.search(query, { typing: false })).map(({ results, loose }) => ({ results, loose }));

describe('library index stored by the background (lib/background/library-postings)', () => {
  it('a page loads the stored analyses instead of analyzing; changes re-analyze only their items', async () => {
    const darfur = await save('darfur', 'Aid agencies warn of famine', 'Relief convoys reached North Darfur.');
    await save('bread', 'Weekend baking', 'Feed the sourdough starter twice a day.');
    expect(await updateLibraryPostings(db)).toEqual({ analyzed: 2, removed: 0 });
    expect(await updateLibraryPostings(db)).toEqual({ analyzed: 0, removed: 0 });

    const opened = await openPage();
    expect(opened).toMatchObject({ restored: 2, analyzedInPage: 0 });
    expect(answers(opened.index)).toEqual(answers(await rebuilt()));
    expect(opened.index.search('darfr', { typing: false }).results[0]?.itemId).toBe(darfur.id);

    await setNote(darfur.id, 'Compare with the sanctions coverage', { db, now: 2 });
    expect(await updateLibraryPostings(db)).toEqual({ analyzed: 1, removed: 0 });
    await removeItems([darfur.id], { db });
    expect(await updateLibraryPostings(db)).toEqual({ analyzed: 0, removed: 1 });
    expect([...(await getPostingsStamps(db)).keys()]).toEqual([pageItemId('https://news.example.org/bread')]);
  });

  it('a change the background has not analyzed yet is analyzed by the page; an older analysis version is redone', async () => {
    const darfur = await save('darfur', 'Aid agencies warn of famine', 'Relief convoys reached North Darfur.');
    await save('bread', 'Weekend baking', 'Feed the sourdough starter twice a day.');
    await updateLibraryPostings(db);
    await setNote(darfur.id, 'Compare with the sanctions coverage', { db, now: 2 });
    const opened = await openPage();
    expect(opened).toMatchObject({ restored: 2, analyzedInPage: 1 });
    expect(opened.index.search('sanctions', { typing: false }).results[0]?.itemId).toBe(darfur.id);

    // Records of an earlier analysis are ignored by pages and made again by the background.
    await db.libraryPostings.toCollection().modify((record) => {
      record.stamp = `0|${record.document.fingerprint}`;
    });
    expect((await openPage()).restored).toBe(0);
    expect(await updateLibraryPostings(db)).toEqual({ analyzed: 2, removed: 0 });
    expect((await openPage()).restored).toBe(2);
  });

  it('a worker killed while indexing an import leaves an index that matches the data after restart', async () => {
    await save('darfur', 'Aid agencies warn of famine', 'Relief convoys reached North Darfur.');
    await updateLibraryPostings(db);
    const urls = Array.from({ length: 60 }, (_, at) => `https://import.example.net/${at}/story-number-${at}`);
    const parsed = await readImportFile('links.txt', new TextEncoder().encode(urls.join('\n')));
    // The import stops after its first chunks, and the indexing of what it saved after its first batch.
    await expect(
      applyImport(parsed, {
        db,
        chunkSize: 20,
        onProgress: (done) => {
          if (done >= 40) throw new Error('service worker stopped');
        },
      }),
    ).rejects.toThrow('service worker stopped');
    await expect(
      updateLibraryPostings(db, {
        onBatch: () => {
          throw new Error('service worker stopped');
        },
      }),
    ).rejects.toThrow('service worker stopped');
    const stampsAfterKill = await getPostingsStamps(db);
    expect(stampsAfterKill.size).toBeGreaterThan(1);
    expect(stampsAfterKill.size).toBeLessThan(41);

    // After the restart: the import goes on, the background finishes the index, a page opens.
    await applyImport(parsed, { db, chunkSize: 20 });
    expect(await updateLibraryPostings(db)).toEqual({ analyzed: 61 - stampsAfterKill.size, removed: 0 });
    const fingerprints = await getLibraryFingerprints(db);
    expect(await getPostingsStamps(db)).toEqual(
      new Map([...fingerprints].map(([id, fingerprint]) => [id, postingsStamp(fingerprint)])),
    );
    const opened = await openPage();
    expect(opened).toMatchObject({ restored: 61, analyzedInPage: 0 });
    expect(opened.index.fingerprints()).toEqual(fingerprints);
    expect(answers(opened.index)).toEqual(answers(await rebuilt()));
    expect(opened.index.search('story number 59', { typing: false }).results[0]?.itemId).toBe(pageItemId(urls[59]!));
  });

  it("storing analyses is no change of the user's data (no change signal, so no loop with the background)", async () => {
    let signals = 0;
    const stop = watchDatabaseChanges(name, () => signals++, 0);
    try {
      const bread = await save('bread', 'Weekend baking', 'Feed the sourdough starter twice a day.');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const afterSave = signals;
      expect(afterSave).toBeGreaterThan(0);
      const [document] = await getLibraryDocuments([bread.id], db);
      await storePostings([analyzeLibraryDocument(document!)], [], db);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(signals).toBe(afterSave);
      expect((await getStoredPostings(db)).map((stored) => stored.document.id)).toEqual([bread.id]);
    } finally {
      stop();
    }
  });
});
