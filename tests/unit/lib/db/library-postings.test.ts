import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateLibraryPostings, updateLibrarySnapshot } from '@/lib/background/library-postings';
import { watchDatabaseChanges } from '@/lib/db/change-signal';
import { clearAll } from '@/lib/db/clear';
import { ShelfDatabase } from '@/lib/db/database';
import { DataDeletedError } from '@/lib/db/errors';
import { addHighlight } from '@/lib/db/highlights';
import { pageItemId } from '@/lib/db/ids';
import { removeItems, saveArticle, savePage, setNote, setStatus, setTags } from '@/lib/db/items';
import { getLibraryDocuments, getLibraryFingerprints, getSnippetSources } from '@/lib/db/library-documents';
import { getPostingsStamps, getStoredPostings, postingsStamp, storePostings } from '@/lib/db/library-postings';
import { fingerprintsDigest, getLibrarySnapshot, putLibrarySnapshot } from '@/lib/db/library-snapshot';
import type { LibraryPostingsRecord } from '@/lib/db/schema';
import { applyImport } from '@/lib/import/apply-import';
import { readImportFile } from '@/lib/import/read-import-file';
import { analyzeLibraryDocument, createLibraryIndex, type LibraryIndex } from '@/lib/search/library-index';
import { librarySource, loadStoredLibraryIndex } from '@/lib/search/library-live';
import { type LibrarySource, restoreLibraryIndex, syncLibraryIndex } from '@/lib/search/library-sync';
import { withNoteSnippets } from '@/lib/search/snippet';
import { termsOfWord } from '@/lib/search/text';
import { capturedPage } from '@/tests/unit/helpers/captured-page';

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

/** A stored analysis as versions before 11 wrote it: without segments of the text. */
type OlderPostingsRecord = Omit<LibraryPostingsRecord, 'segments'>;

async function save(path: string, title: string, text: string) {
  const url = `https://news.example.org/${path}`;
  return savePage({ url, title }, capturedPage(url, title, text), { db, now: 1 });
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
      await updateLibrarySnapshot(db);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(signals).toBe(afterSave);
      expect(await getLibrarySnapshot(db)).not.toBeNull();
      expect((await getStoredPostings(db)).map((stored) => stored.document.id)).toEqual([bread.id]);
    } finally {
      stop();
    }
  });
});

