import Dexie from 'dexie';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshCopyTexts } from '@/lib/background/copy-texts';
import { updateLibraryPostings } from '@/lib/background/library-postings';
import { NoDomError } from '@/lib/background/offscreen';
import { createBackup, parseBackup } from '@/lib/backup/backup-file';
import { restoreBackup } from '@/lib/backup/restore';
import { storedCopyText } from '@/lib/capture/copy-text';
import { MAX_CAPTURE_TEXT } from '@/lib/capture/schema';
import { readBackupRecords, writeBackupRecords } from '@/lib/db/backup';
import { clearAll } from '@/lib/db/clear';
import { COPY_TEXT_RULE, getCopyTextProgress, storeCopyTexts } from '@/lib/db/copies';
import { ShelfDatabase } from '@/lib/db/database';
import { DataDeletedError } from '@/lib/db/errors';
import { removeItems, restoreRemoved, savePage } from '@/lib/db/items';
import { getLibraryFingerprints } from '@/lib/db/library-documents';
import { getStoredPostings } from '@/lib/db/library-postings';
import { createLibraryIndex } from '@/lib/search/library-index';
import { restoreLibraryIndex } from '@/lib/search/library-sync';
import { capturedPage } from '@/tests/unit/helpers/captured-page';
import { fakePermissionsAndScripting } from '../../helpers/fake-permissions';

/**
 * Copies saved by an earlier version are read again by the reader's rule (lib/background/copy-texts
 * through lib/db/copies), and a backup's copies as they are restored (lib/backup/restore).
 */
const win = new JSDOM('').window as unknown as Window & typeof globalThis;
const read = (html: string) => Promise.resolve(storedCopyText(html, win));

