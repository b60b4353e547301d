import Dexie from 'dexie';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '@/lib/backup/backup-file';
import { readBackupRecords } from '@/lib/db/backup';
import { ShelfDatabase } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';
import { getEpoch } from '@/lib/db/meta';
import { countItems } from '@/lib/db/queries';
import { applyImport } from '@/lib/import/apply-import';
import { importFile } from '@/lib/import/import-file';
import { readImportFile } from '@/lib/import/read-import-file';
import { deleteEverything } from '@/lib/settings/delete-everything';
import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';

let name: string;
let db: ShelfDatabase;
beforeEach(() => {
  name = `shelf-import-file-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const encode = (text: string) => new TextEncoder().encode(text);

async function backupFileText(preferences: Record<string, unknown> = {}) {
  const source = new ShelfDatabase(`${name}-source`);
  await saveArticle({ id: 'a1', title: 'One', url: null }, { db: source });
  await saveArticle({ id: 'a2', title: 'Two', url: null }, { db: source });
  const text = JSON.stringify(createBackup(await readBackupRecords(source), preferences), null, 1);
  source.close();
  await Dexie.delete(`${name}-source`);
  return text;
}

describe('importFile', () => {
  // Defect 7: a backup with whitespace before `{` was "not an export Shelf knows".
  it.each([
    ['spaces and a newline', '  \n'],
    ['a byte-order mark and a tab', '\ufeff\t'],
  ])('recognises a Shelf backup with %s before the first brace', async (_case, prefix) => {
    const result = await importFile({ name: 'backup.json', bytes: encode(prefix + (await backupFileText())) }, { db });
    expect(result).toMatchObject({ ok: true, summary: { format: 'Shelf backup', added: 2 } });
    expect(await countItems(db)).toBe(2);
  });

  // Review: a backup whose reader theme this browser kept read "2 records — 2 added, …, 1 skipped": a
  // setting is no record, and one kept is not skipped. Said as Settings' restore says it.
  it('counts the items of a dropped backup, and says its settings apart, kept as kept', async () => {
    await setPreference(PREFERENCES.readerTheme, 'sepia');
    const bytes = encode(await backupFileText({ readerTheme: 'dark', readerFontSize: 'huge' }));
    const result = await importFile({ name: 'backup.json', bytes }, { db });
    expect(result).toMatchObject({ ok: true, summary: { total: 2, added: 2, skipped: [] } });
    expect(result.ok && result.message).toBe(
      'backup.json (Shelf backup): 2 records — 2 added, 0 merged into items already saved, 0 already in Shelf, 0 skipped. ' +
        'Kept as this browser has them: reader theme. Settings not restored: reader font size (its value is not valid).',
    );
    expect(await getPreference(PREFERENCES.readerTheme)).toBe('sepia');
  });

  // Defect 7: a full disk while merging a dropped backup was reported as "could not be read".
  it('says the disk is full when it is, for a dropped backup', async () => {
    const full = Object.assign(Object.create(db), {
      transaction: () => Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' })),
    });
    const result = await importFile({ name: 'backup.json', bytes: encode(await backupFileText()) }, { db: full });
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^backup\.json: The browser has no room left/),
    });
  });

  // Defect 8: "list.txt: list.txt is empty…".
  it.each([
    ['list.txt', '', 'list.txt: The file is empty. Nothing was imported.'],
    ['notes.txt', 'buy milk\ncall mum\n', /^notes\.txt: This is not an export Shelf knows/],
    [
      'blob.txt',
      'a\u0000b',
      'blob.txt: The file is not a text file (it looks binary, or is a damaged zip). Nothing was imported.',
    ],
  ])('names %s once in its error', async (fileName, text, message) => {
    const result = await importFile({ name: fileName, bytes: encode(text) }, { db });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error.split(fileName)).toHaveLength(2);
    }
  });

  // #14, item 11: a zip of zeros was reported as "is empty".
  it('says what is wrong with a zip of binary zeros, and refuses one that would unpack past the cap', () => {
    const zeros = zipSync({ 'part_000000.csv': new Uint8Array(1024 * 1024) });
    expect(() => readImportFile('zeros.zip', zeros)).toThrow(/part_000000\.csv in the zip is not a text file/);
    // A small zip whose directory claims 900 MB: refused from its directory, before unpacking anything.
    const liar = zipSync({ 'part_000000.csv': strToU8('title,url\n') });
    const view = new DataView(liar.buffer);
    for (let i = 0; i < liar.length - 4; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x02014b50) view.setUint32(i + 24, 900 * 1024 * 1024, true); // central directory: size
      if (signature === 0x04034b50) view.setUint32(i + 22, 900 * 1024 * 1024, true); // local header: size
    }
    expect(() => readImportFile('bomb.zip', liar)).toThrow(/unpacks to more than 300 MB/);
  });

  // Defect 12: "Delete everything" during a 20,000-row import left 17,000–18,000 items.
  it('stops an import when everything is deleted while it runs, and says so', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `https://example.com/${i}`).join('\n');
    const parsed = readImportFile('urls.txt', encode(rows));
    const summary = await applyImport(parsed, {
      db,
      chunkSize: 20,
      onProgress: (done) => {
        if (done === 40) void deleteEverything(db);
      },
    });
    expect(summary.stoppedEarly).toMatch(/Everything was deleted while importing/);
    expect(await countItems(db)).toBe(0);
  });

  // QA pass: "Delete everything" while a 100,000-row file was still being read and checked (seconds,
  // before any item is written) let the import write every item back afterwards.
  it.each([
    ['an export file', 'urls.txt', async () => encode('https://example.com/a\nhttps://example.com/b')],
    ['a Shelf backup', 'shelf-backup.json', async () => encode(await backupFileText())],
  ])(
    'stops %s when everything was deleted while it was being read, and writes nothing',
    async (_, fileName, bytesOf) => {
      const bytes = await bytesOf();
      const epoch = await getEpoch(db); // the file was chosen
      await deleteEverything(db); // while it was being read
      const result = await importFile({ name: fileName, bytes }, { db, epoch });
      expect(await countItems(db)).toBe(0);
      if (result.ok) expect(result.summary.stoppedEarly).toMatch(/Everything was deleted while importing/);
      else expect(result.error).toMatch(/deleted/);
    },
  );
});