describe('library index stored whole by the background (lib/db/library-snapshot)', () => {
  /** What a page opening does (lib/search/library-live): the stored index, then a sync with the data. */
  async function openPageFromStore() {
    const index = createLibraryIndex();
    const from = await loadStoredLibraryIndex(index, db);
    let analyzedInPage = 0;
    const counted = librarySource(db);
    const { indexed } = await syncLibraryIndex(index, {
      ...counted,
      documents: async (ids) => {
        analyzedInPage += ids.length;
        return counted.documents(ids);
      },
    });
    return { index, from, synced: indexed, analyzedInPage };
  }

  it('a page restores the whole index and answers as one rebuilt; changes since come from the stored analyses', async () => {
    const darfur = await save('darfur', 'Aid agencies warn of famine', 'Relief convoys reached North Darfur.');
    await save('bread', 'Weekend baking', 'Feed the sourdough starter twice a day.');
    // No whole index yet: the page loads the per-item analyses.
    await updateLibraryPostings(db);
    expect((await openPageFromStore()).from).toBe('analyses');

    const first = await updateLibrarySnapshot(db);
    expect(first.stored).toBe(true);
    expect((await updateLibrarySnapshot(db, first.index)).stored).toBe(false);
    const opened = await openPageFromStore();
    expect(opened).toMatchObject({ from: 'snapshot', synced: 0 });
    expect(answers(opened.index)).toEqual(answers(await rebuilt()));

    // Changed and removed since the whole index was stored: the page takes the background's analysis.
    await setNote(darfur.id, 'Compare with the sanctions coverage', { db, now: 2 });
    await save('flights', 'Cheap flights', 'Flights to Lisbon are cheaper in March.');
    await updateLibraryPostings(db);
    const behind = await openPageFromStore();
    expect(behind).toMatchObject({ from: 'snapshot', synced: 2, analyzedInPage: 0 });
    expect(answers(behind.index)).toEqual(answers(await rebuilt()));
    expect(behind.index.search('sanctions', { typing: false }).results[0]?.itemId).toBe(darfur.id);

    // The worker stored it again after the changes (from the index it kept, or from the store after a restart).
    expect((await updateLibrarySnapshot(db, first.index)).stored).toBe(true);
    await removeItems([darfur.id], { db });
    await updateLibraryPostings(db);
    expect((await updateLibrarySnapshot(db)).stored).toBe(true);
    const current = await openPageFromStore();
    expect(current).toMatchObject({ from: 'snapshot', synced: 0 });
    expect(current.index.search('darfur', { typing: false }).results).toEqual([]);
    expect(answers(current.index)).toEqual(answers(await rebuilt()));
  });

  it('a stored index of another analysis version, or whose arrays or documents are unsound, is not used', async () => {
    const darfur = await save('darfur', 'Aid agencies warn of famine', 'Relief convoys reached North Darfur.');
    await updateLibraryPostings(db);
    const { index } = await updateLibrarySnapshot(db);
    const snapshot = index!.snapshot();
    await putLibrarySnapshot({ ...snapshot, version: snapshot.version + 1 }, { db });
    expect(await getLibrarySnapshot(db)).toBeNull();
    await putLibrarySnapshot({ ...snapshot, postingDocs: snapshot.postingDocs.subarray(1) }, { db });
    expect(await getLibrarySnapshot(db)).toBeNull();
    await putLibrarySnapshot({ ...snapshot, terms: `${snapshot.terms}\nextra` }, { db });
    expect(await getLibrarySnapshot(db)).toBeNull();
    const outOfRange = Int32Array.from(snapshot.docTerms);
    outOfRange[0] = 1_000_000;
    await putLibrarySnapshot({ ...snapshot, docTerms: outOfRange }, { db });
    expect(await getLibrarySnapshot(db)).toBeNull();
    await putLibrarySnapshot(
      { ...snapshot, grams: { ...snapshot.grams, ids: snapshot.grams.ids.subarray(1) } },
      { db },
    );
    expect(await getLibrarySnapshot(db)).toBeNull();
    const [document] = snapshot.documents;
    for (const documents of [
      [{ id: document!.id, fingerprint: document!.fingerprint }],
      [null],
      [{ ...document, tags: null }],
    ]) {
      await db.librarySnapshot.put({ name: 'library', snapshot: { ...snapshot, documents: documents as never } });
      expect(await getLibrarySnapshot(db)).toBeNull();
    }
    const opened = await openPageFromStore();
    expect(opened.from).toBe('analyses');
    expect(opened.index.search('darfur', { typing: false }).results).toHaveLength(1);
    // The background stores a good one again at the next change (it does not read the stored index while it is current).
    expect((await updateLibrarySnapshot(db)).stored).toBe(false);
    await setNote(darfur.id, 'Compare with the sanctions coverage', { db, now: 2 });
    await updateLibraryPostings(db);
    expect((await updateLibrarySnapshot(db)).stored).toBe(true);
    expect((await openPageFromStore()).from).toBe('snapshot');
  });

  it('a worker killed while storing the whole index leaves one that matches the data after restart', async () => {
    await save('darfur', 'Aid agencies warn of famine', 'Relief convoys reached North Darfur.');
    await updateLibraryPostings(db);
    const { index: kept } = await updateLibrarySnapshot(db);
    const urls = Array.from({ length: 60 }, (_, at) => `https://import.example.net/${at}/story-number-${at}`);
    const parsed = await readImportFile('links.txt', new TextEncoder().encode(urls.join('\n')));
    await applyImport(parsed, { db, chunkSize: 20 });
    await updateLibraryPostings(db);
    // Killed while writing: the write never lands (the transaction is aborted).
    vi.spyOn(db.librarySnapshot, 'bulkPut').mockRejectedValueOnce(new Error('service worker stopped'));
    await expect(updateLibrarySnapshot(db, kept)).rejects.toThrow('service worker stopped');
    const stale = await openPageFromStore();
    expect(stale).toMatchObject({ from: 'snapshot', synced: 60, analyzedInPage: 0 });

    // After the restart the worker starts from what was stored, not from the index it had.
    expect((await updateLibrarySnapshot(db)).stored).toBe(true);
    const opened = await openPageFromStore();
    expect(opened).toMatchObject({ from: 'snapshot', synced: 0 });
    expect(opened.index.fingerprints()).toEqual(await getLibraryFingerprints(db));
    expect(answers(opened.index)).toEqual(answers(await rebuilt()));
  });

  it('an index stored with its words out of order (before they were kept in order) is used, and stored again in order once', async () => {
    const darfur = await save('darfur', 'Aid agencies warn of famine', 'Negotiations reached North Darfur.');
    await updateLibraryPostings(db);
    expect((await updateLibrarySnapshot(db)).stored).toBe(true);
    const current = (await getLibrarySnapshot(db))!;
    const inOrder = (words: string) => words.split('\n').every((word, at, all) => at === 0 || all[at - 1]! < word);
    expect(inOrder(current.words)).toBe(true);
    // What an earlier version stored: the same index, its words in reverse order (their counts,
    // letter-pair lists and each item's words renumbered), under a digest without the layout.
    const last = current.wordCounts.length - 1;
    const { starts, ids } = current.grams;
    const renumbered = Int32Array.from(ids, (id) => last - id);
    for (let group = 0; group + 1 < starts.length; group++)
      renumbered.subarray(starts[group], starts[group + 1]).sort();
    const earlier = {
      ...current,
      words: current.words.split('\n').reverse().join('\n'),
      wordCounts: current.wordCounts.slice().reverse(),
      docWords: Int32Array.from(current.docWords, (id) => last - id),
      grams: { ...current.grams, ids: renumbered },
    };
    expect(inOrder(earlier.words)).toBe(false);
    const digest = fingerprintsDigest(await getLibraryFingerprints(db)).replace(/^(\d+)\.\d+:/, '$1:');
    await db.librarySnapshot.bulkPut([
      { name: 'library', snapshot: earlier },
      { name: 'library-digest', digest },
    ]);
    // A page restores it, and finds a word typed past its stem all the same.
    const restored = createLibraryIndex();
    expect(await loadStoredLibraryIndex(restored, db)).toBe('snapshot');
    expect(restored.search('negotia').results.map((hit) => hit.itemId)).toEqual([darfur.id]);
    // The background stores it again, in order, once.
    expect((await updateLibrarySnapshot(db)).stored).toBe(true);
    expect(inOrder((await getLibrarySnapshot(db))!.words)).toBe(true);
    expect((await updateLibrarySnapshot(db)).stored).toBe(false);
  });

  it('a worker waking with nothing changed reads the digest only, not the stored index', async () => {
    await save('darfur', 'Aid agencies warn of famine', 'Relief convoys reached North Darfur.');
    await updateLibraryPostings(db);
    expect((await updateLibrarySnapshot(db)).stored).toBe(true);
    const read = vi.spyOn(db.librarySnapshot, 'get');
    expect(await updateLibrarySnapshot(db)).toEqual({ index: undefined, stored: false });
    expect(read.mock.calls.map(([key]) => key)).toEqual(['library-digest']);
  });

  it('"Delete everything" while the index is stored leaves no stored index of the deleted items', async () => {
    await save('darfur', 'Aid agencies warn of famine', 'Relief convoys reached North Darfur.');
    await updateLibraryPostings(db);
    // "Delete everything" lands after the run started (it reads the digest after the epoch).
    const get = db.librarySnapshot.get.bind(db.librarySnapshot);
    vi.spyOn(db.librarySnapshot, 'get').mockImplementationOnce(((key: string) =>
      clearAll(db).then(() => get(key))) as never);
    await expect(updateLibrarySnapshot(db)).rejects.toThrow(DataDeletedError);
    expect(await getLibrarySnapshot(db)).toBeNull();
    // The next run stores the empty library.
    expect((await updateLibrarySnapshot(db)).stored).toBe(true);
    expect((await getLibrarySnapshot(db))?.documents).toEqual([]);
  });
});

