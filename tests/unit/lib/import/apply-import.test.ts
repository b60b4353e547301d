import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anchor } from '@/lib/annotations/anchor';
import { ARTICLES, getArticleByImportedUrl, getArticleByUrl } from '@/lib/corpus/catalog';
import { clearAll } from '@/lib/db/clear';
import { ShelfDatabase } from '@/lib/db/database';
import { getHighlights } from '@/lib/db/highlights';
import { pageItemId } from '@/lib/db/ids';
import { saveArticle, savePage, setNote, setStatus, setTags } from '@/lib/db/items';
import {
  countItems,
  getAllItems,
  getItem,
  getReaderData,
  getItemsForExport as loadItemsForExport,
} from '@/lib/db/queries';
import { toLibraryCsv, toNetscapeBookmarks } from '@/lib/export/library-export';
import { applyImport, describeImport } from '@/lib/import/apply-import';
import { readImportFile } from '@/lib/import/read-import-file';

let name: string;
let db: ShelfDatabase;
beforeEach(() => {
  name = `shelf-import-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const fixture = (file: string) => readImportFile(file, new Uint8Array(readFileSync(`tests/fixtures/imports/${file}`)));
const findArticleId = (url: string) => getArticleByUrl(url)?.id;

describe('applyImport', () => {
  it('adds every item with its fields, and importing the same file again adds and changes nothing', async () => {
    const parsed = fixture('pocket-part-with-cursor.csv');
    const first = await applyImport(parsed, { db, now: 1_800_000_000_000, chunkSize: 2 });
    expect(first).toMatchObject({ format: 'Pocket export (CSV)', total: 6, added: 4, merged: 0, unchanged: 0 });
    expect(first.skipped).toHaveLength(2);
    const item = await getItem(pageItemId('https://github.com/hoarder-app/hoarder'), db);
    expect(item).toMatchObject({
      kind: 'page',
      title: 'hoarder-app/hoarder: A self-hostable bookmark-everything app (links, notes and images)',
      tags: ['opensource', 'withäumlaut', 'with space'],
      status: 'unread',
      addedAt: 1728576753000,
    });
    const before = await getAllItems(db).then((all) => all.items);
    const again = await applyImport(parsed, { db, now: 1_900_000_000_000, chunkSize: 3 });
    expect(again).toMatchObject({ added: 0, merged: 0, unchanged: 4 });
    expect(await getAllItems(db).then((all) => all.items)).toEqual(before);
  });

  it('links addresses of bundled articles to their catalog entry', async () => {
    await applyImport(fixture('pocket-part-no-cursor.csv'), { db, findArticleId });
    const linked = (await getAllItems(db)).items.filter((item) => item.kind === 'article');
    expect(linked).toHaveLength(1);
    expect(linked[0]?.articleId).toBe(
      findArticleId('https://webcoderspeed.com/blog/scaling/accidental-full-table-scan'),
    );
    expect(linked[0]?.id).toBe(`article:${linked[0]?.articleId}`);
  });

  it('merges into an item already saved: the newer side wins the status, tags and notes are combined', async () => {
    await savePage({ url: 'https://blog.example.com/postgres-replication', title: 'Mine' }, null, { db, now: 1_000 });
    await setTags(pageItemId('https://blog.example.com/postgres-replication'), ['mine'], { db, now: 1_000 });
    // Saved long ago here; the Instapaper record (archived, 2023) is newer.
    const report = await applyImport(fixture('instapaper-export.csv'), { db });
    expect(report).toMatchObject({ added: 3, merged: 1, unchanged: 0 });
    expect(await getItem(pageItemId('https://blog.example.com/postgres-replication'), db)).toMatchObject({
      title: 'Postgres replication explained',
      status: 'archived',
      tags: ['mine', 'databases', 'postgres'],
      note: 'Streaming replication ships WAL records, not SQL.',
      addedAt: 1_000,
    });
    // An item changed here after the export keeps its newer status.
    await applyImport(fixture('instapaper-no-tags.csv'), { db });
    await setStatus([pageItemId('https://example.com/a')], 'done', { db, now: Date.now() });
    expect(await applyImport(fixture('instapaper-no-tags.csv'), { db })).toMatchObject({ merged: 0, unchanged: 2 });
    expect((await getItem(pageItemId('https://example.com/a'), db))?.status).toBe('done');
  });

  // Importing browser bookmarks or a Raindrop export turned a page marked done back to unread: a
  // format with no status counted as "unread" and, dated after the change, won.
  it.each([
    [
      'bookmarks.html',
      (at: number) =>
        `<!DOCTYPE NETSCAPE-Bookmark-file-1><H1>Bookmarks</H1><DL><p><DT><H3>Reading</H3><DL><p>\n<DT><A HREF="https://a.example/post" ADD_DATE="${at}" LAST_MODIFIED="${at}">Theirs</A>\n</DL><p></DL><p>`,
    ],
    [
      'raindrop.csv',
      (at: number) =>
        `id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\n1,Theirs,,,https://a.example/post,Unsorted,,${new Date(at * 1000).toISOString()},,,false\n`,
    ],
    [
      'instapaper.csv',
      (at: number) => `URL,Title,Selection,Folder,Timestamp\nhttps://a.example/post,Theirs,,Starred,${at}\n`,
    ],
    ['links.csv', (at: number) => `url,title,added\nhttps://a.example/post,Theirs,${at}\n`],
  ])('%s, which names no status, keeps the status chosen in Shelf', async (file, text) => {
    const now = 1_800_000_000_000;
    await savePage({ url: 'https://a.example/post', title: 'Mine' }, null, { db, now: now - 3 * 86_400_000 });
    await setStatus([pageItemId('https://a.example/post')], 'done', { db, now: now - 2 * 86_400_000 });
    const bookmarked = Math.floor((now - 86_400_000) / 1000);
    await applyImport(readImportFile(file, new TextEncoder().encode(text(bookmarked))), { db, now });
    expect((await getItem(pageItemId('https://a.example/post'), db))?.status).toBe('done');
  });

  // QA pass: a list of addresses imported first titled each item by its address, and a Raindrop,
  // Pocket or plain CSV with real titles for them, older than that import, never replaced it.
  it.each([
    [
      'raindrop.csv',
      'id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\n1,Real title,,,https://m.example/1,Unsorted,kept,2024-03-01T10:20:30.000Z,,,false\n',
    ],
    ['pocket.csv', 'title,url,time_added,tags,status\nReal title,https://m.example/1,1709288430,kept,unread\n'],
    ['links.csv', 'url,title,tags\nhttps://m.example/1,Real title,kept\n'],
  ])('%s: a real title fills an item titled by its address', async (file, text) => {
    const now = 1_800_000_000_000;
    const list = 'https://m.example/1\nhttps://m.example/2\n';
    await applyImport(readImportFile('links.txt', new TextEncoder().encode(list)), { db, now });
    const id = pageItemId('https://m.example/1');
    const untitled = await getItem(id, db);
    expect(untitled?.title).toBe('https://m.example/1');
    await applyImport(readImportFile(file, new TextEncoder().encode(text)), { db, now: now + 1_000 });
    const item = await getItem(id, db);
    expect(item).toMatchObject({ title: 'Real title', tags: ['kept'] });
    // Dated after the address it replaces, so sync carries it to a browser still showing the address.
    expect(item?.changedAt.title).toBeGreaterThan(untitled?.changedAt.title ?? Infinity);
    expect(await applyImport(readImportFile(file, new TextEncoder().encode(text)), { db })).toMatchObject({
      unchanged: 1,
    });
  });

  it('a title the user has is never replaced by an address, nor by an older record', async () => {
    const now = 1_800_000_000_000;
    await savePage({ url: 'https://m.example/1', title: 'Mine' }, null, { db, now });
    const older = 'url,title,added\nhttps://m.example/1,Theirs,1709288430\n';
    await applyImport(readImportFile('links.csv', new TextEncoder().encode(older)), { db, now: now + 1_000 });
    const newerAddress = `url,title,added\nhttps://m.example/1,https://m.example/1,${now / 1000 + 1}\n`;
    await applyImport(readImportFile('links.csv', new TextEncoder().encode(newerAddress)), { db, now: now + 2_000 });
    expect((await getItem(pageItemId('https://m.example/1'), db))?.title).toBe('Mine');
  });

  it('a record with no status adds an unread item, and a Shelf export folder still sets one', async () => {
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p><DT><H3>Shelf</H3><DL><p><DT><H3>Done</H3><DL><p>
<DT><A HREF="https://a.example/done">Done</A></DL><p></DL><p><DT><A HREF="https://a.example/new">New</A></DL><p>`;
    await applyImport(readImportFile('bookmarks.html', new TextEncoder().encode(html)), { db });
    expect((await getItem(pageItemId('https://a.example/done'), db))?.status).toBe('done');
    expect((await getItem(pageItemId('https://a.example/new'), db))?.status).toBe('unread');
  });

  // QA pass: a bookmark (no status) imported before an app's older export kept the page unread; the
  // other way round it was archived. A status no one chose gives way to one a record states, whatever
  // its date; a status chosen here still wins over an older record.
  it('a status a record states wins over the unread a bookmark left, whichever file came first', async () => {
    const bookmark = readImportFile(
      'bookmarks.html',
      new TextEncoder().encode(
        '<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p><DT><A HREF="https://a.example/post" ADD_DATE="1710000000">Post</A></DL><p>',
      ),
    );
    const pocket = () =>
      readImportFile(
        'pocket.csv',
        new TextEncoder().encode(
          'title,url,time_added,cursor,tags,status\nPost,https://a.example/post,1704000000,1,,archive\n',
        ),
      );
    const id = pageItemId('https://a.example/post');
    await applyImport(bookmark, { db });
    await applyImport(pocket(), { db });
    expect((await getItem(id, db))?.status).toBe('archived');
    // Chosen when the export says, as the other order stamps it: sync reads both the same.
    expect((await getItem(id, db))?.changedAt.status).toBe(1_704_000_000_000);
    expect((await applyImport(pocket(), { db })).merged).toBe(0); // again: nothing changes

    await setStatus([id], 'reading', { db }); // chosen here, after the export was made
    await applyImport(pocket(), { db });
    expect((await getItem(id, db))?.status).toBe('reading');
  });

  // An untitled record was titled by its raw address, U+202E and control characters included
  // ("https://evil.example/\u202Egnp.exe" read as ".../exe.png").
  it.each([
    ['links.csv', 'url,title\n"https://evil.example/\u202Egnp.exe",\n"https://b.example/a\u0007b\u001bc",\n'],
    ['links.txt', 'https://evil.example/\u202Egnp.exe\nhttps://c.example/\u2066x\u2069\n'],
    [
      'bookmarks.html',
      '<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p><DT><A HREF="https://evil.example/&#x202E;gnp.exe"></A></DL><p>',
    ],
  ])('%s: a title made from the address is a plain line', async (file, text) => {
    const report = await applyImport(readImportFile(file, new TextEncoder().encode(text)), { db });
    expect(report.skipped).toEqual([]);
    const titles = (await getAllItems(db)).items.map((item) => item.title);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
    expect(titles).toContain(file === 'links.csv' ? 'https://b.example/a b c' : 'https://evil.example/ gnp.exe');
  });

  it('merges the same address twice in one file into one item and says so', async () => {
    const csv = 'url,title,tags\nhttps://a.example/x,First,one\nhttps://a.example/x#frag,Second,two\n';
    const report = await applyImport(readImportFile('links.csv', new TextEncoder().encode(csv)), { db });
    expect(report).toMatchObject({ total: 2, added: 1 });
    expect(report.skipped).toEqual([{ where: 'line 3', reason: 'same address as line 2 (merged into it)' }]);
    expect((await getItem(pageItemId('https://a.example/x'), db))?.tags).toEqual(['one', 'two']);
    // QA pass: "1 skipped" alone read as a row lost.
    expect(describeImport('links.csv', report)).toContain(
      '1 skipped (1 of them repeating an address of the file, merged into its first row).',
    );
  });

  // A page saved from a newsletter's link (?utm_source=…) and again from its own address was two items.
  it('finds a page saved here under its address with tracking parameters, and merges such rows of a file', async () => {
    const saved = await savePage({ url: 'https://a.example/x?utm_source=news', title: 'Saved' }, null, { db });
    const csv =
      'url,title,tags\nhttps://a.example/x,Saved,one\nhttps://a.example/x?fbclid=abc&utm_medium=email#top,Saved,two\n';
    const report = await applyImport(readImportFile('links.csv', new TextEncoder().encode(csv)), { db });
    expect(report).toMatchObject({ total: 2, added: 0, merged: 1 });
    expect(await countItems(db)).toBe(1);
    expect((await getItem(saved.id, db))?.tags).toEqual(['one', 'two']);
    await savePage({ url: 'https://a.example/x#more', title: 'Saved' }, null, { db });
    await savePage({ url: 'https://a.example/x?p=2', title: 'Page 2' }, null, { db });
    expect(await countItems(db)).toBe(2);
  });

  // "Open original" opened the link as shared, ?utm_source=… and all: the id left them out, the address kept them.
  it('keeps an imported address without its tracking parameters, its other parameters and #fragment as written', async () => {
    const csv =
      'url,title\nhttps://a.example/x?utm_source=news&p=2&fbclid=abc#part-2,X\nhttps://b.example/y?gclid=1,\n';
    await applyImport(readImportFile('links.csv', new TextEncoder().encode(csv)), { db });
    expect(await getItem(pageItemId('https://a.example/x?p=2'), db)).toMatchObject({
      url: 'https://a.example/x?p=2#part-2',
    });
    // Without a title, the address is the title: the same one.
    expect(await getItem(pageItemId('https://b.example/y'), db)).toMatchObject({
      url: 'https://b.example/y',
      title: 'https://b.example/y',
    });
  });

  // QA pass: the duplicate row's reason came after every other one ("line 6 … | line 10 … | line 5: …").
  it('lists the skipped rows in the order of the file, a duplicate among them', async () => {
    const rows = [
      'https://a.example/x,First',
      'ftp://bad.example/3,Bad',
      'https://b.example/y,Other',
      'https://a.example/x,Again',
      ...Array.from({ length: 6 }, (_, n) => `ftp://bad.example/${n + 6},Bad`),
    ];
    const csv = `url,title\n${rows.join('\n')}\n`;
    const report = await applyImport(readImportFile('links.csv', new TextEncoder().encode(csv)), { db });
    expect(report.skipped.map((record) => record.where)).toEqual([
      'line 3',
      'line 5',
      'line 6',
      'line 7',
      'line 8',
      'line 9',
      'line 10',
      'line 11',
    ]);
    expect(report.skipped[1]?.reason).toBe('same address as line 2 (merged into it)');
  });

  it('two records of one address in a file: a real title wins over the address, however dated', async () => {
    const csv =
      'url,title,added\nhttps://a.example/x,Real title,1700000000\nhttps://a.example/x,https://a.example/x,1700000009\n';
    await applyImport(readImportFile('links.csv', new TextEncoder().encode(csv)), { db });
    expect((await getItem(pageItemId('https://a.example/x'), db))?.title).toBe('Real title');
  });

  it('reports progress in chunks and accounts for every record', async () => {
    const rows = Array.from(
      { length: 1234 },
      (_, i) => `Item ${i},https://example.com/${i},${1_600_000_000 + i},,unread`,
    );
    const csv = `title,url,time_added,tags,status\n${rows.join('\n')}\nbad,ftp://x,1,,unread\n`;
    const seen: number[] = [];
    const report = await applyImport(readImportFile('part.csv', new TextEncoder().encode(csv)), {
      db,
      chunkSize: 500,
      onProgress: (done, total) => {
        expect(total).toBe(1234);
        seen.push(done);
      },
    });
    expect(seen).toEqual([0, 500, 1000, 1234]);
    expect(report.added + report.merged + report.unchanged + report.skipped.length).toBe(report.total);
    expect(await countItems(db)).toBe(1234);
    expect(describeImport('part.csv', report)).toBe(
      'part.csv (Pocket export (CSV)): 1235 records — 1234 added, 0 merged into items already saved, 0 already in Shelf, 1 skipped.',
    );
    const one = { ...report, total: 1, added: 1, skipped: [] };
    expect(describeImport('one.csv', one)).toContain(': 1 record — 1 added'); // not "1 records"
  });

  // QA pass: importing the same file again brought back tags removed and notes rewritten since.
  it('importing a file again keeps tags removed and a note rewritten since it was made; a newer file adds', async () => {
    const row = (time: number, tags: string, note: string) =>
      `url,title,tags,time_added,time_updated,note\nhttps://example.com/kept,Kept,${tags},${time},${time},${note}\n`;
    const file = (csv: string) => readImportFile('pocket.csv', new TextEncoder().encode(csv));
    const id = pageItemId('https://example.com/kept');
    await applyImport(file(row(1_700_000_000, 'kafka|favorite|ops', 'From Pocket')), { db });
    await setTags(id, ['ops'], { db, now: 1_800_000_000_000 });
    await setNote(id, 'My own rewritten note', { db, now: 1_800_000_000_000 });
    const again = await applyImport(file(row(1_700_000_000, 'kafka|favorite|ops', 'From Pocket')), { db });
    expect(again).toMatchObject({ added: 0, merged: 0, unchanged: 1 });
    expect(await getItem(id, db)).toMatchObject({ tags: ['ops'], note: 'My own rewritten note' });

    // A file made after those edits adds its tags and note to them.
    await applyImport(file(row(1_900_000_000, 'later', 'Newer note')), { db });
    expect(await getItem(id, db)).toMatchObject({
      tags: ['ops', 'later'],
      note: 'My own rewritten note\n\nNewer note',
    });
  });

  // QA pass: Pocket and Instapaper rows carry only the date added, so a later export of the same
  // record ties with the first one: its new tags, note, title and status were dropped as "already in Shelf".
  it('a later export of the same record (the same date) brings what changed there, unless changed here since', async () => {
    const row = (title: string, tags: string, status: string) =>
      `url,title,tags,time_added,status\nhttps://example.net/catch/1,${title},${tags},1700000000,${status}\n`;
    const file = (csv: string) => readImportFile('part_000000.csv', new TextEncoder().encode(csv));
    const id = pageItemId('https://example.net/catch/1');
    await applyImport(file(row('Week one title', 'a', 'archive')), { db });
    const later = await applyImport(file(row('Week two title', 'a|b', 'unread')), { db });
    expect(later).toMatchObject({ added: 0, merged: 1, unchanged: 0 });
    expect(await getItem(id, db)).toMatchObject({ title: 'Week two title', tags: ['a', 'b'], status: 'unread' });
    // The same file again changes nothing.
    expect(await applyImport(file(row('Week two title', 'a|b', 'unread')), { db })).toMatchObject({ unchanged: 1 });
    // Chosen here since: kept, as for any file made before the change.
    await setTags(id, ['b'], { db, now: 1_800_000_000_000 });
    await setStatus([id], 'done', { db, now: 1_800_000_000_000 });
    await applyImport(file(row('Week three title', 'a|b|c', 'archive')), { db });
    expect(await getItem(id, db)).toMatchObject({ title: 'Week three title', tags: ['b'], status: 'done' });
    // Week after week (review: the title's date crept a millisecond each time, and the fourth was dropped).
    for (const week of ['four', 'five', 'six']) {
      await applyImport(file(row(`Week ${week} title`, 'b', 'archive')), { db });
      expect((await getItem(id, db))?.title).toBe(`Week ${week} title`);
    }
  });

  // Review: a page tagged here lost an older Pocket export's tags, which this library never saw.
  it('adds an older file’s tags and note to a page saved and tagged here first', async () => {
    const id = pageItemId('https://example.com/tagged');
    await savePage({ url: 'https://example.com/tagged', title: 'Tagged' }, null, { db, now: 1_800_000_000_000 });
    await setTags(id, ['mine'], { db, now: 1_800_000_000_001 });
    const csv = 'url,title,tags,time_added,note\nhttps://example.com/tagged,Tagged,work,1700000000,From Pocket\n';
    await applyImport(readImportFile('pocket.csv', new TextEncoder().encode(csv)), { db });
    expect(await getItem(id, db)).toMatchObject({
      tags: ['mine', 'work'],
      note: 'From Pocket',
      addedAt: 1_700_000_000_000,
    });
    // Imported again after removing its tag: the file is where the item's date came from, so it stays removed.
    await setTags(id, ['mine'], { db, now: 1_800_000_000_002 });
    await applyImport(readImportFile('pocket.csv', new TextEncoder().encode(csv)), { db });
    expect(await getItem(id, db)).toMatchObject({ tags: ['mine'] });
  });

  it('adds an older file’s tags and note to a page saved here without any', async () => {
    await savePage({ url: 'https://example.com/fresh', title: 'Fresh' }, null, { db, now: 1_800_000_000_000 });
    const csv = 'url,title,tags,time_added,note\nhttps://example.com/fresh,Fresh,kafka,1700000000,From Pocket\n';
    await applyImport(readImportFile('pocket.csv', new TextEncoder().encode(csv)), { db });
    expect(await getItem(pageItemId('https://example.com/fresh'), db)).toMatchObject({
      tags: ['kafka'],
      note: 'From Pocket',
    });
  });

  // QA pass: a note longer than Shelf keeps was cut without a word in the report.
  it('says in its report how many notes were cut to the length Shelf keeps', async () => {
    const long = 'a long note '.repeat(2000); // 24,000 characters
    const csv = `url,title,note\nhttps://example.com/a,A,${long}\nhttps://example.com/b,B,short\nhttps://example.com/c,C,${long}\n`;
    const report = await applyImport(readImportFile('notes.csv', new TextEncoder().encode(csv)), { db });
    expect(report).toMatchObject({ added: 3, notesCut: 2 });
    expect((await getItem(pageItemId('https://example.com/a'), db))?.note).toHaveLength(20_000);
    expect(describeImport('notes.csv', report)).toContain(
      ' 2 notes were longer than Shelf keeps and were cut to fit (20,000 characters, 10,000 for a highlight’s).',
    );
    const short = `url,title,note\nhttps://example.com/d,D,short\n`;
    const none = await applyImport(readImportFile('short.csv', new TextEncoder().encode(short)), { db });
    expect(describeImport('short.csv', none)).not.toContain('cut to fit');
  });

  // Resilience pass: a UTF-8 file's stray bytes (read as "�") must be said in the report, with where.
  it('says in its report where a UTF-8 file held bytes that are not UTF-8', async () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('url,title\nhttps://example.com/tokyo,東京\nhttps://example.com/m,M'),
      0xfc, // "ü" in Windows-1252
      0x0a,
    ]);
    const report = await applyImport(readImportFile('mixed.csv', bytes), { db });
    expect(describeImport('mixed.csv', report)).toBe(
      'mixed.csv (CSV file of links): 2 records — 2 added, 0 merged into items already saved, 0 already in Shelf, 0 skipped. The file is UTF-8, but one byte sequence is not (line 3): read as “�”. Check the titles, tags and notes there.',
    );
    expect((await getItem(pageItemId('https://example.com/tokyo'), db))?.title).toBe('東京');
  });

  // QA pass: a note cut at the limit could end in half an emoji (a lone surrogate, shown as "�").
  it('cuts an imported note between characters, never inside an emoji', async () => {
    const csv = `url,title,note\nhttps://example.com/e,E,${'a'.repeat(19_999)}😀 more\nhttps://example.com/f,F,${'x'.repeat(10_000)}\nhttps://example.com/f,F,${'y'.repeat(9_997)}😀\n`;
    await applyImport(readImportFile('emoji.csv', new TextEncoder().encode(csv)), { db });
    expect((await getItem(pageItemId('https://example.com/e'), db))?.note).toBe('a'.repeat(19_999));
    // Two rows' notes joined ("\n\n" between) and cut: 20,001 characters, the last an emoji's two halves.
    expect((await getItem(pageItemId('https://example.com/f'), db))?.note).toBe(
      `${'x'.repeat(10_000)}\n\n${'y'.repeat(9_997)}`,
    );
  });

  // Review: a note cut when joined to another (two rows of one address, or the item's own note) was not counted.
  it('counts a note cut when joined to another row’s or to the saved item’s', async () => {
    const half = 'half a note '.repeat(1000); // 12,000 characters: two of them pass 20,000
    const twice = `url,title,note\nhttps://example.com/j,J,first ${half}\nhttps://example.com/j,J,second ${half}\n`;
    const rows = await applyImport(readImportFile('twice.csv', new TextEncoder().encode(twice)), { db });
    expect(rows).toMatchObject({ added: 1, notesCut: 1 });
    expect((await getItem(pageItemId('https://example.com/j'), db))?.note).toHaveLength(20_000);
    // The same file again writes nothing, so it cuts nothing either (review).
    const again = await applyImport(readImportFile('twice.csv', new TextEncoder().encode(twice)), { db });
    expect(again).toMatchObject({ unchanged: 1 });
    expect(again.notesCut).toBeUndefined();
    await savePage({ url: 'https://example.com/k', title: 'K' }, null, { db, now: 1_700_000_000_000 });
    await setNote(pageItemId('https://example.com/k'), `mine ${half}`, { db });
    const later = `url,title,note\nhttps://example.com/k,K,theirs ${half}\n`;
    const onto = await applyImport(readImportFile('later.csv', new TextEncoder().encode(later)), { db });
    expect(onto).toMatchObject({ merged: 1, notesCut: 1 });
    expect(describeImport('later.csv', onto)).toContain(' One note was longer than Shelf keeps and was cut to fit');
    const once = await applyImport(readImportFile('later.csv', new TextEncoder().encode(later)), { db });
    expect(once.notesCut).toBeUndefined();
  });

  // QA pass: tags beyond 50 an item, or longer than 64 characters, were cut without a word.
  it('says in its report how many records had their tags cut to what an item keeps', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `t${i}`).join('|');
    const csv = `url,title,tags,time_added\nhttps://example.com/many,Many,${many},1700000000\nhttps://example.com/long,Long,${'x'.repeat(70)},1700000000\nhttps://example.com/fine,Fine,a|b,1700000000\n`;
    const report = await applyImport(readImportFile('pocket.csv', new TextEncoder().encode(csv)), { db });
    expect(report).toMatchObject({ added: 3, tagsCut: 2 });
    expect((await getItem(pageItemId('https://example.com/many'), db))?.tags).toHaveLength(50);
    expect(describeImport('pocket.csv', report)).toContain(
      'The tags of 2 records were more or longer than an item keeps and were cut to fit (50 tags of 64 characters).',
    );
    const fine = 'url,title,tags,time_added\nhttps://example.com/fine,Fine,a|b,1700000000\n';
    expect(await applyImport(readImportFile('pocket.csv', new TextEncoder().encode(fine)), { db })).not.toHaveProperty(
      'tagsCut',
    );
  });

  it('says which files of a zip it left out as no export', async () => {
    const { strToU8, zipSync } = await import('fflate');
    const zip = zipSync({
      'part_000000.csv': strToU8('title,url,time_added,tags,status\nA,https://example.com/a,1700000000,,unread\n'),
      'notes.csv': strToU8('foo,bar\n'),
    });
    const report = await applyImport(readImportFile('pocket.zip', zip), { db });
    expect(report).toMatchObject({ added: 1 });
    expect(describeImport('pocket.zip', report)).toMatch(/1 added.*\. Left out of the zip: notes\.csv/);
  });

  it('keeps Omnivore progress and saved content readable offline', async () => {
    const { strToU8, zipSync } = await import('fflate');
    const zip = zipSync({
      'metadata_0_to_1.json': strToU8(
        JSON.stringify([
          {
            slug: 's',
            title: 'Saved',
            url: 'https://example.com/s',
            state: 'SUCCEEDED',
            readingProgress: 55,
            labels: [],
          },
        ]),
      ),
      'content/s.html': strToU8(`<article><h1>Saved</h1><p>${'Offline text. '.repeat(60)}</p></article>`),
    });
    await applyImport(readImportFile('omnivore.zip', zip), { db });
    expect(await getReaderData(pageItemId('https://example.com/s'), db).then((data) => data.progress)).toMatchObject({
      fraction: 0.55,
    });
    expect((await getReaderData(pageItemId('https://example.com/s'), db).then((data) => data.capture))?.text).toContain(
      'Offline text.',
    );
    expect((await getItem(pageItemId('https://example.com/s'), db))?.status).toBe('reading');
  });

  it('keeps Omnivore highlights as highlights the reader finds in the copy; importing again adds none', async () => {
    const { strToU8, zipSync } = await import('fflate');
    const zip = zipSync({
      'metadata_0_to_1.json': strToU8(
        JSON.stringify([{ slug: 'h', title: 'Highlighted', url: 'https://example.com/h', labels: [] }]),
      ),
      'content/h.html': strToU8(
        `<article><h1>Highlighted</h1><p>${'Filler text. '.repeat(40)}The one sentence that matters. ${'More. '.repeat(20)}</p></article>`,
      ),
      'highlights/h.md': strToU8(
        '> The one sentence that matters. [⤴️](https://omnivore.app/me/h#1)\n\nremember this\n',
      ),
    });
    const itemId = pageItemId('https://example.com/h');
    expect(await applyImport(readImportFile('omnivore.zip', zip), { db, now: 5 })).toMatchObject({ added: 1 });
    const highlights = await getHighlights(itemId, db);
    expect(highlights).toMatchObject([{ itemId, note: 'remember this', color: 'yellow', createdAt: 5 }]);
    expect((await getItem(itemId, db))?.note).toBe('');
    // The reader draws it: anchored in the copy as the reader shows it.
    const copy = (await getReaderData(itemId, db)).capture;
    const body = document.createElement('div');
    body.innerHTML = copy?.html ?? '';
    const found = anchor(body, highlights[0]!.selectors);
    expect(found).toMatchObject({ status: 'found', method: 'position', text: 'The one sentence that matters.' });

    expect(await applyImport(readImportFile('omnivore.zip', zip), { db, now: 6 })).toMatchObject({
      added: 0,
      merged: 0,
      unchanged: 1,
    });
    expect(await getHighlights(itemId, db)).toEqual(highlights);
  });
});

