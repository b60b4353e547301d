import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup, parseBackup } from '@/lib/db/backup';
import { ShelfDatabase } from '@/lib/db/database';
import { saveArticle, setProgress, setStatus, setTags, updateSettings } from '@/lib/db/repository';

let name: string;
let db: ShelfDatabase;
beforeEach(async () => {
  name = `shelf-backup-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
  for (let i = 0; i < 5; i++) await saveArticle({ id: `a${i}`, title: `Article ${i}`, url: null }, { db, now: 10 + i });
  await setStatus(['article:a1'], 'done', { db, now: 20 });
  await setTags('article:a2', ['later', 'ünïcode'], { db, now: 21 });
  await setProgress('article:a3', { fraction: 0.6, anchor: { scrollFraction: 0.6, scrollY: 900 } }, { db, now: 22 });
  await updateSettings({ showBadge: false }, { db, now: 23 });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const text = async () => JSON.stringify(await exportBackup(db, new Date('2026-11-26T00:00:00Z')));

describe('backup', () => {
  it('export → wipe → import gives identical data', async () => {
    const before = await exportBackup(db, new Date(0));
    const parsed = parseBackup(await text());
    if (!parsed.ok) throw new Error(parsed.error);
    await Promise.all([db.items.clear(), db.progress.clear(), db.settings.clear()]);
    expect(await importBackup(parsed.backup, 'merge', db)).toMatchObject({ added: 5 + 1 + 1 });
    expect(await exportBackup(db, new Date(0))).toEqual(before);
  });

  it('merging the same file twice changes nothing the second time', async () => {
    const parsed = parseBackup(await text());
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await importBackup(parsed.backup, 'merge', db)).toEqual({ added: 0, updated: 0, unchanged: 7, removed: 0 });
  });

  it('merge keeps whichever side is newer', async () => {
    const parsed = parseBackup(await text());
    if (!parsed.ok) throw new Error(parsed.error);
    await setStatus(['article:a0'], 'archived', { db, now: 100 }); // newer here
    const older = parsed.backup;
    const newerInFile = {
      ...older,
      items: older.items.map((i) => (i.id === 'article:a4' ? { ...i, status: 'done' as const, updatedAt: 200 } : i)),
    };
    await importBackup(newerInFile, 'merge', db);
    expect((await db.items.get('article:a0'))?.status).toBe('archived');
    expect((await db.items.get('article:a4'))?.status).toBe('done');
  });

  it('an import with one invalid record changes nothing and names the record', async () => {
    const before = await exportBackup(db, new Date(0));
    const data = JSON.parse(await text());
    data.items.push({ ...data.items[0], id: 'article:new-one' });
    data.items[2].status = 'finished';
    const parsed = parseBackup(JSON.stringify(data));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/items\[2\] \("article:a2"\), field "status"/);
    expect(await exportBackup(db, new Date(0))).toEqual(before);
  });

  it.each([
    ['not JSON', '{"format": "shelf-backup",', /not valid JSON/],
    ['another file', '{"hello": 1}', /not a Shelf backup/],
    ['a newer version', JSON.stringify({ format: 'shelf-backup', version: 99 }), /version/],
  ])('rejects %s with a clear message', (_case, content, message) => {
    const parsed = parseBackup(content);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('replace makes the database equal to the file', async () => {
    const parsed = parseBackup(await text());
    if (!parsed.ok) throw new Error(parsed.error);
    await saveArticle({ id: 'extra', title: 'Extra', url: null }, { db });
    await importBackup(parsed.backup, 'replace', db);
    expect(await db.items.get('article:extra')).toBeUndefined();
    expect(await db.items.count()).toBe(5);
  });
});