describe('which items the index reads again (their fingerprints)', () => {
  it('re-reads an item whose indexed words changed whatever its change times say, and not for its status', async () => {
    const bread = await save('bread', 'Weekend baking', 'Feed the sourdough starter twice a day.');
    const index = await rebuilt();
    // A merged backup keeps the later of two change times: the note changes, the times do not.
    await db.items.update(bread.id, { note: 'rye flour works too' });
    expect(await syncLibraryIndex(index, source)).toEqual({ indexed: 1, removed: 0 });
    expect(index.search('rye flour', { typing: false }).results.map((hit) => hit.itemId)).toEqual([bread.id]);
    // A word moved from the note into a tag is a change too (each field ends where it ends).
    await db.items.update(bread.id, { tags: ['rye'], note: 'flour works too' });
    expect(await syncLibraryIndex(index, source)).toEqual({ indexed: 1, removed: 0 });
    // Reading status is not searched: marking it done re-reads nothing.
    await setStatus([bread.id], 'done', { db, now: 9 });
    expect(await syncLibraryIndex(index, source)).toEqual({ indexed: 0, removed: 0 });
  });
});

describe('stored analyses after the fingerprint changed (2026-12-05)', () => {
  // Each item's fingerprint went from its change times to a digest of what the index reads: every
  // stored analysis looked stale at once. One whose item is the same is stamped again, not made again.
  it('keeps an analysis whose item only got a new fingerprint, and makes again one whose item changed', async () => {
    const darfur = await save('darfur', 'Aid agencies warn of famine', 'Relief convoys reached North Darfur.');
    const bread = await save('bread', 'Weekend baking', 'Feed the sourdough starter twice a day.');
    await updateLibraryPostings(db);
    // As stored before: the old fingerprint (item time:copy time:highlights), and a term only the stored
    // analysis holds, which tells a kept analysis from one made again.
    for (const record of await db.libraryPostings.toArray()) {
      const copy = await db.captures.get(record.itemId);
      const fingerprint = `${record.document.fingerprint.length}:${copy?.updatedAt ?? 0}:0.0`;
      await db.libraryPostings.put({
        ...record,
        stamp: postingsStamp(fingerprint),
        document: { ...record.document, fingerprint },
        terms: `${record.terms}\nsentinelterm`,
        weights: Float64Array.from([...record.weights, 1]),
        segments: Int32Array.from([...record.segments, 1]),
      });
    }
    await setNote(bread.id, 'rye flour works too', { db, now: 5 });
    expect(await updateLibraryPostings(db)).toEqual({ analyzed: 2, removed: 0 });
    const opened = await openPage();
    expect(opened.analyzedInPage).toBe(0);
    const holding = (term: string) => opened.index.search(term, { typing: false }).results.map((hit) => hit.itemId);
    expect(holding('sentinelterm')).toEqual([darfur.id]);
    expect(holding('rye flour')).toEqual([bread.id]);
    expect(holding('darfur')).toEqual([darfur.id]);
  });
});

