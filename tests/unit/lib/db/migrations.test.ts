import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfDatabase } from '@/lib/db/database';
import { fragmentlessPageItemId, pageItemId } from '@/lib/db/ids';
import { savePage } from '@/lib/db/items';
import { readLegacySettings } from '@/lib/db/legacy-settings';
import { getLibraryFingerprints } from '@/lib/db/library-documents';
import { getItemsForExport as loadItemsForExport } from '@/lib/db/queries';
import { toLibraryCsv, toNetscapeBookmarks } from '@/lib/export/library-export';
import { applyImport } from '@/lib/import/apply-import';
import { readImportFile } from '@/lib/import/read-import-file';

const name = 'shelf-migration-test';
afterEach(() => Dexie.delete(name));

/** A saved page's row as versions 9 and 10 stored it (changed at 3). */
function storedPageRow(fields: { id: string; url: string | null; title?: string; tags?: string[]; note?: string }) {
  return {
    kind: 'page',
    articleId: null,
    title: 'Title',
    status: 'unread',
    tags: [],
    note: '',
    addedAt: 3,
    updatedAt: 3,
    changedAt: { status: 3, title: 3, tags: 3, note: 3 },
    ...fields,
  };
}

/** Version 11's stores exactly as they shipped. */
const VERSION_11_STORES = {
  items: 'id, kind, articleId, url, status, addedAt, updatedAt, *tags',
  progress: 'itemId, updatedAt',
  settings: 'key',
  captures: 'itemId, capturedAt, updatedAt',
  meta: 'key',
  catalogOverlay: 'id, kind',
  highlights: 'id, itemId, updatedAt',
  images: '[itemId+url], itemId',
  libraryPostings: 'itemId, stamp',
  librarySnapshot: 'name',
};

/** The database as version 11 opened it, to write its rows before the current version opens it. */
function version11Database() {
  const v11 = new Dexie(name);
  v11.version(11).stores(VERSION_11_STORES);
  return v11;
}

/** A note typed on item `id` a moment after its removal at `removedAt`, as version 11 kept it. */
function keptNote(id: string, text: string, removedAt: number) {
  return { target: 'item', id, note: text, base: '', at: removedAt + 1, removedAt };
}

