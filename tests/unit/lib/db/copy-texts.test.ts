import Dexie from 'dexie';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshCopyTexts } from '@/lib/background/copy-texts';
import { updateLibraryPostings } from '@/lib/background/library-postings';
import { storedCopyText } from '@/lib/capture/sanitize';
import { readBackupRecords, writeBackupRecords } from '@/lib/db/backup';
import { COPY_TEXT_RULE, getCopyTextProgress } from '@/lib/db/copies';
import { ShelfDatabase } from '@/lib/db/database';
import { savePage } from '@/lib/db/items';
import { getLibraryFingerprints } from '@/lib/db/library-documents';
import { getStoredPostings } from '@/lib/db/library-postings';
import { createLibraryIndex } from '@/lib/search/library-index';
import { restoreLibraryIndex } from '@/lib/search/library-sync';
import { capturedPage } from '@/tests/unit/helpers/captured-page';

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
/** What an earlier version stored as a copy's text: its textContent, adjacent blocks run together. */
const GLUED = 'Read the full transcript of his interviewMr Obama lands in Kenyaalphawordbetaword';

/** A page saved by an earlier version: its copy's text glued, its title not a plain line. */
async function saveAsBefore(path: string, fields: Parameters<typeof capturedPage>[3] = {}) {
  const url = `https://news.example.org/${path}`;
  return savePage({ url, title: path }, capturedPage(url, path, GLUED, { html: BLOCKS, ...fields }), { db, now: 5 });
}

/** What the popup searches: the background's stored analyses. */
async function search(query: string): Promise<string[]> {
  await updateLibraryPostings(db);
  const index = createLibraryIndex();
  await restoreLibraryIndex(index, () => getStoredPostings(db));
  return index.search(query, { typing: false }).results.map((result) => result.itemId);
}

describe('copies saved by an earlier version are read again (lib/background/copy-texts)', () => {
  it('a word after a block join, unfindable in the old text, finds the page once its copy is read again', async () => {
    const item = await saveAsBefore('kenya', { title: 'Report \u202Efdp.exe\u202C', byline: 'A\u202Eb' });
    expect(await search('betaword')).toEqual([]);
    const before = await getLibraryFingerprints(db);

    expect(await refreshCopyTexts({ db, read })).toBe(1);

    const copy = await db.captures.get(item.id);
    expect(copy?.text).toBe('Read the full transcript of his interview Mr Obama lands in Kenya alphaword betaword');
    expect(copy?.text).toBe(storedCopyText(BLOCKS, win));
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

  it('reads nothing once every copy is read by the current rule, and leaves copies saved under it unchanged', async () => {
    const url = 'https://news.example.org/current';
    const text = storedCopyText(BLOCKS, win);
    const item = await savePage({ url, title: 'Current' }, capturedPage(url, 'Current', text, { html: BLOCKS }), {
      db,
      now: 5,
    });
    const reader = vi.fn(read);
    expect(await refreshCopyTexts({ db, read: reader })).toBe(0);
    expect(reader).toHaveBeenCalledTimes(1);
    expect((await db.captures.get(item.id))?.updatedAt).toBe(5);
    expect(await refreshCopyTexts({ db, read: reader })).toBe(0);
    expect(reader).toHaveBeenCalledTimes(1);
  });

  it('a worker stopped half-way keeps what it stored and goes on from there, reading each copy once', async () => {
    for (let i = 0; i < 25; i++) await saveAsBefore(`page-${String(i).padStart(2, '0')}`);
    let calls = 0;
    const stopping = (html: string) => {
      calls++;
      if (calls === 15) throw new Error('service worker stopped');
      return read(html);
    };
    await expect(refreshCopyTexts({ db, read: stopping })).rejects.toThrow('service worker stopped');
    const progress = await getCopyTextProgress(db);
    expect(progress.rule).toBeLessThan(COPY_TEXT_RULE);
    expect(progress.after).not.toBeNull();
    const copies = await db.captures.orderBy('itemId').toArray();
    expect(copies.filter((copy) => copy.text === GLUED)).toHaveLength(15);

    const reader = vi.fn(read);
    expect(await refreshCopyTexts({ db, read: reader })).toBe(15);
    expect(reader).toHaveBeenCalledTimes(15);
    expect((await db.captures.toArray()).every((copy) => copy.text !== GLUED)).toBe(true);
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

  it("copies restored from a backup keep the backup's text only until they are read again", async () => {
    const item = await saveAsBefore('restored');
    const backup = await readBackupRecords(db);
    await refreshCopyTexts({ db, read });
    expect((await db.captures.get(item.id))?.text).not.toBe(GLUED);

    await writeBackupRecords(backup, 'replace', { db });
    expect((await db.captures.get(item.id))?.text).toBe(GLUED);
    expect((await getCopyTextProgress(db)).rule).toBeLessThan(COPY_TEXT_RULE);
    expect(await refreshCopyTexts({ db, read })).toBe(1);
    expect((await db.captures.get(item.id))?.text).toBe(storedCopyText(BLOCKS, win));
  });

  it('a backup restored while copies are being read starts the reading over', async () => {
    for (let i = 0; i < 12; i++) await saveAsBefore(`page-${String(i).padStart(2, '0')}`);
    const backup = await readBackupRecords(db);
    let restored = false;
    const restoring = async (html: string) => {
      const text = await read(html);
      if (!restored) {
        restored = true;
        await writeBackupRecords(backup, 'replace', { db });
      }
      return text;
    };
    await refreshCopyTexts({ db, read: restoring });
    expect((await db.captures.toArray()).every((copy) => copy.text === storedCopyText(BLOCKS, win))).toBe(true);
    expect(await getCopyTextProgress(db)).toEqual({ rule: COPY_TEXT_RULE, after: null });
  });
});