describe("a saved page's site name and byline (its copy's)", () => {
  const url = 'https://arstechnica.com/security/2015/04/minecraft-exploit';
  const title = 'Minecraft exploit crashes servers';
  const saveMinecraft = (siteName: string, byline: string, now: number) =>
    savePage(
      { url, title },
      capturedPage(url, title, 'Two-year-old bug exposes thousands of servers.', { siteName, byline }),
      { db, now },
    );
  const found = (index: LibraryIndex, query: string) =>
    index.search(query, { typing: false }).results.map((hit) => hit.itemId);

  it('are read with the copy, and a page captured again with others is found by the new ones only', async () => {
    const item = await saveMinecraft('Ars Technica', 'Dan Goodin', 1);
    await save('bread', 'Weekend baking', 'Feed the sourdough starter twice a day.');
    expect((await getLibraryDocuments([item.id], db))[0]).toMatchObject({
      siteName: 'Ars Technica',
      byline: 'Dan Goodin',
    });
    await updateLibraryPostings(db);
    const opened = await openPage();
    expect(found(opened.index, 'dan goodin')).toEqual([item.id]);
    expect(found(opened.index, 'ars technica')).toEqual([item.id]);

    // Captured again: the copy's new site name and byline move its fingerprint, so it is analyzed again.
    const before = (await getLibraryFingerprints(db)).get(item.id);
    await saveMinecraft('Ars', 'Ashley Belanger', 2);
    expect((await getLibraryFingerprints(db)).get(item.id)).not.toBe(before);
    expect(await updateLibraryPostings(db)).toEqual({ analyzed: 1, removed: 0 });
    const again = await openPage();
    expect(again).toMatchObject({ restored: 2, analyzedInPage: 0 });
    expect(found(again.index, 'ashley belanger')).toEqual([item.id]);
    expect(found(again.index, 'dan goodin')).toEqual([]);
    expect(again.index.search('ashley', { typing: false }).results[0]?.site).toBe('Ars');
  });

  it('an index stored before they were indexed (analysis version 6) is not used, and is made again', async () => {
    const item = await saveMinecraft('Ars Technica', 'Dan Goodin', 1);
    const [document] = await getLibraryDocuments([item.id], db);
    // What version 6 stored: the item analyzed without its site name and byline, which its documents did not carry.
    const older = analyzeLibraryDocument({ ...document!, siteName: null, byline: null });
    const { siteName: _siteName, byline: _byline, ...olderDocument } = older.document;
    // Nor segments of the text (version 11).
    const olderRecord: OlderPostingsRecord = {
      itemId: item.id,
      stamp: `6|${document!.fingerprint}`,
      document: olderDocument as never,
      terms: older.terms.join('\n'),
      weights: Float64Array.from(older.weights),
      words: older.words.join('\n'),
    };
    await db.libraryPostings.put(olderRecord as LibraryPostingsRecord);
    const olderIndex = createLibraryIndex();
    olderIndex.putAnalyzed(older);
    await db.librarySnapshot.bulkPut([
      { name: 'library', snapshot: { ...olderIndex.snapshot(), version: 6, documents: [olderDocument as never] } },
      {
        name: 'library-digest',
        digest: fingerprintsDigest(await getLibraryFingerprints(db)).replace(/^[\d.]+:/, '6:'),
      },
    ]);

    // A page opening ignores both and analyzes the item itself.
    const index = createLibraryIndex();
    expect(await loadStoredLibraryIndex(index, db)).toBe('analyses');
    expect(index.size).toBe(0);
    await syncLibraryIndex(index, librarySource(db));
    expect(found(index, 'dan goodin')).toEqual([item.id]);

    // The background makes both again, and a page restores them.
    expect(await updateLibraryPostings(db)).toEqual({ analyzed: 1, removed: 0 });
    expect((await updateLibrarySnapshot(db)).stored).toBe(true);
    const restored = createLibraryIndex();
    expect(await loadStoredLibraryIndex(restored, db)).toBe('snapshot');
    expect(await syncLibraryIndex(restored, librarySource(db))).toEqual({ indexed: 0, removed: 0 });
    expect(found(restored, 'dan goodin')).toEqual([item.id]);
    expect(found(restored, 'ars technica')).toEqual([item.id]);
  });
});

