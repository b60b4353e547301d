import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import {
  type Backup,
  backupText,
  createBackup,
  MAX_BACKUP_BYTES,
  parseBackup,
  utf8Length,
} from '@/lib/backup/backup-file';
import { describeRestore, describeRestoreFailure, restoreBackup } from '@/lib/backup/restore';
import { readBackupRecords, writeBackupRecords } from '@/lib/db/backup';
import { createCatalogOverlayStore } from '@/lib/db/catalog-overlay';
import { clearAll } from '@/lib/db/clear';
import { ShelfDatabase } from '@/lib/db/database';
import { DataDeletedError } from '@/lib/db/errors';
import { addHighlight } from '@/lib/db/highlights';
import { fragmentlessPageItemId, pageItemId } from '@/lib/db/ids';
import { saveArticle, savePage, setNote, setStatus, setTags } from '@/lib/db/items';
import { setProgress } from '@/lib/db/progress';
import { countItems, getAllItems, getItem, getReaderData } from '@/lib/db/queries';
import { MAX_MARKUP_DEPTH } from '@/lib/dom/markup-depth';
import { toNetscapeBookmarks } from '@/lib/export/library-export';
import { deleteEverything } from '@/lib/settings/delete-everything';
import { getPreference, PREFERENCES, setPreference, snapshotPreferences } from '@/lib/settings/preferences';
import { capturedPage } from '@/tests/unit/helpers/captured-page';
import { fakePermissionsAndScripting } from '../../helpers/fake-permissions';