describe('export', () => {
  it('Netscape bookmarks round trip: same addresses, titles, tags and statuses in a fresh profile', async () => {
    await applyImport(fixture('instapaper-export.csv'), { db });
    await applyImport(fixture('pocket-part-with-cursor.csv'), { db });
    await setStatus([pageItemId('https://example.com/untitled')], 'done', { db }); // not saved: no effect
    await savePage({ url: 'https://example.com/done', title: 'Done <b>& "quoted"</b>' }, null, { db });
    await setStatus([pageItemId('https://example.com/done')], 'done', { db });
    await setStatus([pageItemId('https://example.net/go-generics')], 'reading', { db });
    const original = await loadItemsForExport(db);
    const html = toNetscapeBookmarks(original);

    const fresh = new ShelfDatabase(`${name}-fresh`);
    try {
      const report = await applyImport(readImportFile('bookmarks.html', new TextEncoder().encode(html)), { db: fresh });
      expect(report.skipped).toEqual([]);
      const pick = (items: typeof original) =>
        items
          .map(({ url, title, tags, status }) => ({ url, title, tags, status }))
          .sort((a, b) => a.url!.localeCompare(b.url!));
      expect(pick(await getAllItems(fresh).then((all) => all.items))).toEqual(pick(original));
      expect(new Set(original.map((item) => item.status))).toEqual(new Set(['unread', 'reading', 'done', 'archived']));
    } finally {
      fresh.close();
      await Dexie.delete(`${name}-fresh`);
    }
  });

  // Dates in milliseconds came back in whole seconds: "22 merged", every date changed.
  it('Shelf’s own CSV export imported again into the same profile changes nothing', async () => {
    await savePage({ url: 'https://example.com/ms', title: 'Saved at an odd millisecond' }, null, {
      db,
      now: 1_700_000_000_715,
    });
    await setTags(pageItemId('https://example.com/ms'), ['keep'], { db });
    const before = await loadItemsForExport(db);
    const parsed = readImportFile('shelf.csv', new TextEncoder().encode(toLibraryCsv(before)));
    const report = await applyImport(parsed, { db, now: 1_800_000_000_000 });
    expect(report).toMatchObject({ added: 0, merged: 0, unchanged: before.length });
    expect(await loadItemsForExport(db)).toEqual(before);
  });

  // QA pass: a bundled article without an address came back from Shelf's own exports as a saved
  // search page (its search link), beside the article or, after "Delete everything", in its place.
  it('brings back a bundled article without an address from Shelf’s own CSV and bookmarks exports', async () => {
    const article = ARTICLES.find((one) => one.url === null)!;
    await saveArticle({ id: article.id, title: article.title, url: null }, { db });
    await setTags(`article:${article.id}`, ['agents'], { db });
    const before = await loadItemsForExport(db);
    for (const file of [
      readImportFile('shelf.csv', new TextEncoder().encode(toLibraryCsv(before))),
      readImportFile('shelf.html', new TextEncoder().encode(toNetscapeBookmarks(before))),
    ]) {
      expect(await applyImport(file, { db, findArticleId: (url) => getArticleByImportedUrl(url)?.id })).toMatchObject({
        added: 0,
        unchanged: 1,
      });
      await clearAll(db); // Delete everything
      const into = await applyImport(file, { db, findArticleId: (url) => getArticleByImportedUrl(url)?.id });
      expect(into).toMatchObject({ added: 1 });
      expect((await getAllItems(db)).items).toMatchObject([
        { id: `article:${article.id}`, kind: 'article', articleId: article.id, url: null, tags: ['agents'] },
      ]);
    }
  });

  // QA pass: a tag holding "|" or "," (from another app's folder or label) came back from Shelf's
  // own exports as itself and its parts: `c++|rust` became `c++|rust`, `c++`, `rust`.
  it('a tag holding a separator is kept as its parts, and both exports imported again change nothing', async () => {
    const pocket = 'title,url,time_added,tags,status\nPocket,https://t.example/1,1700000000,"c++,rust|go",unread\n';
    await applyImport(readImportFile('pocket.csv', new TextEncoder().encode(pocket)), { db });
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p><DT><H3>C++|Rust</H3><DL><p>
<DT><A HREF="https://t.example/2" ADD_DATE="1700000000">Bookmark</A></DL><p></DL><p>`;
    await applyImport(readImportFile('bookmarks.html', new TextEncoder().encode(html)), { db });
    expect(await getItem(pageItemId('https://t.example/1'), db)).toMatchObject({ tags: ['c++', 'rust', 'go'] });
    expect(await getItem(pageItemId('https://t.example/2'), db)).toMatchObject({ tags: ['c++', 'rust'] });
    const before = await loadItemsForExport(db);
    const csv = readImportFile('shelf.csv', new TextEncoder().encode(toLibraryCsv(before)));
    expect(await applyImport(csv, { db })).toMatchObject({ merged: 0, unchanged: 2 });
    const bookmarks = readImportFile('shelf.html', new TextEncoder().encode(toNetscapeBookmarks(before)));
    expect(await applyImport(bookmarks, { db })).toMatchObject({ merged: 0, unchanged: 2 });
    expect(await loadItemsForExport(db)).toEqual(before);
  });

  // A Pocket row dated an hour ahead turned a page the user had marked done into archived.
  it('an entry dated after the import (a wrong clock) does not override what the user chose', async () => {
    const now = 1_800_000_000_000;
    const url = 'https://example.com/clock';
    await savePage({ url, title: 'Mine' }, null, { db, now: now - 60_000 });
    await setStatus([pageItemId(url)], 'done', { db, now: now - 30_000 });
    const ahead = Math.floor((now + 3_600_000) / 1000);
    const csv = `title,url,time_added,tags,status\nTheirs,${url},${ahead},later,archive\n`;
    await applyImport(readImportFile('pocket.csv', new TextEncoder().encode(csv)), { db, now });
    const item = await getItem(pageItemId(url), db);
    expect(item).toMatchObject({ status: 'done', title: 'Mine', tags: ['later'] });
    expect(item?.addedAt).toBeLessThanOrEqual(now);
    // Nor between two rows of one address in the file: the dated one wins.
    const other = 'https://example.com/rows';
    const yesterday = Math.floor((now - 86_400_000) / 1000);
    const rows = `title,url,time_added,tags,status\nDated,${other},${yesterday},,archive\nAhead,${other},${ahead},,unread\n`;
    await applyImport(readImportFile('rows.csv', new TextEncoder().encode(rows)), { db, now });
    expect(await getItem(pageItemId(other), db)).toMatchObject({ status: 'archived', title: 'Dated' });
  });

  it('CSV export reads back with the same fields, notes included', async () => {
    await applyImport(fixture('instapaper-export.csv'), { db });
    const original = await loadItemsForExport(db);
    const fresh = new ShelfDatabase(`${name}-csv`);
    try {
      const parsed = readImportFile('shelf.csv', new TextEncoder().encode(toLibraryCsv(original)));
      expect(parsed.format).toBe('pocket-csv');
      await applyImport(parsed, { db: fresh });
      const pick = (items: typeof original) =>
        items.map(({ url, title, tags, status, note, addedAt }) => ({ url, title, tags, status, note, addedAt }));
      expect(pick(await loadItemsForExport(fresh))).toEqual(pick(original));
    } finally {
      fresh.close();
      await Dexie.delete(`${name}-csv`);
    }
  });
});

describe('importFile', () => {
  it('merges a Shelf backup dropped on the import picker, and reports files it cannot read', async () => {
    const { importFile } = await import('@/lib/import/import-file');
    const { readBackupRecords } = await import('@/lib/db/backup');
    const { createBackup } = await import('@/lib/backup/backup-file');
    await applyImport(fixture('instapaper-no-tags.csv'), { db });
    const backup = new TextEncoder().encode(JSON.stringify(createBackup(await readBackupRecords(db), {})));
    const fresh = new ShelfDatabase(`${name}-backup`);
    try {
      const result = await importFile({ name: 'shelf-backup.json', bytes: backup }, { db: fresh });
      expect(result).toMatchObject({ ok: true, summary: { added: 2 } });
      expect(await countItems(fresh)).toBe(2);
      const broken = await importFile({ name: 'x.csv', bytes: new TextEncoder().encode('a,b\n"x') }, { db: fresh });
      expect(broken).toEqual({
        ok: false,
        error: 'x.csv: line 2: a quoted field is never closed. Nothing was imported.',
        changed: false,
      });
    } finally {
      fresh.close();
      await Dexie.delete(`${name}-backup`);
    }
  });
});

describe('a full disk part-way through', () => {
  it('keeps the chunks written before it, says where it stopped, and does not throw', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `https://example.com/q/${i}`).join('\n');
    const parsed = readImportFile('urls.txt', new TextEncoder().encode(rows));
    const realTransaction = db.transaction.bind(db);
    let calls = 0;
    const failing = Object.assign(Object.create(db), {
      transaction: (...args: unknown[]) => {
        calls++;
        if (calls === 2) {
          const error = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
          return Promise.reject(error);
        }
        return (realTransaction as (...a: unknown[]) => unknown)(...args);
      },
    });
    const summary = await applyImport(parsed, { db: failing, chunkSize: 10 });
    expect(summary.added).toBe(10);
    expect(summary.stoppedEarly).toBe('The browser ran out of space after 10 of 30 items; the rest were not imported.');
    expect(summary.outOfSpace).toBe(true);
    expect(await countItems(db)).toBe(10);
    expect(describeImport('urls.txt', summary)).toContain('ran out of space');
  });
});