describe("where a page's text says each word (analysis version 11)", () => {
  // Each sentence ~130 characters: 40 of them are more than two segments of the text.
  const apart =
    'The committee met on Tuesday to discuss the budget for the coming year and several members raised questions. '.repeat(
      40,
    );
  const query = 'fold fitted sheet';
  const listed = (index: LibraryIndex) => {
    const { results, loose } = index.search(query, { typing: false });
    return { results: results.map((hit) => hit.itemId), loose: loose.map((hit) => hit.itemId) };
  };

  it('an analysis and an index stored before it (version 10) are not used, and are made again', async () => {
    const far = await save('far', 'Notes', `Fold the map. ${apart}A sheet of paper. ${apart}The key fitted the lock.`);
    const near = await save('near', 'Linen', `${apart}Fold a fitted sheet in thirds. ${apart}`);
    const documents = await getLibraryDocuments([far.id, near.id], db);
    // What version 10 stored: the same analysis, without segments.
    const olderIndex = createLibraryIndex();
    for (const document of documents) {
      const { segments: _segments, ...older } = analyzeLibraryDocument(document);
      const olderRecord: OlderPostingsRecord = {
        itemId: document.id,
        stamp: `10|${document.fingerprint}`,
        document: { ...older.document, tags: [...older.document.tags], highlights: [...older.document.highlights] },
        terms: older.terms.join('\n'),
        weights: Float64Array.from(older.weights),
        words: older.words.join('\n'),
      };
      await db.libraryPostings.put(olderRecord as LibraryPostingsRecord);
      olderIndex.put(document);
    }
    const { postingSegments: _postingSegments, ...olderSnapshot } = olderIndex.snapshot();
    await db.librarySnapshot.bulkPut([
      { name: 'library', snapshot: { ...olderSnapshot, version: 10 } as never },
      {
        name: 'library-digest',
        digest: fingerprintsDigest(await getLibraryFingerprints(db)).replace(/^[\d.]+:/, '10.2:'),
      },
    ]);

    // A page opening ignores both and analyzes the items itself: the page saying the words apart is loosely related.
    const index = createLibraryIndex();
    expect(await loadStoredLibraryIndex(index, db)).toBe('analyses');
    expect(index.size).toBe(0);
    expect(await syncLibraryIndex(index, librarySource(db))).toEqual({ indexed: 2, removed: 0 });
    expect(listed(index)).toEqual({ results: [near.id], loose: [far.id] });

    // The background makes both again, and a page restores them.
    expect(await updateLibraryPostings(db)).toEqual({ analyzed: 2, removed: 0 });
    expect((await openPage()).analyzedInPage).toBe(0);
    expect(listed((await openPage()).index)).toEqual({ results: [near.id], loose: [far.id] });
    expect((await updateLibrarySnapshot(db)).stored).toBe(true);
    const restored = createLibraryIndex();
    expect(await loadStoredLibraryIndex(restored, db)).toBe('snapshot');
    expect(await syncLibraryIndex(restored, librarySource(db))).toEqual({ indexed: 0, removed: 0 });
    expect(listed(restored)).toEqual({ results: [near.id], loose: [far.id] });
  });

  it('a record of the current stamp without its segments (written by hand, or cut short) is not used', async () => {
    const far = await save('far', 'Notes', `Fold the map. ${apart}A sheet of paper. ${apart}The key fitted the lock.`);
    await updateLibraryPostings(db);
    const record = (await db.libraryPostings.get(far.id)) as LibraryPostingsRecord;
    const { segments: _segments, ...withoutSegments } = record;
    await db.libraryPostings.put(withoutSegments as LibraryPostingsRecord);
    expect(await getStoredPostings(db)).toEqual([]);
    // The page analyzes the item itself, and reads where its words are.
    const opened = await openPage();
    expect(opened).toMatchObject({ restored: 0, analyzedInPage: 1 });
    expect(listed(opened.index)).toEqual({ results: [], loose: [far.id] });
  });
});