describe('schema versions', () => {
  it('a database written by version 1 opens under the current version with every record intact', async () => {
    // Version 1 exactly as it shipped.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      items: 'id, status, addedAt, updatedAt, *tags',
      progress: 'itemId, updatedAt',
      settings: 'key',
    });
    const items = Array.from({ length: 50 }, (_, i) => ({
      id: `article:a${i}`,
      url: null,
      title: `A ${i}`,
      status: i % 2 ? 'done' : 'unread',
      tags: [`t${i % 3}`],
      note: '',
      addedAt: i,
      updatedAt: i,
    }));
    await v1.table('items').bulkAdd(items);
    await v1
      .table('progress')
      .add({ itemId: 'article:a1', fraction: 0.3, anchor: { scrollFraction: 0.3, scrollY: 9 }, updatedAt: 3 });
    await v1.table('settings').add({ key: 'settings', value: { showBadge: false }, updatedAt: 1 });
    v1.close();

    const current = new ShelfDatabase(name);
    const migrated = await current.items.orderBy('id').toArray();
    expect(migrated).toHaveLength(50);
    for (const item of migrated) {
      const before = items.find((i) => i.id === item.id)!;
      expect(item).toEqual({
        ...before,
        kind: 'article',
        articleId: item.id.slice('article:'.length),
        changedAt: {
          status: before.updatedAt,
          title: before.updatedAt,
          tags: before.updatedAt,
          note: before.updatedAt,
        },
      });
    }
    expect(await current.items.where('kind').equals('article').count()).toBe(50);
    expect(await current.progress.get('article:a1')).toMatchObject({ fraction: 0.3 });
    expect(await readLegacySettings(current)).toEqual({ showBadge: false });
    current.close();
  });

  it('a database written by version 3 keeps every record, with page ids that no longer collide', async () => {
    // Version 3 exactly as it shipped: the stores of versions 1–3 and ids `page:` + address cut to 300.
    const v3 = new Dexie(name);
    v3.version(1).stores({
      items: 'id, status, addedAt, updatedAt, *tags',
      progress: 'itemId, updatedAt',
      settings: 'key',
    });
    v3.version(2).stores({ items: 'id, kind, articleId, status, addedAt, updatedAt, *tags' });
    v3.version(3).stores({
      items: 'id, kind, articleId, url, status, addedAt, updatedAt, *tags',
      captures: 'itemId, capturedAt',
    });
    const oldId = (url: string) => `page:${url.split('#')[0]}`.slice(0, 300);
    const pages = Array.from({ length: 30 }, (_, i) => {
      const url = `https://example.org/${i}/${'long-path-'.repeat(i % 3 === 0 ? 40 : 1)}`;
      return {
        id: oldId(url),
        kind: 'page',
        articleId: null,
        url,
        title: `Page ${i}`,
        status: 'reading',
        tags: [`t${i}`],
        note: `note ${i}`,
        addedAt: i,
        updatedAt: 100 + i,
      };
    });
    const articles = Array.from({ length: 10 }, (_, i) => ({
      id: `article:a${i}`,
      kind: 'article',
      articleId: `a${i}`,
      url: null,
      title: `A ${i}`,
      status: 'unread',
      tags: [],
      note: '',
      addedAt: i,
      updatedAt: i,
    }));
    await v3.table('items').bulkAdd([...pages, ...articles]);
    await v3.table('progress').bulkAdd(
      [...pages, ...articles].map((item, i) => ({
        itemId: item.id,
        fraction: i / 40,
        anchor: { scrollFraction: i / 40, scrollY: i },
        updatedAt: i,
      })),
    );
    await v3.table('captures').bulkAdd(
      pages.map((page) => ({
        itemId: page.id,
        url: page.url,
        title: page.title,
        byline: null,
        siteName: null,
        excerpt: null,
        lang: null,
        dir: null,
        wordCount: 1,
        readMinutes: 1,
        html: `<p>${page.title}</p>`,
        text: page.title,
        notice: null,
        capturedAt: 1,
        updatedAt: 1,
      })),
    );
    v3.close();

    const current = new ShelfDatabase(name);
    expect(await current.items.count()).toBe(40);
    expect(await current.progress.count()).toBe(40);
    expect(await current.captures.count()).toBe(30);
    for (const page of pages) {
      const id = pageItemId(page.url);
      const { id: _old, ...fields } = page;
      expect(await current.items.get(id)).toEqual({
        ...fields,
        id,
        changedAt: { status: page.updatedAt, title: page.updatedAt, tags: page.updatedAt, note: page.updatedAt },
      });
      expect((await current.captures.get(id))?.text).toBe(page.title);
      expect(await current.progress.get(id)).toBeDefined();
      expect(await current.items.get(page.id)).toBeUndefined();
    }
    for (const article of articles) expect(await current.items.get(article.id)).toMatchObject({ title: article.title });
    current.close();
  });

  it('version 5 adds the catalog overlay to a version-4 database, keeping every record', async () => {
    const v4 = new Dexie(name);
    const stores = {
      items: 'id, kind, articleId, url, status, addedAt, updatedAt, *tags',
      progress: 'itemId, updatedAt',
      settings: 'key',
      captures: 'itemId, capturedAt',
      meta: 'key',
    };
    v4.version(4).stores(stores);
    const item = {
      id: 'article:a',
      kind: 'article',
      articleId: 'a',
      url: null,
      title: 'A',
      status: 'done',
      tags: [],
      note: '',
      addedAt: 1,
      updatedAt: 2,
      changedAt: { status: 2, title: 1, tags: 1, note: 1 },
    };
    await v4.table('items').add(item);
    await v4.table('meta').add({ key: 'epoch', value: 'e1' });
    v4.close();
    const current = new ShelfDatabase(name);
    expect(await current.items.get('article:a')).toEqual(item);
    expect(await current.meta.get('epoch')).toEqual({ key: 'epoch', value: 'e1' });
    expect(await current.catalogOverlay.count()).toBe(0);
    current.close();
  });

  it('version 10 keeps titles as plain lines and finds copies by when they last changed', async () => {
    // Version 9's stores exactly as they shipped.
    const v9 = new Dexie(name);
    v9.version(9).stores({
      items: 'id, kind, articleId, url, status, addedAt, updatedAt, *tags',
      progress: 'itemId, updatedAt',
      settings: 'key',
      captures: 'itemId, capturedAt',
      meta: 'key',
      catalogOverlay: 'id, kind',
      highlights: 'id, itemId, updatedAt',
      images: '[itemId+url], itemId',
      libraryPostings: 'itemId, stamp',
      librarySnapshot: 'name',
    });
    const item = (id: string, title: string, url: string | null) => storedPageRow({ id, title, url });
    await v9
      .table('items')
      .bulkAdd([
        item('page:spoof', 'Report \u202Efdp.exe\u202C', 'https://example.org/report'),
        item('page:plain', 'Plain title', 'https://example.org/plain'),
        item('page:blank', '\u202E\u0007', 'https://example.org/blank'),
      ]);
    const copy = { itemId: 'page:spoof', url: 'https://example.org/report', title: 'Report', byline: null };
    await v9.table('captures').add({ ...copy, html: '<p>Report</p>', text: 'Report', capturedAt: 3, updatedAt: 3 });
    v9.close();

    const current = new ShelfDatabase(name);
    const spoof = await current.items.get('page:spoof');
    expect(spoof?.title).toBe('Report fdp.exe');
    // Changed, so the library index reads it again; the user's own edit time of the title stays.
    expect(spoof?.updatedAt).toBeGreaterThan(3);
    expect(spoof?.changedAt.title).toBe(3);
    expect(await current.items.get('page:plain')).toMatchObject({ title: 'Plain title', updatedAt: 3 });
    expect((await current.items.get('page:blank'))?.title).toBe('https://example.org/blank');
    // Copies stored before are found by when they last changed (the library index's fingerprint).
    expect(await current.captures.where('updatedAt').equals(3).primaryKeys()).toEqual(['page:spoof']);
    expect((await getLibraryFingerprints(current)).get('page:spoof')).toMatch(/^3:/);
    current.close();
  });

  // Tags holding "|" or "," that imports kept came back from Shelf's own exports as more tags.
  it('version 11 keeps a tag holding a separator as its parts, so that exports bring back the same tags', async () => {
    // Version 10's stores exactly as they shipped.
    const v10 = new Dexie(name);
    v10.version(10).stores({
      items: 'id, kind, articleId, url, status, addedAt, updatedAt, *tags',
      progress: 'itemId, updatedAt',
      settings: 'key',
      captures: 'itemId, capturedAt, updatedAt',
      meta: 'key',
      catalogOverlay: 'id, kind',
      highlights: 'id, itemId, updatedAt',
      images: '[itemId+url], itemId',
      libraryPostings: 'itemId, stamp',
      librarySnapshot: 'name',
    });
    const item = (path: string, tags: string[]) =>
      storedPageRow({ id: pageItemId(`https://example.org/${path}`), url: `https://example.org/${path}`, tags });
    await v10.table('items').bulkAdd([item('split', ['c++|rust', 'go, c++', 'plain']), item('kept', ['a b'])]);
    v10.close();

    const current = new ShelfDatabase(name);
    const split = await current.items.get(pageItemId('https://example.org/split'));
    expect(split?.tags).toEqual(['c++', 'rust', 'go', 'plain']);
    // Changed, so the library index reads it again; the user's own edit time of the tags stays.
    expect(split?.updatedAt).toBeGreaterThan(3);
    expect(split?.changedAt.tags).toBe(3);
    expect(await current.items.where('tags').equals('rust').primaryKeys()).toEqual([split?.id]);
    expect(await current.items.get(pageItemId('https://example.org/kept'))).toMatchObject({
      tags: ['a b'],
      updatedAt: 3,
    });
    const before = await loadItemsForExport(current);
    const csv = readImportFile('shelf.csv', new TextEncoder().encode(toLibraryCsv(before)));
    expect(await applyImport(csv, { db: current })).toMatchObject({ merged: 0, unchanged: 2 });
    const bookmarks = readImportFile('shelf.html', new TextEncoder().encode(toNetscapeBookmarks(before)));
    expect(await applyImport(bookmarks, { db: current })).toMatchObject({ merged: 0, unchanged: 2 });
    expect(await loadItemsForExport(current)).toEqual(before);
    current.close();
  });
  // A page saved from a newsletter's link (?utm_source=…) and again from its own address was two items.
  it('version 12 makes a page saved under tracking parameters one item with the page, nothing of either lost', async () => {
    const v11 = version11Database();
    const plain = 'https://example.com/a';
    const shared = 'https://example.com/a?utm_source=news&utm_medium=email';
    const alone = 'https://example.com/b?fbclid=abc';
    const [plainId, sharedId, aloneId] = [plain, shared, alone].map(fragmentlessPageItemId) as [string, string, string];
    await v11.table('items').bulkAdd([
      storedPageRow({ id: plainId, url: plain, title: 'A', tags: ['rust'], note: 'first note' }),
      {
        ...storedPageRow({ id: sharedId, url: shared, title: 'A', tags: ['perf'], note: 'second note' }),
        addedAt: 1,
      },
      storedPageRow({ id: aloneId, url: alone, title: 'B' }),
    ]);
    await v11.table('progress').add({
      itemId: sharedId,
      fraction: 0.5,
      anchor: { scrollFraction: 0.5, scrollY: 900 },
      updatedAt: 4,
    });
    const copy = { url: shared, title: 'A', byline: null, html: '<p>A</p>', text: 'A' };
    await v11.table('captures').add({ ...copy, itemId: sharedId, capturedAt: 4, updatedAt: 4 });
    const highlight = (id: string, itemId: string) => ({
      id,
      itemId,
      selectors: { quote: { type: 'TextQuoteSelector', exact: 'A', prefix: '', suffix: '' } },
      note: '',
      color: 'yellow',
      createdAt: 4,
      updatedAt: 4,
    });
    await v11.table('highlights').bulkAdd([highlight('h1', plainId), highlight('h2', sharedId)]);
    await v11
      .table('images')
      .add({ itemId: sharedId, url: 'https://example.com/i.png', blob: new Blob(['x']), bytes: 1, storedAt: 4 });
    v11.close();

    const current = new ShelfDatabase(name);
    const id = pageItemId(plain);
    expect(id).toBe(plainId);
    expect(await current.items.count()).toBe(2);
    const merged = await current.items.get(id);
    expect(merged).toMatchObject({ url: plain, addedAt: 1, tags: ['rust', 'perf'], note: 'first note\n\nsecond note' });
    expect(merged?.updatedAt).toBeGreaterThan(3); // changed: sync and the library index read it again
    expect(await current.progress.get(id)).toMatchObject({ fraction: 0.5 });
    expect(await current.captures.get(id)).toMatchObject({ text: 'A' });
    expect(await current.highlights.where('itemId').equals(id).primaryKeys()).toEqual(['h1', 'h2']);
    expect(await current.images.where('itemId').equals(id).count()).toBe(1);
    // Alone under its tracking address, it takes its page's id with all it had.
    expect(await current.items.get(pageItemId(alone))).toMatchObject({ url: alone, title: 'B' });
    for (const table of [current.items, current.progress, current.captures])
      expect(await table.get(sharedId)).toBeUndefined();
    current.close();
  });
  // The migration moved the items, not when they were removed nor the notes typed after: sync dated the
  // old id's removal by version 12 when an earlier removal (undone since) was made, and saving again a
  // page removed before the update, from the address it was saved from, came back without its note.
  it('version 12 keeps removals and the notes typed after them with the page’s new id', async () => {
    const v11 = version11Database();
    const at = Date.now() - 60_000;
    // Saved under a newsletter's address, removed and put back by Undo: its removal stays recorded.
    const alone = 'https://example.com/alone?utm_source=news';
    // Saved under both addresses, each removed once and put back; a note typed after each removal.
    const plain = 'https://example.com/both';
    const shared = 'https://example.com/both?utm_medium=email';
    // Removed before the update, a note typed on it after in another window.
    const gone = 'https://example.com/gone?fbclid=abc';
    const [aloneId, plainId, sharedId, goneId] = [alone, plain, shared, gone].map(fragmentlessPageItemId) as [
      string,
      string,
      string,
      string,
    ];
    await v11
      .table('items')
      .bulkAdd([
        storedPageRow({ id: aloneId, url: alone }),
        storedPageRow({ id: plainId, url: plain }),
        storedPageRow({ id: sharedId, url: shared }),
      ]);
    await v11.table('meta').bulkAdd([
      {
        key: 'removedAt',
        value: { [aloneId]: at, [plainId]: at + 10, [sharedId]: at + 20, [goneId]: at + 30 },
      },
      {
        key: 'notesAfterRemoval',
        value: [
          keptNote(plainId, 'typed after the earlier removal', at + 10),
          keptNote(sharedId, 'typed after the later removal', at + 20),
          keptNote(goneId, 'typed after it was removed', at + 30),
        ],
      },
    ]);
    v11.close();

    const current = new ShelfDatabase(name);
    const removals = (await current.meta.get('removedAt'))?.value as Record<string, number>;
    expect(removals).toEqual({ [pageItemId(alone)]: at, [pageItemId(plain)]: at + 20, [goneId]: at + 30 });
    // The later removal's note stays the page's; the earlier one's goes, as when an item is removed again.
    expect((await current.meta.get('notesAfterRemoval'))?.value).toEqual([
      keptNote(pageItemId(plain), 'typed after the later removal', at + 20),
      keptNote(goneId, 'typed after it was removed', at + 30),
    ]);
    // The page removed before the update, saved again from its address: with the note typed after.
    const saved = await savePage({ url: gone, title: 'Gone' }, null, { db: current, now: at + 50 });
    expect(saved).toMatchObject({ id: pageItemId(gone), note: 'typed after it was removed' });
    expect((await current.meta.get('notesAfterRemoval'))?.value).toEqual([
      keptNote(pageItemId(plain), 'typed after the later removal', at + 20),
    ]);
    current.close();
  });

  // Review: version 12 moved what its saved pages had, but a page unsaved before it keeps its reading
  // progress (`unsaveItems`, so that saving it again resumes) and a page removed keeps the note typed
  // on it after (in another window) under the id of the address it was saved from, which the migration
  // cannot give the new id (the item, with its address, is gone: only a hash of it is left). Saved again
  // from that address, the page started from the top; imported from it (imports leave out tracking
  // parameters before they name the page), it came back without its note either.
  it.each(['saved again', 'imported'] as const)(
    'a page unsaved or removed before version 12, %s from the address it was saved from, resumes with its note',
    async (how) => {
      const v11 = version11Database();
      const at = Date.now() - 60_000;
      const read = 'https://example.com/read?utm_source=news';
      const gone = 'https://example.com/gone?fbclid=abc';
      // The same page unsaved from another newsletter earlier, read less far: the newer progress is kept.
      const readEarlier = 'https://example.com/read?utm_medium=email';
      const [readId, goneId, earlierId] = [read, gone, readEarlier].map(fragmentlessPageItemId) as [
        string,
        string,
        string,
      ];
      const anchor = { scrollFraction: 0.6, scrollY: 1200 };
      await v11.table('progress').bulkAdd([
        { itemId: readId, fraction: 0.6, anchor, updatedAt: at - 5 },
        { itemId: earlierId, fraction: 0.2, anchor: { scrollFraction: 0.2, scrollY: 400 }, updatedAt: at - 500 },
      ]);
      await v11.table('meta').bulkAdd([
        { key: 'removedAt', value: { [readId]: at, [goneId]: at + 10 } },
        { key: 'notesAfterRemoval', value: [keptNote(goneId, 'typed after it was removed', at + 10)] },
      ]);
      v11.close();

      const current = new ShelfDatabase(name);
      if (how === 'saved again') {
        for (const url of [read, gone]) await savePage({ url, title: 'Page' }, null, { db: current, now: at + 50 });
      } else {
        const list = readImportFile('links.txt', new TextEncoder().encode(`${readEarlier}\n${read}\n${gone}\n`));
        expect(await applyImport(list, { db: current, now: at + 50 })).toMatchObject({ added: 2 });
        expect(await current.progress.get(earlierId)).toBeUndefined();
      }
      expect(await current.progress.get(pageItemId(read))).toMatchObject({ fraction: 0.6, anchor });
      expect(await current.progress.get(readId)).toBeUndefined();
      expect(await current.items.get(pageItemId(gone))).toMatchObject({ note: 'typed after it was removed' });
      expect(await current.meta.get('notesAfterRemoval')).toBeUndefined();
      current.close();
    },
  );

  // Review: a page removed under its own address (a note typed on it after, in another window) and saved
  // under a newsletter's: version 12 makes the newsletter's item the page's, and the note was kept for an
  // item saved, shown nowhere; saving the page again found it saved, and the note was lost.
  it('version 12 gives a page it saves again under its own id the note typed on it after its removal', async () => {
    const v11 = version11Database();
    const at = Date.now() - 60_000;
    const plain = 'https://example.com/removed';
    const shared = 'https://example.com/removed?utm_source=news';
    // The same, its newsletter item removed and put back by Undo after the page's own removal.
    const plainToo = 'https://example.com/removed-too';
    const sharedToo = 'https://example.com/removed-too?fbclid=abc';
    const [plainId, plainTooId] = [pageItemId(plain), pageItemId(plainToo)];
    await v11
      .table('items')
      .bulkAdd([
        storedPageRow({ id: fragmentlessPageItemId(shared), url: shared }),
        storedPageRow({ id: fragmentlessPageItemId(sharedToo), url: sharedToo, note: 'From the newsletter.' }),
      ]);
    await v11.table('meta').bulkAdd([
      {
        key: 'removedAt',
        value: { [plainId]: at, [plainTooId]: at + 10, [fragmentlessPageItemId(sharedToo)]: at + 20 },
      },
      {
        key: 'notesAfterRemoval',
        value: [
          keptNote(plainId, 'Typed after it was removed.', at),
          // Typed on from the note the page had when it was removed: every word of it stays.
          { ...keptNote(plainTooId, 'Read once. Typed after, too.', at + 10), base: 'Read once.' },
        ],
      },
    ]);
    v11.close();

    const current = new ShelfDatabase(name);
    expect(await current.items.get(plainId)).toMatchObject({
      note: 'Typed after it was removed.',
      changedAt: { note: at + 1 },
    });
    const joined = (await current.items.get(plainTooId))?.note;
    expect(joined).toContain('From the newsletter.');
    expect(joined).toContain('Read once. Typed after, too.');
    expect(await current.meta.get('notesAfterRemoval')).toBeUndefined();
    current.close();
  });
});