let name: string;
let db: ShelfDatabase;
beforeEach(() => {
  name = `shelf-copy-texts-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const BLOCKS =
  '<p>Read the full transcript of his interview</p><p>Mr Obama lands in Kenya</p><ul><li>alphaword</li><li>betaword</li></ul>';
const READER_TEXT = 'Read the full transcript of his interview Mr Obama lands in Kenya alphaword betaword';
/** What an earlier version stored as a copy's text: its textContent, adjacent blocks run together. */
const GLUED = 'Read the full transcript of his interviewMr Obama lands in Kenyaalphawordbetaword';

/** A page saved by an earlier version: its copy's text glued, its title not a plain line. */
async function saveAsBefore(path: string, fields: Parameters<typeof capturedPage>[3] = {}, now = 5) {
  const url = `https://news.example.org/${path}`;
  return savePage({ url, title: path }, capturedPage(url, path, GLUED, { html: BLOCKS, ...fields }), { db, now });
}

/** What the popup searches: the background's stored analyses. */
async function search(query: string): Promise<string[]> {
  await updateLibraryPostings(db);
  const index = createLibraryIndex();
  await restoreLibraryIndex(index, () => getStoredPostings(db));
  return index.search(query, { typing: false }).results.map((result) => result.itemId);
}

const texts = async () => (await db.captures.orderBy('itemId').toArray()).map((copy) => copy.text);

describe('copies saved by an earlier version are read again', () => {
  it('a word after a block join, unfindable in the old text, finds the page once its copy is read again', async () => {
    const item = await saveAsBefore('kenya', { title: 'Report \u202Efdp.exe\u202C', byline: 'A\u202Eb', wordCount: 9 });
    expect(await search('betaword')).toEqual([]);
    const before = await getLibraryFingerprints(db);

    expect(await refreshCopyTexts({ db, read })).toBe(1);

    const copy = await db.captures.get(item.id);
    expect(copy?.text).toBe(READER_TEXT);
    expect(copy?.text).toBe(storedCopyText(BLOCKS, win));
    expect(copy?.wordCount).toBe(14);
    expect(copy?.title).toBe('Report fdp.exe');
    expect(copy?.byline).toBe('A b');
    // When it was saved stays what the reader shows; only when it last changed moves.
    expect(copy?.capturedAt).toBe(5);
    expect(copy?.updatedAt).toBeGreaterThan(5);
    expect((await getLibraryFingerprints(db)).get(item.id)).not.toBe(before.get(item.id));
    expect(await search('betaword')).toEqual([item.id]);
    expect(await search('interview mr obama')).toEqual([item.id]);
    expect(await getCopyTextProgress(db)).toEqual({ rule: COPY_TEXT_RULE, after: null });
  });

  it("copies read by rule 2 are counted again from their text, with no DOM: a Chinese copy gets its characters' count", async () => {
    const paragraph = '数据库连接池在高并发下耗尽时，应用会卡住。'.repeat(100);
    const html = `<p>${paragraph}</p><p>${paragraph}</p>`;
    const text = storedCopyText(html, win);
    const chinese = 'https://example.cn/pool';
    // What rule 2 stored: 2 "words", "1 min".
    const old = capturedPage(chinese, '连接池', text, { html, wordCount: 2, readMinutes: 1 });
    const item = await savePage({ url: chinese, title: '连接池' }, old, { db, now: 5 });
    const english = 'https://news.example.org/current';
    const current = capturedPage(english, 'Current', READER_TEXT, { html: BLOCKS, wordCount: 14 });
    const other = await savePage({ url: english, title: 'Current' }, current, { db, now: 5 });
    await db.meta.put({ key: 'copyText', value: { rule: 2, after: null } });
    const before = await getLibraryFingerprints(db);
    const reader = vi.fn(read);

    expect(await refreshCopyTexts({ db, read: reader })).toBe(1);

    expect(reader).not.toHaveBeenCalled();
    const copy = await db.captures.get(item.id);
    expect(copy?.text).toBe(text);
    expect(copy?.wordCount).toBe(3800);
    // At 255 characters a minute (230 would be 17).
    expect(copy?.readMinutes).toBe(15);
    // Nothing search reads changed: neither copy is indexed again.
    expect(copy?.updatedAt).toBe(5);
    expect(await db.captures.get(other.id)).toMatchObject({ wordCount: 14, updatedAt: 5 });
    expect(await getLibraryFingerprints(db)).toEqual(before);
    expect(await getCopyTextProgress(db)).toEqual({ rule: COPY_TEXT_RULE, after: null });
  });

  it('reads nothing once every copy is read by the current rule, and leaves copies saved under it unchanged', async () => {
    const url = 'https://news.example.org/current';
    const current = capturedPage(url, 'Current', READER_TEXT, { html: BLOCKS, wordCount: 14 });
    const item = await savePage({ url, title: 'Current' }, current, { db, now: 5 });
    const reader = vi.fn(read);
    // The run's end asks for the whole index though its last batch changed no copy (a review: that
    // batch wrote only its progress, no change signal, and the index was not stored).
    const onFinished = vi.fn();
    expect(await refreshCopyTexts({ db, read: reader, onFinished })).toBe(0);
    expect(reader).toHaveBeenCalledTimes(1);
    expect(onFinished).toHaveBeenCalledTimes(1);
    expect((await db.captures.get(item.id))?.updatedAt).toBe(5);
    expect(await refreshCopyTexts({ db, read: reader, onFinished })).toBe(0);
    expect(reader).toHaveBeenCalledTimes(1);
    expect(onFinished).toHaveBeenCalledTimes(1);
  });

  it('a worker stopped half-way keeps what it stored and goes on from there, reading each copy once', async () => {
    for (let i = 0; i < 60; i++) await saveAsBefore(`page-${String(i).padStart(2, '0')}`);
    let calls = 0;
    // The 35th read never answers: the worker was stopped there, and this run never goes on.
    const stopping = (html: string) => (++calls === 35 ? new Promise<string>(() => {}) : read(html));
    void refreshCopyTexts({ db, read: stopping });
    await vi.waitFor(() => expect(calls).toBe(35));
    const progress = await getCopyTextProgress(db);
    expect(progress.rule).toBeLessThan(COPY_TEXT_RULE);
    expect(progress.after).not.toBeNull();
    expect((await texts()).filter((text) => text === GLUED)).toHaveLength(35);

    const reader = vi.fn(read);
    expect(await refreshCopyTexts({ db, read: reader })).toBe(35);
    expect(reader).toHaveBeenCalledTimes(35);
    expect((await texts()).every((text) => text === READER_TEXT)).toBe(true);
  });

  it('a copy that cannot be read keeps its text; the others are read', async () => {
    const broken = await saveAsBefore('broken', { html: '<p>broken</p>' });
    await saveAsBefore('fine');
    const failing = (html: string) => (html.includes('broken') ? Promise.reject(new Error('no answer')) : read(html));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await refreshCopyTexts({ db, read: failing })).toBe(1);
    expect((await db.captures.get(broken.id))?.text).toBe(GLUED);
    expect(await getCopyTextProgress(db)).toEqual({ rule: COPY_TEXT_RULE, after: null });
  });

  it('with no DOM to read in at all, the run stops where it is and reads the copy at the next start', async () => {
    await saveAsBefore('kenya');
    const noDom = () => Promise.reject(new NoDomError('The offscreen document could not be opened.'));
    await expect(refreshCopyTexts({ db, read: noDom })).rejects.toThrow(NoDomError);
    expect(await getCopyTextProgress(db)).toEqual({ rule: 1, after: null });
    expect(await texts()).toEqual([GLUED]);
    expect(await refreshCopyTexts({ db, read })).toBe(1);
  });

  it('a batch ends early once its copies hold megabytes of HTML, storing what it read', async () => {
    const big = `${BLOCKS}<p>${'padding words '.repeat(200_000)}</p>`;
    for (let i = 0; i < 4; i++) await saveAsBefore(`big-${i}`, { html: big });
    let calls = 0;
    // The 4th read never answers: the first three copies (over 8 million characters) were a batch.
    const stopping = (html: string) => (++calls === 4 ? new Promise<string>(() => {}) : read(html));
    void refreshCopyTexts({ db, read: stopping });
    // Parsing three 3 MB copies in jsdom takes seconds alone and far longer on a busy 2-core machine.
    await vi.waitFor(() => expect(calls).toBe(4), { timeout: 50_000 });
    const ids = (await db.captures.orderBy('itemId').primaryKeys()) as string[];
    expect(await getCopyTextProgress(db)).toEqual({ rule: 1, after: ids[2] });
  });

  it('a copy captured again while it was being read keeps its new text', async () => {
    const item = await saveAsBefore('recaptured');
    const url = 'https://news.example.org/recaptured';
    const racing = async (html: string) => {
      const text = await read(html);
      await savePage({ url, title: 'Again' }, capturedPage(url, 'Again', 'Captured again just now.'), { db, now: 9 });
      return text;
    };
    expect(await refreshCopyTexts({ db, read: racing })).toBe(0);
    expect((await db.captures.get(item.id))?.text).toBe('Captured again just now.');
  });

  it('a copy put back by Undo behind the reading under way is read too', async () => {
    for (let i = 0; i < 30; i++) await saveAsBefore(`page-${String(i).padStart(2, '0')}`);
    const ids = (await db.captures.orderBy('itemId').primaryKeys()) as string[];
    const removed = await removeItems([ids[3] as string], { db });
    let calls = 0;
    // The reading stops after its first batch, which passed the removed copy's place.
    const stopping = (html: string) => (++calls === 26 ? new Promise<string>(() => {}) : read(html));
    void refreshCopyTexts({ db, read: stopping });
    await vi.waitFor(() => expect(calls).toBe(26));
    expect((await getCopyTextProgress(db)).after).toBe(ids[25]);
    await restoreRemoved(removed, { db });
    expect(await refreshCopyTexts({ db, read })).toBe(5);
    expect((await texts()).every((text) => text === READER_TEXT)).toBe(true);
  });

  it('stores nothing when another run went on meanwhile', async () => {
    const item = await saveAsBefore('kenya');
    const update = { itemId: item.id, updatedAt: 5, changes: { text: READER_TEXT } };
    expect(await storeCopyTexts([update], { from: null, to: item.id }, { db })).toEqual({ changed: 1, stale: false });
    const again = { ...update, updatedAt: (await db.captures.get(item.id))?.updatedAt ?? 0, changes: { text: 'x' } };
    expect(await storeCopyTexts([again], { from: null, to: null }, { db })).toEqual({ changed: 0, stale: true });
    expect((await db.captures.get(item.id))?.text).toBe(READER_TEXT);
    expect(await getCopyTextProgress(db)).toEqual({ rule: 1, after: item.id });
  });

  it('a copy read again here is no newer capture: a backup of a later capture still wins a merge', async () => {
    const item = await saveAsBefore('kenya');
    const later = await readBackupRecords(db);
    const laterCopy = { ...later.captures[0]!, capturedAt: 50, updatedAt: 50, html: '<p>Recaptured elsewhere.</p>' };
    await refreshCopyTexts({ db, read });
    expect((await db.captures.get(item.id))?.updatedAt).toBeGreaterThan(50);
    await writeBackupRecords({ ...later, captures: [{ ...later.captures[0]!, text: 'older' }] }, 'merge', { db });
    expect((await db.captures.get(item.id))?.text).toBe(READER_TEXT);
    await writeBackupRecords({ ...later, captures: [laterCopy] }, 'merge', { db });
    expect((await db.captures.get(item.id))?.html).toBe('<p>Recaptured elsewhere.</p>');
  });

  it("cuts a copy's text to the size a copy's text may have, however much the blocks' spaces add", () => {
    const half = `<p>${'word '.repeat(MAX_CAPTURE_TEXT / 8)}</p>`;
    const html = `${half}<h2>Heading</h2>${half}<p>${'tail '.repeat(1000)}</p>`;
    expect(storedCopyText(html, win).length).toBe(MAX_CAPTURE_TEXT);
  });
});

