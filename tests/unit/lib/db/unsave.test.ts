import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackupRecords } from '@/lib/db/backup';
import { clearAll } from '@/lib/db/clear';
import { getCopyFacts, getItemIdsWithCopies } from '@/lib/db/copies';
import { ShelfDatabase } from '@/lib/db/database';
import { addHighlight, getHighlights } from '@/lib/db/highlights';
import { pageItemId } from '@/lib/db/ids';
import { restoreRemoved, saveArticle, savePage, setNote, setStatus, setTags } from '@/lib/db/items';
import { setProgress } from '@/lib/db/progress';
import { getArticleState, getReaderData } from '@/lib/db/queries';
import { unsaveItems } from '@/lib/db/unsave';
import { capturedPage } from '@/tests/unit/helpers/captured-page';

const ARTICLE = { id: 'cold-start-latency', title: 'Cold Start Latency', url: 'https://webcoderspeed.com/x' };
const ITEM = 'article:cold-start-latency';
const PAGE = { url: 'https://example.org/pools', title: 'Pools' };
const copy = (readMinutes: number) =>
  capturedPage(PAGE.url, 'Pools', 'Pools', { dir: 'ltr', wordCount: readMinutes * 230, readMinutes });
const anchor = { scrollFraction: 0.42, scrollY: 840 };

let name: string;
let db: ShelfDatabase;
beforeEach(() => {
  name = `shelf-test-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

describe('unsaveItems', () => {
  it('removes the item and its copy but keeps its progress; restoreRemoved brings back status and copy exactly', async () => {
    await saveArticle(ARTICLE, { db, now: 1 });
    await setProgress(ITEM, { fraction: 0.42, anchor }, { db, now: 2 });
    await setStatus([ITEM], 'done', { db, now: 3 });
    const page = await savePage(PAGE, copy(7), { db, now: 4 });
    await addHighlight(page.id, { quote: { type: 'TextQuoteSelector', exact: 'Pools' } }, { note: 'why' }, { db });
    const before = await Promise.all([
      getArticleState(ARTICLE.id, db),
      getReaderData(page.id, db),
      getHighlights(page.id, db),
    ]);

    const snapshot = await unsaveItems([ITEM, page.id], { db });
    expect(await db.items.count()).toBe(0);
    expect(await db.captures.count()).toBe(0);
    // Highlights go with the item, as when it is removed (no highlight without its item).
    expect(await db.highlights.count()).toBe(0);
    expect((await db.progress.get(ITEM))?.fraction).toBe(0.42);

    expect(await restoreRemoved(snapshot, { db })).toBe(true);
    expect(
      await Promise.all([getArticleState(ARTICLE.id, db), getReaderData(page.id, db), getHighlights(page.id, db)]),
    ).toEqual(before);
  });

  // QA pass: Undo put back nothing, and said nothing, for a page saved again before it was pressed.
  it('puts back tags, note, highlights and copy on a page saved again meanwhile, keeping what was chosen since', async () => {
    const page = await savePage(PAGE, copy(7), { db, now: 4 });
    await setTags(page.id, ['pools'], { db, now: 5 });
    await setNote(page.id, 'why pools', { db, now: 6 });
    await addHighlight(page.id, { quote: { type: 'TextQuoteSelector', exact: 'Pools' } }, { note: 'why' }, { db });
    await setProgress(page.id, { fraction: 0.3, anchor }, { db, now: 7 });
    const snapshot = await unsaveItems([page.id], { db });
    await savePage(PAGE, null, { db, now: 8 }); // an import of a list of addresses, say: no copy, nothing chosen
    await setStatus([page.id], 'done', { db, now: 9 }); // chosen since: kept

    // The import brought the same passage highlighted again (its own id): not doubled by the undo (review).
    await addHighlight(page.id, { quote: { type: 'TextQuoteSelector', exact: 'Pools' } }, { note: 'again' }, { db });

    expect(await restoreRemoved(snapshot, { db })).toBe(true);
    expect(await db.items.get(page.id)).toMatchObject({ tags: ['pools'], note: 'why pools', status: 'done' });
    expect(await getHighlights(page.id, db)).toMatchObject([{ note: 'again' }]);
    expect((await getReaderData(page.id, db))?.capture?.readMinutes).toBe(7);
    expect((await db.progress.get(page.id))?.fraction).toBe(0.3);
  });

  // Review: Undo, kept above the side panel's views, put back an item, its copy and highlights after
  // "Delete everything".
  it('puts nothing back once everything was deleted since', async () => {
    const page = await savePage(PAGE, copy(7), { db, now: 4 });
    await addHighlight(page.id, { quote: { type: 'TextQuoteSelector', exact: 'Pools' } }, { note: 'why' }, { db });
    const snapshot = await unsaveItems([page.id], { db });
    await clearAll(db);
    expect(await restoreRemoved(snapshot, { db })).toBe(false);
    expect([await db.items.count(), await db.captures.count(), await db.highlights.count()]).toEqual([0, 0, 0]);
  });

  it('keeps the progress for when the article is saved again, and leaves it out of backups meanwhile', async () => {
    await saveArticle(ARTICLE, { db, now: 1 });
    await setProgress(ITEM, { fraction: 0.42, anchor }, { db, now: 2 });
    await unsaveItems([ITEM], { db });
    expect((await readBackupRecords(db)).progress).toEqual([]);
    // Unsaved, it records no progress (Shelf tracks only what the user keeps).
    expect(await setProgress(ITEM, { fraction: 0.9, anchor }, { db, now: 3 })).toBe(false);

    await saveArticle(ARTICLE, { db, now: 4 });
    expect((await getArticleState(ARTICLE.id, db)).progress).toMatchObject({ fraction: 0.42, anchor });
    expect((await readBackupRecords(db)).progress).toHaveLength(1);
  });
});

describe('reads about copies', () => {
  it('says which items have a copy and how long each copy takes to read', async () => {
    const withCopy = await savePage(PAGE, copy(7), { db });
    const withoutCopy = await savePage({ url: 'https://example.org/later', title: 'Later' }, null, { db });
    await saveArticle(ARTICLE, { db });
    const ids = [withCopy.id, withoutCopy.id, ITEM];
    expect(await getItemIdsWithCopies(ids, db)).toEqual(new Set([pageItemId(PAGE.url)]));
    expect(await getCopyFacts(ids, db)).toEqual(new Map([[withCopy.id, { readMinutes: 7, siteName: null }]]));
    expect(await getItemIdsWithCopies([], db)).toEqual(new Set());
  });
});