let name: string;
let db: ShelfDatabase;
beforeEach(async () => {
  fakePermissionsAndScripting();
  name = `shelf-backup-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
  for (let i = 0; i < 5; i++) await saveArticle({ id: `a${i}`, title: `Article ${i}`, url: null }, { db, now: 10 + i });
  await setStatus(['article:a1'], 'done', { db, now: 20 });
  await setTags('article:a2', ['later', 'ünïcode'], { db, now: 21 });
  await setProgress('article:a3', { fraction: 0.6, anchor: { scrollFraction: 0.6, scrollY: 900 } }, { db, now: 22 });
  await savePage({ url: 'https://example.org/page', title: 'A page' }, CAPTURE, { db, now: 23 });
  await addHighlight(
    'article:a2',
    { quote: { type: 'TextQuoteSelector', exact: 'a sentence', prefix: 'Here is ', suffix: ' to keep.' } },
    { note: 'check the WAL part', color: 'green', quoteBlocks: [{ text: 'a' }, { text: 'sentence', code: true }] },
    { db, now: 25 },
  );
  // Something learned from the blog: it is part of what a backup keeps.
  const source = { from: 'feed' as const, url: 'https://webcoderspeed.com/rss.xml', learnedAt: 24 };
  await createCatalogOverlayStore(db).saveOverlayChanges({
    put: [
      {
        kind: 'learned',
        id: 'new-post',
        fields: {
          url: { value: 'https://webcoderspeed.com/blog/scaling/new-post', source },
          title: { value: 'A new post', source },
        },
      },
    ],
    remove: [],
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const exportNow = async (date = new Date('2026-11-26T00:00:00Z')) =>
  createBackup(await readBackupRecords(db), await snapshotPreferences(), date);
const parse = (backup: unknown) => {
  const parsed = parseBackup(JSON.stringify(backup));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
};

describe('backup', () => {
  it('backup → delete everything → restore gives back every record and every preference a backup carries', async () => {
    await setPreference(PREFERENCES.theme, 'dark');
    await setPreference(PREFERENCES.showBadge, false);
    await setPreference(PREFERENCES.readerFontSize, 22);
    await setPreference(PREFERENCES.relatedHiddenSites, ['docs.example.com']);
    await setPreference(PREFERENCES.relatedPlacement, 'nowhere');
    await setPreference(PREFERENCES.recentlyOpened, ['a1', 'a2']);
    const before = await exportNow(new Date(0));
    const file = JSON.stringify(await exportNow());
    await deleteEverything(db);
    expect(await countItems(db)).toBe(0);
    expect(await getPreference(PREFERENCES.theme)).toBe('system');
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const report = await restoreBackup(parsed.backup, 'merge', { db });
    expect(report).toMatchObject({ added: 6, updated: 0, unchanged: 0, skipped: [] });
    expect(await exportNow(new Date(0))).toEqual(before);
    expect(before.catalogOverlay).toHaveLength(1);
    expect(before.highlights).toEqual([
      expect.objectContaining({
        itemId: 'article:a2',
        note: 'check the WAL part',
        quoteBlocks: [{ text: 'a' }, { text: 'sentence', code: true }],
      }),
    ]);
  });

  it('merging the same file twice changes nothing the second time, and counts items, not records', async () => {
    const report = await restoreBackup(parse(await exportNow()), 'merge', { db });
    expect(report).toEqual({ added: 0, updated: 0, unchanged: 6, removed: 0, skipped: [], joined: [] });
  });

  it('merge takes each field from the side that changed it last', async () => {
    const backup = await exportNow();
    await setStatus(['article:a0'], 'archived', { db, now: 100 }); // newer here
    await setTags('article:a4', ['mine'], { db, now: 100 }); // newer here
    const inFile = {
      ...backup,
      items: backup.items.map((item) =>
        item.id === 'article:a4'
          ? { ...item, status: 'done' as const, changedAt: { ...item.changedAt, status: 200 }, updatedAt: 200 }
          : item,
      ),
    };
    await restoreBackup(parse(inFile), 'merge', { db });
    expect((await getItem('article:a0', db))?.status).toBe('archived');
    expect(await getItem('article:a4', db)).toMatchObject({ status: 'done', tags: ['mine'] });
  });

  // QA pass: the article saved again (a new computer) outvoted the backup's status, tags and note.
  it('merge keeps what the file chose over an item saved again since, which chose nothing', async () => {
    const article = { id: 'cold-start-latency', title: 'Cold Start', url: 'https://webcoderspeed.com/blog/scaling/x' };
    const item = await saveArticle(article, { db, now: 1_000 });
    await setTags(item.id, ['serverless'], { db, now: 2_000 });
    await setNote(item.id, 'months of notes', { db, now: 3_000 });
    await setStatus([item.id], 'done', { db, now: 4_000 });
    const backup = parse(await exportNow());
    await deleteEverything(db);
    await saveArticle(article, { db, now: 9_000 });
    await restoreBackup(backup, 'merge', { db });
    expect(await getItem(item.id, db)).toMatchObject({ status: 'done', tags: ['serverless'], note: 'months of notes' });
  });

  // As imports merge: a list of addresses imported later (on another computer) titled the item by its
  // address, and that newer "title" outvoted the page's real one.
  it('merge: a real title fills an item titled by its address, and an address never replaces a real title', async () => {
    const url = 'https://example.org/page';
    const backup = await exportNow();
    const asAddress = (title: string, at: number) => ({
      ...backup,
      items: backup.items.map((item) =>
        item.url === url ? { ...item, title, changedAt: { ...item.changedAt, title: at }, updatedAt: at } : item,
      ),
    });
    await restoreBackup(parse(asAddress(url, 500)), 'merge', { db });
    expect((await getItem(pageItemId(url), db))?.title).toBe('A page');
    // The other way round: this browser has the address, the file the real title chosen earlier.
    await deleteEverything(db);
    await savePage({ url, title: '' }, capturedPage(url, '', 'Three words here', { dir: 'ltr' }), { db, now: 600 });
    expect((await getItem(pageItemId(url), db))?.title).toBe(url);
    await restoreBackup(parse(backup), 'merge', { db });
    expect((await getItem(pageItemId(url), db))?.title).toBe('A page');
  });

  // QA: an older backup merged in (Settings' Merge, or dropped on "Import from another app") put back
  // the theme chosen since and dropped the sites hidden since; the report said nothing.
  it('merge keeps the settings chosen in this browser since, joins lists, and says which it kept', async () => {
    await setPreference(PREFERENCES.relatedHiddenSites, ['docs.example.com']);
    await setPreference(PREFERENCES.theme, 'light');
    const backup = parse(await exportNow());
    await setPreference(PREFERENCES.relatedHiddenSites, ['news.example.org']);
    await setPreference(PREFERENCES.theme, 'dark');
    const report = await restoreBackup(backup, 'merge', { db });
    expect(await getPreference(PREFERENCES.theme)).toBe('dark');
    expect(await getPreference(PREFERENCES.relatedHiddenSites)).toEqual(['news.example.org', 'docs.example.com']);
    expect(report.skipped).toContainEqual({
      where: 'setting "theme"',
      reason: 'kept as chosen in this browser (a merge keeps its settings)',
    });
    // Said by name, apart from the items (QA: "1 skipped" read as a saved item lost).
    expect(describeRestore('b.json', report, 'merge')).toMatch(
      /^Imported b\.json: \d+ added, \d+ updated, \d+ unchanged\. Kept as this browser has them: theme\.$/,
    );
    const withBadItem = {
      ...report,
      skipped: [...report.skipped, { where: 'item 4', reason: 'a saved page without an address' }],
    };
    expect(describeRestore('b.json', withBadItem, 'merge')).toContain(
      'Kept as this browser has them: theme. Skipped 1: item 4 (a saved page without an address).',
    );
    // A list too long with the file's (recently opened: at most 50) is kept as this browser has it.
    await setPreference(
      PREFERENCES.recentlyOpened,
      Array.from({ length: 50 }, (_, i) => `here-${i}`),
    );
    const full = parse({
      ...(await exportNow()),
      preferences: { recentlyOpened: Array.from({ length: 50 }, (_, i) => `file-${i}`) },
    });
    const fullReport = await restoreBackup(full, 'merge', { db });
    expect((await getPreference(PREFERENCES.recentlyOpened))[0]).toBe('here-0');
    expect(fullReport.skipped.map(({ where }) => where)).toContain('setting "recentlyOpened"');
    // Replace takes the file's.
    await restoreBackup(backup, 'replace', { db });
    expect(await getPreference(PREFERENCES.theme)).toBe('light');
    expect(await getPreference(PREFERENCES.relatedHiddenSites)).toEqual(['docs.example.com']);
  });

  it('replace makes the saved items equal to the file', async () => {
    const backup = parse(await exportNow());
    await saveArticle({ id: 'extra', title: 'Extra', url: null }, { db });
    const report = await restoreBackup(backup, 'replace', { db });
    expect(report).toMatchObject({ added: 6, removed: 7 });
    expect(await getItem('article:extra', db)).toBeUndefined();
    expect(await countItems(db)).toBe(6);
    // QA pass: "6 added, 0 updated, 0 unchanged, 7 replaced" read as seven items changed, one of them gone.
    expect(describeRestore('b.json', report, 'replace')).toBe(
      'Imported b.json: its 6 items replaced the 7 that were here.',
    );
    const one = { ...report, added: 1, removed: 1 };
    expect(describeRestore('b.json', one, 'replace')).toBe('Imported b.json: its 1 item replaced the 1 that was here.');
    const empty = { ...report, removed: 0 };
    expect(describeRestore('b.json', empty, 'replace')).toBe('Imported b.json: its 6 items added (nothing was here).');
  });

  // A tag holding "|" or "," (kept by imports before version 11) came back from Shelf's exports as more tags.
  it('restores a tag holding a separator of the exports as its parts', async () => {
    const backup = await exportNow();
    const items = backup.items.map((item) =>
      item.id === 'article:a2' ? { ...item, tags: ['c++|rust', 'go,c++'] } : item,
    );
    await restoreBackup(parse({ ...backup, items }), 'replace', { db });
    expect((await getItem('article:a2', db))?.tags).toEqual(['c++', 'rust', 'go']);
  });

  it('an invalid record rejects the whole file and names the record', async () => {
    const data = JSON.parse(JSON.stringify(await exportNow()));
    data.items[2].status = 'finished';
    const parsed = parseBackup(JSON.stringify(data));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/items\[2\] \("article:a2"\), field "status"/);
  });

  // QA pass: such a file passed the check, then every merge restore failed on the database's key.
  it('refuses a file whose learned articles repeat an id, saying which', async () => {
    const data = JSON.parse(JSON.stringify(await exportNow()));
    data.catalogOverlay = [data.catalogOverlay[0], { ...data.catalogOverlay[0] }];
    const parsed = parseBackup(JSON.stringify(data));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/catalogOverlay.*duplicate id "new-post"/);
  });

  // Red team: a learned title from a file kept a bell, a right-to-left override and an isolate, shown as such.
  it('restores learned titles and descriptions as plain lines, and refuses one left empty', async () => {
    const data = JSON.parse(JSON.stringify(await exportNow()));
    const [learned] = data.catalogOverlay;
    learned.fields.title.value = 'Zebra \u202Eelbatiurf\u202C pools\u0007 \u2066bell';
    learned.fields.description = { ...learned.fields.title, value: 'Text\u200B with\u202E a turn' };
    const parsed = parse(data);
    const [restored] = parsed.records.catalogOverlay;
    expect(restored?.fields.title?.value).toBe('Zebra elbatiurf pools bell');
    expect(restored?.fields.description?.value).toBe('Text with a turn');
    learned.fields.title.value = '\u202E\u0007 ';
    const empty = parseBackup(JSON.stringify(data));
    expect(empty.ok).toBe(false);
  });

  // QA pass: a highlight of the file with the id of one of this browser's, on another item, moved it there.
  it('never moves a highlight to another item, whatever the file says', async () => {
    const backup = await exportNow();
    const [mine] = backup.highlights;
    const moved = { ...mine!, itemId: 'article:a3', note: 'from the file', updatedAt: 99 };
    const report = await restoreBackup(parse({ ...backup, highlights: [moved] }), 'merge', { db });
    const { highlights } = await readBackupRecords(db);
    expect(highlights).toEqual([
      expect.objectContaining({ id: mine!.id, itemId: 'article:a2', note: 'check the WAL part' }),
    ]);
    // Resilience pass: it was left out unsaid; it is listed as skipped, with why, as items are.
    const skipped = {
      where: `a highlight of "Article 3" ("${mine!.selectors.quote.exact}")`,
      reason: 'this browser has a highlight with its id on another item, kept there (a highlight never moves)',
    };
    expect(report.skipped).toEqual([skipped]);
    expect(describeRestore('shelf.json', report, 'merge')).toContain(
      `Skipped 1: ${skipped.where} (${skipped.reason}).`,
    );
  });

  it.each([
    ['not JSON', '{"format": "shelf-backup",', /not a Shelf backup: it is not JSON.*"Import a file"/],
    ['another file', '{"hello": 1}', /JSON but not a Shelf backup.*HTML file a browser exports/],
    ['a newer version', JSON.stringify({ format: 'shelf-backup', version: 99 }), /version 99.*Update Shelf/],
  ])('rejects %s with a clear message', (_case, content, message) => {
    const parsed = parseBackup(content);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  // #14, item 3: backups accepted anything that parses.
  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'chrome://settings',
    'vbscript:msgbox(1)',
    'blob:https://example.org/1',
    'view-source:https://example.org',
    'ftp://example.org/file',
  ])('skips and reports an item at %s, and the bookmarks export never writes it', async (url) => {
    const backup = await exportNow();
    const bad = { ...backup.items[0]!, id: 'page:bad', kind: 'page' as const, articleId: null, url, title: 'Bad' };
    const restored = parse({ ...backup, items: [...backup.items, bad] });
    expect(restored.skipped).toEqual([
      { where: expect.stringContaining('("Bad")'), reason: expect.stringMatching(/not a web address/) },
    ]);
    await restoreBackup(restored, 'merge', { db });
    const items = await getAllItems(db).then((all) => all.items);
    expect(items.some((item) => item.url === url)).toBe(false);
    expect(toNetscapeBookmarks([...items, { ...bad, url }])).not.toContain(url.slice(0, 10));
  });

  // Ids leave out tracking parameters since version 12: a backup made before holds such a page as two items.
  it('a page saved under an address with tracking parameters and without: one item, with the note and highlight of both', async () => {
    const file = JSON.parse(JSON.stringify(await exportNow())) as Backup;
    const page = file.items.find((item) => item.url === 'https://example.org/page');
    if (!page) throw new Error('fixture');
    const shared = 'https://example.org/page?utm_source=news';
    const sharedId = fragmentlessPageItemId(shared);
    const highlight = file.highlights[0];
    if (!highlight) throw new Error('fixture');
    const restored = parse({
      ...file,
      items: [...file.items, { ...page, id: sharedId, url: shared, note: 'from the newsletter', tags: ['news'] }],
      highlights: [...file.highlights, { ...highlight, id: 'h-shared', itemId: sharedId }],
    });
    // Restored, as part of the page: not skipped (review: "Skipped 1" read as the newsletter's note lost).
    expect(restored.skipped).toEqual([]);
    const report = await restoreBackup(restored, 'replace', { db });
    expect(await countItems(db)).toBe(file.items.length);
    const where = `items[${file.items.length}] ("${page.title}")`;
    expect(describeRestore('b.json', report, 'replace')).toBe(
      `Imported b.json: its ${file.items.length} items replaced the ${file.items.length} that were here. Joined 1 to the same page earlier in the file (one item, with the tags, notes and highlights of both): ${where}.`,
    );
    // Two records joined to two pages: not "to the same page … (one item …)" (review).
    const two = { ...report, joined: [where, 'items[9] ("Another page")'] };
    expect(describeRestore('b.json', two, 'merge')).toBe(
      `Imported b.json: ${report.added} added, 0 updated, 0 unchanged. Joined 2, each to the same page earlier in the file (each page one item, with the tags, notes and highlights of its records): ${where}; items[9] ("Another page").`,
    );
    const id = pageItemId(shared);
    expect(id).toBe(page.id);
    expect(await getItem(id, db)).toMatchObject({ note: 'from the newsletter', tags: ['news'] });
    expect((await readBackupRecords(db)).highlights.filter((h) => h.itemId === id).map((h) => h.id)).toEqual([
      'h-shared',
    ]);
  });

  // A backup made before version 12 held the page under its newsletter address, a separate item from the one
  // saved here under its own: merged into it, one note and the tags of one side were lost (the later edit won).
  it('merged into a library holding the page under its own address: the tags and notes of both are kept', async () => {
    const file = JSON.parse(JSON.stringify(await exportNow())) as Backup;
    const page = file.items.find((item) => item.url === 'https://example.org/page');
    if (!page) throw new Error('fixture');
    const shared = 'https://example.org/page?utm_source=news';
    const fromNewsletter = {
      ...page,
      id: fragmentlessPageItemId(shared),
      url: shared,
      note: 'from the newsletter',
      tags: ['news'],
      changedAt: { ...page.changedAt, note: 30, tags: 30 },
    };
    const id = pageItemId(shared);
    await setNote(id, 'my own note', { db, now: 40 });
    await setTags(id, ['rust'], { db, now: 40 });
    const report = await restoreBackup(parse({ ...file, items: [fromNewsletter] }), 'merge', { db });
    expect(report).toMatchObject({ added: 0, updated: 1 });
    expect(await getItem(id, db)).toMatchObject({
      url: 'https://example.org/page',
      note: 'my own note\n\nfrom the newsletter',
      tags: ['rust', 'news'],
    });
    // Restored again: nothing more changes.
    expect(await restoreBackup(parse({ ...file, items: [fromNewsletter] }), 'merge', { db })).toMatchObject({
      updated: 0,
      unchanged: 1,
    });
    // The same item under another #fragment (one id before version 12 too): the later edit wins, as ever.
    const atSection = { ...page, url: 'https://example.org/page#usage', note: 'an older note', tags: [] };
    await restoreBackup(parse({ ...file, items: [atSection] }), 'merge', { db });
    expect(await getItem(id, db)).toMatchObject({ note: 'my own note\n\nfrom the newsletter' });
  });

  it('two items under one id in a file: the second is skipped, and nothing of the first goes to it', async () => {
    const file = JSON.parse(JSON.stringify(await exportNow())) as Backup;
    const { items } = file;
    const page = items.find((item) => item.url === 'https://example.org/page');
    const other = items.find((item) => item.articleId === 'a2'); // it has a highlight of its own
    if (!page || !other) throw new Error('fixture');
    const pageId = page.id;
    const rest = items.filter((item) => item !== page && item !== other);
    const parsed = parseBackup(JSON.stringify({ ...file, items: [page, { ...other, id: pageId }, ...rest] }));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.skipped.map(({ reason }) => reason)).toEqual([
      'has the id of another page earlier in the file (that one was kept)',
      'belongs to no item in the file', // the article's highlight
    ]);
    await restoreBackup(parsed.backup, 'replace', { db });
    expect(await getItem('article:a2', db)).toBeUndefined();
    // The page's copy stays the page's; the article's highlight, filed under its own id, has no item.
    const stored = await readBackupRecords(db);
    expect(stored.captures.map((copy) => copy.itemId)).toEqual([pageId]);
    expect(stored.highlights).toEqual([]);
  });

  // A file edited by hand: a second highlight under one id silently replaced the first (replace), or was
  // silently left out (merge, in a later chunk), and the report listed neither.
  it('two highlights under one id in a file: the second is skipped and listed, the first restored whole', async () => {
    const file = JSON.parse(JSON.stringify(await exportNow())) as Backup;
    const [first] = file.highlights;
    if (!first) throw new Error('fixture');
    const second = { ...first, itemId: 'article:a4', note: 'another highlight, another item' };
    const parsed = parseBackup(JSON.stringify({ ...file, highlights: [first, second] }));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.skipped).toEqual([
      {
        where: `highlights[1] ("${first.id}")`,
        reason: 'has the id of another highlight earlier in the file (that one was kept)',
      },
    ]);
    await restoreBackup(parsed.backup, 'replace', { db });
    expect((await readBackupRecords(db)).highlights).toEqual([first]);
    await clearAll(db);
    await restoreBackup(parsed.backup, 'merge', { db });
    expect((await readBackupRecords(db)).highlights).toEqual([first]);
  });

  it('a backup is written only if Shelf can read it back: one too large is refused, saying why', async () => {
    const backup = await exportNow();
    const text = backupText(backup);
    expect(parseBackup(text).ok).toBe(true);
    expect(() => backupText(backup, text.length - 1)).toThrow(/larger than \d+ MB, more than Shelf can restore/);
    // Measured in bytes, as the restore measures the file: Chinese text takes three a character.
    expect(utf8Length('aé中😀')).toBe(new TextEncoder().encode('aé中😀').length);
    const records = await readBackupRecords(db);
    const chinese = createBackup(
      { ...records, items: records.items.map((item) => ({ ...item, title: '连接池'.repeat(300) })) },
      {},
    );
    const chineseText = backupText(chinese);
    expect(utf8Length(chineseText)).toBeGreaterThan(chineseText.length + 1000);
    expect(() => backupText(chinese, chineseText.length)).toThrow(/more than Shelf can restore/);
    // The largest export and the largest restore are one limit, above what thousands of copies take.
    expect(backupText.length).toBe(1);
    expect(MAX_BACKUP_BYTES).toBeGreaterThanOrEqual(500 * 1024 * 1024);
  });

  it('skips progress and copies of items that are not in the file', async () => {
    const backup = await exportNow();
    const orphanProgress = {
      itemId: 'article:ghost',
      fraction: 0.5,
      anchor: { scrollFraction: 0.5, scrollY: 1 },
      updatedAt: 1,
    };
    const orphanCapture = { ...backup.captures[0]!, itemId: 'page:ghost' };
    const restored = parse({
      ...backup,
      progress: [...backup.progress, orphanProgress],
      captures: [...backup.captures, orphanCapture],
    });
    expect(restored.skipped.map((s) => s.reason)).toEqual([
      'belongs to no item in the file',
      'belongs to no item in the file',
    ]);
    await deleteEverything(db);
    await restoreBackup(restored, 'merge', { db });
    expect(await getReaderData('article:ghost', db).then((data) => data.progress)).toBeUndefined();
    expect(await getReaderData('page:ghost', db).then((data) => data.capture)).toBeUndefined();
  });

  it('never turns remote images on, and says so', async () => {
    const backup = { ...(await exportNow()), preferences: { allowRemoteImages: true } };
    const report = await restoreBackup(parse(backup), 'merge', { db });
    expect(await getPreference(PREFERENCES.allowRemoteImages)).toBe(false);
    expect(report.skipped).toEqual([
      { where: 'setting "allowRemoteImages"', reason: expect.stringMatching(/not restored/) },
    ]);
  });

  it('restores "related articles on every site" only where the permission is already given', async () => {
    const backup = { ...(await exportNow()), preferences: { relatedPlacement: 'everywhere' } };
    const report = await restoreBackup(parse(backup), 'merge', { db });
    expect(await getPreference(PREFERENCES.relatedPlacement)).toBe('blog');
    expect(report.skipped[0]?.reason).toMatch(/need your permission/);
    // Said as the import of a dropped backup says it, after the count of items: a setting is no item
    // skipped (review: "Skipped 1: setting "relatedPlacement" (…)" beside the records).
    const summary = describeRestore('b.json', report, 'merge');
    expect(summary).toBe(
      `Imported b.json: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged. ` +
        'Settings not restored: related placement (related articles on every site need your permission: choose it again in Settings).',
    );
    const withBadItem = {
      ...report,
      skipped: [...report.skipped, { where: 'item 4', reason: 'a saved page without an address' }],
    };
    expect(describeRestore('b.json', withBadItem, 'merge')).toBe(
      `${summary} Skipped 1: item 4 (a saved page without an address).`,
    );
    // A file naming a thousand settings this version does not know: the first few, and how many more.
    const unknown = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`unknownSetting${i}`, true]));
    const many = await restoreBackup(parse({ ...(await exportNow()), preferences: unknown }), 'merge', { db });
    expect(describeRestore('b.json', many, 'merge')).toBe(
      `Imported b.json: ${many.added} added, ${many.updated} updated, ${many.unchanged} unchanged. Settings not restored: ` +
        'unknown setting0 (not a setting this version of Shelf knows); unknown setting1 (not a setting this version of ' +
        'Shelf knows); unknown setting2 (not a setting this version of Shelf knows); 997 more.',
    );
    // A name with a line break in it (a hand-edited or hostile file) is still a setting, not a skipped item.
    const broken = await restoreBackup(parse({ ...(await exportNow()), preferences: { 'a\nb': 1 } }), 'merge', { db });
    expect(describeRestore('b.json', broken, 'merge')).toMatch(/Settings not restored: a\nb/);
    expect(describeRestore('b.json', broken, 'merge')).not.toMatch(/Skipped/);
  });

  it('sanitizes readable copies again before storing them', async () => {
    const backup = await exportNow();
    const hostile = backup.captures.map((c) => ({
      ...c,
      html: '<p>ok</p><img src=x onerror=alert(1)><script>alert(2)</script>',
    }));
    await restoreBackup(parse({ ...backup, captures: hostile }), 'replace', { db });
    const html = (await readBackupRecords(db).then((records) => records.captures))[0]?.html ?? '';
    expect(html).toContain('<p>ok</p>');
    expect(html).not.toMatch(/onerror|<script/);
  });

  it('restores a copy nested 5,000 levels deep as the 512 levels a browser builds, every word kept', async () => {
    // Chromium's parser took 45 s on such a copy 100,000 levels deep (jsdom keeps every level).
    const backup = await exportNow();
    const deep = `<h1>Deep</h1>${'<div>'.repeat(5_000)}<p>Words at the bottom.</p>${'</div>'.repeat(5_000)}<p>After.</p>`;
    await restoreBackup(parse({ ...backup, captures: backup.captures.map((c) => ({ ...c, html: deep })) }), 'replace', {
      db,
    });
    const [restored] = await readBackupRecords(db).then((records) => records.captures);
    expect(restored?.html.match(/<div>/g)).toHaveLength(MAX_MARKUP_DEPTH - 2); // under <html> and <body>
    expect(restored?.text).toContain('Words at the bottom.');
    expect(restored?.text).toContain('After.');
  });

  it('reads a version-1 backup: ids cut from long addresses get the ids Shelf gives now, settings become preferences', async () => {
    const url = `https://example.org/${'x'.repeat(320)}`;
    const v1 = {
      format: 'shelf-backup',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      items: [
        {
          id: `page:${url}`.slice(0, 300),
          kind: 'page',
          articleId: null,
          url,
          title: 'Long',
          status: 'done',
          tags: [],
          note: '',
          addedAt: 1,
          updatedAt: 2,
        },
      ],
      progress: [
        {
          itemId: `page:${url}`.slice(0, 300),
          fraction: 0.4,
          anchor: { scrollFraction: 0.4, scrollY: 4 },
          updatedAt: 2,
        },
      ],
      settings: [{ key: 'settings', value: { showBadge: false, readerFontSize: 20 }, updatedAt: 1 }],
    };
    await deleteEverything(db);
    await restoreBackup(parse(v1), 'merge', { db });
    const id = pageItemId(url);
    expect(await getItem(id, db)).toMatchObject({ title: 'Long', status: 'done', changedAt: { status: 2 } });
    expect((await getReaderData(id, db).then((data) => data.progress))?.fraction).toBe(0.4);
    expect(await getPreference(PREFERENCES.showBadge)).toBe(false);
    expect(await getPreference(PREFERENCES.readerFontSize)).toBe(20);
  });

  // Defect 12, for restores: "Delete everything" while a long restore runs stops it.
  it('a merge restore stops when everything is deleted while it runs', async () => {
    const many: Backup = await exportNow();
    many.items = Array.from({ length: 50 }, (_, i) => ({ ...many.items[0]!, id: `article:m${i}`, articleId: `m${i}` }));
    many.progress = [];
    many.captures = [];
    const records = parse(many).records;
    const result = writeBackupRecords(records, 'merge', {
      db,
      chunkSize: 10,
      onProgress: (done) => {
        if (done === 10) void deleteEverything(db);
      },
    });
    await expect(result).rejects.toBeInstanceOf(DataDeletedError);
    expect(await countItems(db)).toBeLessThanOrEqual(10);
  });
});