describe("a backup's copies are searched by their reader's text as they are restored", () => {
  const restored = async (file: ReturnType<typeof createBackup>, mode: 'replace' | 'merge') => {
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    await restoreBackup(parsed.backup, mode, { db, win });
  };

  it('a backup an earlier version wrote: words after block joins found, even where the index read the old text', async () => {
    fakePermissionsAndScripting();
    const item = await saveAsBefore('kenya', { title: 'Report \u202Efdp.exe\u202C' });
    await db.items.update(item.id, { title: 'Report' });
    const file = createBackup(await readBackupRecords(db), {});
    // The index was built from the glued text: a restore that changes the text must have it read again.
    expect(await search('betaword')).toEqual([]);
    await restored(file, 'replace');
    const copy = await db.captures.get(item.id);
    expect(copy?.text).toBe(READER_TEXT);
    expect(copy?.wordCount).toBe(14);
    expect(copy?.title).toBe('Report fdp.exe');
    expect(copy?.capturedAt).toBe(5);
    expect(await search('betaword')).toEqual([item.id]);
    // Merging the same file again changes nothing: the copy here is no older a capture than the file's.
    const before = await db.captures.get(item.id);
    await restored(file, 'merge');
    expect(await db.captures.get(item.id)).toEqual(before);
  });

  // The restore read its copies for seconds while the page said "Importing… 0 of N".
  it('counts the copies it reads, then the items it writes', async () => {
    fakePermissionsAndScripting();
    for (const path of ['one', 'two', 'three']) await saveAsBefore(path);
    const parsed = parseBackup(JSON.stringify(createBackup(await readBackupRecords(db), {})));
    if (!parsed.ok) throw new Error(parsed.error);
    const steps: string[] = [];
    await restoreBackup(parsed.backup, 'merge', {
      db,
      win,
      onProgress: (done, total, stage) => steps.push(`${stage} ${done}/${total}`),
    });
    expect(steps).toEqual(['copies 0/3', 'copies 1/3', 'copies 2/3', 'copies 3/3', 'items 0/3', 'items 3/3']);
    // The first frame is reported before the restore awaits anything (the panel shows it at once).
    const first: string[] = [];
    const withoutCopies = { ...parsed.backup, records: { ...parsed.backup.records, captures: [] } };
    const restoring = restoreBackup(withoutCopies, 'merge', {
      db,
      win,
      onProgress: (done, total, stage) => first.push(`${stage} ${done}/${total}`),
    });
    expect(first).toEqual(['items 0/3']);
    await restoring;
  });

  it("a copy whose markup reads as nothing is not searched by the file's text, which no reader shows", async () => {
    fakePermissionsAndScripting();
    const item = await saveAsBefore('ghost', { html: '<img src="x.png">', text: 'ghostword only in the file' });
    await db.items.update(item.id, { title: 'Ghost' });
    const file = createBackup(await readBackupRecords(db), {});
    await restored(file, 'replace');
    expect((await db.captures.get(item.id))?.text).toBe('');
    expect(await search('ghostword')).toEqual([]);
  });

  it('"Delete everything" while a restore reads its copies stops the restore: nothing comes back', async () => {
    fakePermissionsAndScripting();
    for (let i = 0; i < 5; i++) await saveAsBefore(`page-${i}`);
    const parsed = parseBackup(JSON.stringify(createBackup(await readBackupRecords(db), {})));
    if (!parsed.ok) throw new Error(parsed.error);
    // Slow copies (the restore pauses between them), and the user deletes everything meanwhile.
    let deleting: Promise<void> | undefined;
    const slowWin = new Proxy(win, {
      get(target, key) {
        if (key === 'DOMParser') {
          deleting ??= clearAll(db);
          const until = performance.now() + 60;
          while (performance.now() < until);
        }
        return Reflect.get(target, key);
      },
    });
    await expect(restoreBackup(parsed.backup, 'merge', { db, win: slowWin })).rejects.toThrow(DataDeletedError);
    await deleting;
    expect(await db.items.count()).toBe(0);
    expect(await db.captures.count()).toBe(0);
  });

  it("a backup's titles become plain lines, in the copy and in the item", async () => {
    fakePermissionsAndScripting();
    const item = await saveAsBefore('kenya', { title: 'Report \u202Efdp.exe\u202C' });
    await db.items.update(item.id, { title: 'Report \u202Efdp.exe\u202C' });
    const file = createBackup(await readBackupRecords(db), {});
    for (const mode of ['replace', 'merge'] as const) {
      await restored(file, mode);
      expect((await db.captures.get(item.id))?.title).toBe('Report fdp.exe');
      expect((await db.items.get(item.id))?.title).toBe('Report fdp.exe');
    }
  });
});
