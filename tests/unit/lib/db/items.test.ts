import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDatabase } from '@/lib/db/database';
import { StorageFullError } from '@/lib/db/errors';
import { pageItemId } from '@/lib/db/ids';
import {
  changeTagForUndo,
  removeItems,
  restoreRemoved,
  saveArticle,
  savePage,
  setNote,
  setStatus,
  setTags,
  undoStatusChange,
  undoTagChange,
} from '@/lib/db/items';
import { setProgress } from '@/lib/db/progress';
import { countUnread, getReaderData } from '@/lib/db/queries';
import { capturedPage } from '@/tests/unit/helpers/captured-page';

const ARTICLE = { id: 'cold-start-latency', title: 'Cold Start Latency', url: 'https://webcoderspeed.com/x' };
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

describe('repository', () => {
  // "Open original" opened the link as shared, ?utm_source=… and all: the id left them out, the address kept them.
  it('keeps a saved page’s address without its tracking parameters, its other parameters and #fragment as given', async () => {
    const shared = 'https://example.com/a?utm_source=newsletter&utm_medium=email&p=2&fbclid=x#part-2';
    const item = await savePage({ url: shared, title: shared }, null, { db });
    expect(item).toMatchObject({
      id: pageItemId('https://example.com/a?p=2'),
      url: 'https://example.com/a?p=2#part-2',
      title: 'https://example.com/a?p=2#part-2',
    });
    const captured = await savePage(
      { url: 'https://example.com/b?utm_campaign=x', title: 'B' },
      capturedPage('https://example.com/b?utm_campaign=x', 'B', 'Some text.'),
      { db },
    );
    expect(captured.url).toBe('https://example.com/b');
    // An address without tracking parameters is kept exactly as given.
    const plain = await savePage({ url: 'https://Example.com/c?q=a%20b#top', title: 'C' }, null, { db });
    expect(plain.url).toBe('https://Example.com/c?q=a%20b#top');
  });

  it('saves an article once, as unread', async () => {
    const first = await saveArticle(ARTICLE, { db, now: 1 });
    const again = await saveArticle(ARTICLE, { db, now: 2 });
    expect(first).toMatchObject({ id: 'article:cold-start-latency', status: 'unread', addedAt: 1 });
    expect(again).toEqual(first);
    expect(await db.items.count()).toBe(1);
    expect(await countUnread(db)).toBe(1);
  });

  it('sets status in bulk and undoes it exactly', async () => {
    await saveArticle(ARTICLE, { db });
    await saveArticle({ ...ARTICLE, id: 'b', title: 'B' }, { db });
    await setStatus(['article:b'], 'reading', { db });
    const change = await setStatus(['article:cold-start-latency', 'article:b'], 'done', { db, now: 5 });
    expect((await db.items.toArray()).map((i) => i.status)).toEqual(['done', 'done']);
    expect(await undoStatusChange(change, { db, now: 6 })).toBe(2);
    expect((await db.items.get('article:cold-start-latency'))?.status).toBe('unread');
    expect((await db.items.get('article:b'))?.status).toBe('reading');
  });

  // QA pass: "Archive" on an archived item moved it to the top of "Recently updated" and offered an Undo of nothing.
  it('leaves an item that has the status already as it is, and out of the change', async () => {
    await saveArticle(ARTICLE, { db, now: 1 });
    await saveArticle({ ...ARTICLE, id: 'b', title: 'B' }, { db, now: 1 });
    await setStatus(['article:b'], 'archived', { db, now: 2 });
    const change = await setStatus(['article:cold-start-latency', 'article:b'], 'archived', { db, now: 5 });
    expect([...change.previous]).toEqual([['article:cold-start-latency', 'unread']]);
    expect(await db.items.get('article:b')).toMatchObject({ status: 'archived', updatedAt: 2 });
    expect((await db.items.get('article:b'))?.changedAt.status).toBe(2);
    expect((await setStatus(['article:b'], 'archived', { db, now: 6 })).previous.size).toBe(0);
  });

  // QA: a bulk tag change on the reading list could not be undone, as its other bulk actions can.
  it('changes a tag in bulk and undoes it exactly, leaving later changes alone', async () => {
    const long = 'machine learning papers to read this summer'; // kept so by an import
    for (const id of ['a', 'b', 'c', 'd']) await saveArticle({ ...ARTICLE, id, title: id }, { db, now: 1 });
    await db.items.update('article:a', { tags: ['research', long, 'work, 2024'] });
    await db.items.update('article:b', { tags: ['later', 'research'] });
    await db.items.update('article:c', { tags: ['research'] });
    const change = await changeTagForUndo(['article:a', 'article:b', 'article:c', 'article:d'], 'Research', 'remove', {
      db,
      now: 5,
    });
    expect(change).toMatchObject({ changed: 3, full: 0, at: 5 });
    expect([...change.previous.keys()].sort()).toEqual(['article:a', 'article:b', 'article:c']); // not d: unchanged
    // Meanwhile: b's note and status change, c's tags change again.
    await setNote('article:b', 'kept', { db, now: 6 });
    await setStatus(['article:b'], 'done', { db, now: 6 });
    await setTags('article:c', ['other'], { db, now: 7 });

    expect(await undoTagChange(change, { db, now: 8 })).toBe(3);
    const [a, b, c, d] = await db.items.bulkGet(['article:a', 'article:b', 'article:c', 'article:d']);
    expect(a?.tags).toEqual(['research', long, 'work, 2024']); // exactly, in order, the import's tags as stored
    expect(a?.changedAt.tags).toBe(8); // a change to sync
    expect(b).toMatchObject({ tags: ['later', 'research'], note: 'kept', status: 'done' });
    // Changed since: that change is kept, and the one tag put back (QA pass: Undo did nothing there).
    expect(c?.tags).toEqual(['other', 'research']);
    expect(d?.tags).toEqual([]);

    const added = await changeTagForUndo(['article:d'], 'later', 'add', { db, now: 9 });
    expect((await db.items.get('article:d'))?.tags).toEqual(['later']);
    expect(await undoTagChange(added, { db, now: 10 })).toBe(1);
    expect((await db.items.get('article:d'))?.tags).toEqual([]);
    // An added tag is taken away again though another was added since.
    const again = await changeTagForUndo(['article:d'], 'later', 'add', { db, now: 11 });
    await setTags('article:d', ['later', 'mine'], { db, now: 12 });
    expect(await undoTagChange(again, { db, now: 13 })).toBe(1);
    expect((await db.items.get('article:d'))?.tags).toEqual(['mine']);
  });

  it('removes items with their progress in one step, and undoes it', async () => {
    await saveArticle(ARTICLE, { db });
    await setProgress(
      'article:cold-start-latency',
      { fraction: 0.4, anchor: { scrollFraction: 0.4, scrollY: 800 } },
      { db },
    );
    const removed = await removeItems(['article:cold-start-latency'], { db });
    expect(await db.items.count()).toBe(0);
    expect(await db.progress.count()).toBe(0);
    await restoreRemoved(removed, { db });
    expect(await db.items.count()).toBe(1);
    expect((await db.progress.get('article:cold-start-latency'))?.fraction).toBe(0.4);
  });

  it('records progress only for saved items, and marks an unread item as being read', async () => {
    const anchor = { scrollFraction: 0.6, scrollY: 1200 };
    expect(await setProgress('article:not-saved', { fraction: 0.6, anchor }, { db })).toBe(false);
    await saveArticle(ARTICLE, { db });
    expect(await setProgress('article:cold-start-latency', { fraction: 0.6, anchor }, { db })).toBe(true);
    expect((await db.items.get('article:cold-start-latency'))?.status).toBe('reading');
  });

  it('normalizes user tags and keeps notes', async () => {
    await saveArticle(ARTICLE, { db });
    await setTags('article:cold-start-latency', [' Serverless ', 'serverless', 'AWS', ''], { db });
    await setNote('article:cold-start-latency', 'read before the launch', { db });
    expect(await db.items.get('article:cold-start-latency')).toMatchObject({
      tags: ['serverless', 'aws'],
      note: 'read before the launch',
    });
  });

  it('saves a captured page with its copy in one transaction, and a second save keeps the item', async () => {
    const capture = capturedPage('https://example.org/a', 'A page', 'Three words here', { dir: 'ltr' });
    const item = await savePage({ url: 'https://example.org/a#top', title: 'A page' }, capture, { db, now: 1 });
    expect(item).toMatchObject({ id: pageItemId('https://example.org/a'), kind: 'page', status: 'unread' });
    await setStatus([item.id], 'reading', { db });
    await savePage(
      { url: 'https://example.org/a', title: 'A page' },
      { ...capture, text: 'Newer text' },
      { db, now: 2 },
    );
    expect((await db.items.get(item.id))?.status).toBe('reading');
    expect((await db.captures.get(item.id))?.text).toBe('Newer text');
    await removeItems([item.id], { db });
    expect(await db.captures.count()).toBe(0);
  });

  it('a page first saved by its address alone (an imported list of links) takes its title from its copy', async () => {
    const url = 'https://example.org/story';
    const bare = await savePage({ url, title: '' }, null, { db, now: 1 });
    expect(bare.title).toBe(url);
    const captured = await savePage({ url, title: '' }, capturedPage(url, 'The real story', 'Body text'), {
      db,
      now: 2,
    });
    expect(captured.title).toBe('The real story');
    const stored = await db.items.get(bare.id);
    expect(stored?.title).toBe('The real story');
    expect(stored?.changedAt.title).toBe(2); // sync sees the newer title
    // A title the item already had (from an import, or an earlier copy) is never replaced by a later copy's.
    await savePage({ url, title: '' }, capturedPage(url, 'A retitled story', 'Body text'), { db, now: 3 });
    expect((await db.items.get(bare.id))?.title).toBe('The real story');
  });

  // QA pass: a link saved as "Read more" kept that name once its page was read.
  it('a page saved by a link’s text takes its page’s title when read, while it still has that text', async () => {
    const url = 'https://example.org/pools';
    const linked = await savePage({ url, title: 'Read more' }, null, { db, now: 1 });
    const read = capturedPage(url, 'Sizing a Postgres connection pool', 'Body text');
    await savePage({ url, title: 'Read more' }, read, { db, now: 2 });
    expect((await db.items.get(linked.id))?.title).toBe('Read more'); // a title it had, without the word to replace it
    const captured = await savePage({ url, title: 'Read more' }, read, { db, now: 3, provisionalTitle: 'Read more' });
    expect(captured.title).toBe('Sizing a Postgres connection pool');
    expect((await db.items.get(linked.id))?.changedAt.title).toBe(3);
    // Another title by then is the item's own.
    await savePage({ url, title: '' }, capturedPage(url, 'Retitled', 'Body'), {
      db,
      now: 4,
      provisionalTitle: 'Read more',
    });
    expect((await db.items.get(linked.id))?.title).toBe('Sizing a Postgres connection pool');
  });

  it('keeps a title it is given as a plain line: a link’s text cannot spoof the reading list (red-team pass)', async () => {
    const url = 'https://example.org/invoice';
    const item = await savePage({ url, title: ' Invoice \u202Efdp.exe\u0007\u2066 ' }, null, { db, now: 1 });
    expect(item.title).toBe('Invoice fdp.exe');
    expect((await db.items.get(item.id))?.title).toBe('Invoice fdp.exe');
    const untitled = await savePage({ url: 'https://example.org/blank', title: '\u202E\u0007' }, null, { db, now: 1 });
    expect(untitled.title).toBe('https://example.org/blank');
  });

  it('an untitled copy, named by the address it was read at (a redirect), leaves room for a real title later', async () => {
    const url = 'http://example.org/story';
    const bare = await savePage({ url, title: '' }, null, { db, now: 1 });
    await savePage({ url, title: '' }, capturedPage(url, 'https://example.org/story', 'Body'), { db, now: 2 });
    expect((await db.items.get(bare.id))?.title).toBe(url);
    await savePage({ url, title: '' }, capturedPage(url, 'The real story', 'Body'), { db, now: 3 });
    expect((await db.items.get(bare.id))?.title).toBe('The real story');
  });

  it('turns a full disk into a clear error and keeps nothing half-written', async () => {
    const failing = new ShelfDatabase(name);
    failing.captures.hook('creating', () => {
      throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    });
    const capture = capturedPage('https://example.org/b', 'B', 'b', { lang: null });
    await expect(
      savePage({ url: 'https://example.org/b', title: 'B' }, capture, { db: failing }),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.items.get(pageItemId('https://example.org/b'))).toBeUndefined();
    failing.close();
  });

  it('loses no write when two connections update the same items concurrently', async () => {
    const other = new ShelfDatabase(name);
    const ids = Array.from({ length: 20 }, (_, i) => `a${i}`);
    for (const id of ids) await saveArticle({ id, title: id, url: null }, { db });
    await Promise.all(
      ids.flatMap((id, i) => [
        setTags(`article:${id}`, [`tag-${i}`], { db }),
        setStatus([`article:${id}`], 'done', { db: other }),
        setNote(`article:${id}`, `note ${i}`, { db: other }),
        setProgress(`article:${id}`, { fraction: 0.5, anchor: { scrollFraction: 0.5, scrollY: 10 } }, { db }),
      ]),
    );
    other.close();
    const items = await db.items.orderBy('id').toArray();
    for (const item of items) {
      const i = Number(item.id.slice('article:a'.length));
      expect(item.tags).toEqual([`tag-${i}`]);
      expect(item.note).toBe(`note ${i}`);
      // Either order of status writes is fine ("done" then progress can't undo it: only unread → reading).
      expect(item.status).toBe('done');
    }
    expect(await db.progress.count()).toBe(20);
  });

  // Defect 1: undo after removing brought the item back without its offline copy.
  it('undoing a removal brings back the item with its progress and its readable copy', async () => {
    const item = await savePage({ url: 'https://example.org/kept', title: 'Kept' }, CAPTURE, { db, now: 1 });
    await setProgress(item.id, { fraction: 0.3, anchor: { scrollFraction: 0.3, scrollY: 90 } }, { db, now: 2 });
    const before = await getReaderData(item.id, db);
    const removed = await removeItems([item.id], { db });
    expect(await getReaderData(item.id, db)).toEqual({ item: undefined, capture: undefined, progress: undefined });
    await restoreRemoved(removed, { db });
    expect(await getReaderData(item.id, db)).toEqual(before);
  });

  it('an item saved again before the undo keeps its newer copy, and gets back when it was first added', async () => {
    const item = await savePage({ url: 'https://example.org/again', title: 'Again' }, CAPTURE, { db, now: 1 });
    const removed = await removeItems([item.id], { db });
    await savePage(
      { url: 'https://example.org/again', title: 'Again' },
      { ...CAPTURE, text: 'newer copy' },
      { db, now: 5 },
    );
    await restoreRemoved(removed, { db });
    expect((await db.captures.get(item.id))?.text).toBe('newer copy');
    expect((await db.items.get(item.id))?.addedAt).toBe(1); // undone: the item is back as it was
  });

  // Defect 13: undo in one panel reverted a change another panel made later.
  it('undo of a status change leaves items whose status changed again since', async () => {
    for (const id of ['a', 'b', 'c']) await saveArticle({ id, title: id, url: null }, { db, now: 1 });
    const panelA = await setStatus(['article:a', 'article:b', 'article:c'], 'done', { db, now: 10 });
    // Another panel archives b, and tags c (a different field), after panel A's change.
    await setStatus(['article:b'], 'archived', { db, now: 20 });
    await setTags('article:c', ['later'], { db, now: 21 });
    expect(await undoStatusChange(panelA, { db, now: 30 })).toBe(2);
    expect((await db.items.get('article:a'))?.status).toBe('unread');
    expect((await db.items.get('article:b'))?.status).toBe('archived');
    expect(await db.items.get('article:c')).toMatchObject({ status: 'unread', tags: ['later'] });
    // Undoing twice changes nothing more.
    expect(await undoStatusChange(panelA, { db, now: 31 })).toBe(0);
  });

  it('records when each field changed', async () => {
    await saveArticle(ARTICLE, { db, now: 1 });
    await setTags('article:cold-start-latency', ['x'], { db, now: 2 });
    await setNote('article:cold-start-latency', 'n', { db, now: 3 });
    await setStatus(['article:cold-start-latency'], 'done', { db, now: 4 });
    expect((await db.items.get('article:cold-start-latency'))?.changedAt).toEqual({
      title: 1,
      tags: 2,
      note: 3,
      status: 4,
    });
  });
});

const CAPTURE = capturedPage('https://example.org/kept', 'Kept', 'Kept copy', { dir: 'ltr' });

// QA pass: a note cut at its limit could end in half an emoji (a lone surrogate, shown as "�").
describe('a note cut at its limit', () => {
  it('is cut between characters, never inside an emoji', async () => {
    await saveArticle(ARTICLE, { db, now: 1 });
    const id = `article:${ARTICLE.id}`;
    expect(await setNote(id, `${'a'.repeat(19_999)}😀 more`, { db })).toBe('a'.repeat(19_999));
  });
});