const CAPTURE = capturedPage('https://example.org/page', 'A page', 'Three words here', { dir: 'ltr' });

// QA pass: a merge that ran out of room after its first 1,000 items said "nothing was imported".
describe('why a restore stopped', () => {
  const full = Object.assign(new Error('x'), { name: 'QuotaExceededError' });
  it('says a merge kept what it wrote, and that importing again finishes it', () => {
    expect(describeRestoreFailure('b.json', full, 'merge')).toBe(
      'b.json: The browser has no room left for Shelf’s data. Items written before it stopped were kept; free some space if needed and import the file again to finish (nothing is added twice).',
    );
  });
  // QA pass: "Delete everything" in another window during a merge was told as running out of space.
  it('says Delete everything stopped it, not that space ran out', () => {
    const line = describeRestoreFailure('b.json', new DataDeletedError(), 'merge');
    expect(line).toBe(`b.json: ${new DataDeletedError().message}`);
    expect(line).not.toContain('space');
  });
  it('says a replace changed nothing (one transaction)', () => {
    expect(describeRestoreFailure('b.json', new Error('aborted'), 'replace')).toBe(
      'b.json: The import stopped (aborted). Nothing was changed.',
    );
  });
  // The settings are written after the library's one transaction: one that could not be written said
  // "Nothing was changed" of a library replaced.
  it('says a replace whose settings could not be written replaced the library, and restoring again finishes it', async () => {
    await setPreference(PREFERENCES.theme, 'dark');
    const backup = parse(await exportNow());
    await saveArticle({ id: 'after-the-backup', title: 'Saved since', url: null }, { db });
    await setPreference(PREFERENCES.theme, 'light');
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const error = await restoreBackup(backup, 'replace', { db }).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(await getItem('article:after-the-backup', db)).toBeUndefined();
    expect(await getPreference(PREFERENCES.theme)).toBe('light');
    expect(describeRestoreFailure('b.json', error, 'replace')).toBe(
      'b.json: Its saved items were restored, but not its settings (QUOTA_BYTES quota exceeded). Restore the file again to restore them.',
    );
    await restoreBackup(backup, 'replace', { db });
    expect(await getPreference(PREFERENCES.theme)).toBe('dark');
  });
});