describe('what snippets are made from', () => {
  it("reads the copies' text and the notes: the highlights' that carry one, oldest first, then the item's, then its tags", async () => {
    const wal = await save('wal', 'How the WAL works', 'Readers never block writers. Checkpoints copy pages back.');
    await save('bread', 'Weekend baking', 'Feed the sourdough starter twice a day.');
    const selectors = (exact: string) => ({ quote: { type: 'TextQuoteSelector' as const, exact } });
    await addHighlight(
      wal.id,
      selectors('Checkpoints copy pages back.'),
      { note: 'then the log shrinks' },
      { db, now: 20 },
    );
    await addHighlight(wal.id, selectors('Readers never block writers.'), { note: 'ask Priya' }, { db, now: 10 });
    await addHighlight(wal.id, selectors('no note here'), {}, { db, now: 30 });
    await setNote(wal.id, 'compare with the LSM tree', { db, now: 40 });
    await setTags(wal.id, ['databases', 'sqlite'], { db });
    const { texts, notes } = await getSnippetSources([wal.id, pageItemId('https://news.example.org/bread')], db);
    expect([...texts.values()].join(' ')).toContain('sourdough starter');
    expect(texts.get(wal.id)).toContain('Readers never block writers.');
    expect(notes.get(wal.id)).toEqual([
      { quote: 'Readers never block writers.', note: 'ask Priya' },
      { quote: 'Checkpoints copy pages back.', note: 'then the log shrinks' },
      { note: 'compare with the LSM tree' },
      { note: 'Tags: databases, sqlite', tags: true },
    ]);
    expect(notes.size).toBe(1);
    // A search that matched the tag alone shows it, marked.
    const byTag = withNoteSnippets(new Map(), notes, new Set(termsOfWord('sqlite')), null).get(wal.id);
    expect(byTag?.text).toBe('Tags: databases, sqlite');
    expect(byTag?.ranges.map(({ start, end }) => byTag.text.slice(start, end))).toEqual(['sqlite']);
  });

  it('reads a highlight’s quote for an item without a copy (a saved blog article): a search that matched it shows it', async () => {
    const article = await saveArticle({ id: 'wal-article', title: 'WAL', url: null }, { db });
    const quote = 'Checkpoints copy dirty pages back to the main file.';
    await addHighlight(article.id, { quote: { type: 'TextQuoteSelector', exact: quote } }, {}, { db });
    const { texts, notes } = await getSnippetSources([article.id], db);
    expect(texts.has(article.id)).toBe(false);
    expect(notes.get(article.id)).toEqual([{ quote, note: quote }]);
    const shown = withNoteSnippets(new Map(), notes, new Set(termsOfWord('checkpoints')), null).get(article.id);
    expect(shown?.text).toContain('Checkpoints copy dirty pages');
  });
});
