import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBackupRecords } from '@/lib/db/backup';
import { clearAll } from '@/lib/db/clear';
import { ShelfDatabase } from '@/lib/db/database';
import { pageItemId } from '@/lib/db/ids';
import { removeItems, restoreRemoved, savePage } from '@/lib/db/items';
import { recordRemovals } from '@/lib/db/removals';
import { readSyncLibrary } from '@/lib/db/sync';
import { unsaveItems } from '@/lib/db/unsave';

let db: ShelfDatabase;
const A = 'https://a.example/1';
const B = 'https://b.example/2';

beforeEach(() => {
  db = new ShelfDatabase(`shelf-removals-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('when items were removed, for sync', () => {
  it('notes each removal with its time, whichever way the item went', async () => {
    await savePage({ url: A, title: 'A' }, null, { db, now: 1_000 });
    await savePage({ url: B, title: 'B' }, null, { db, now: 1_000 });
    await unsaveItems([pageItemId(A)], { db, now: 5_000 });
    await removeItems([pageItemId(B), pageItemId('https://never.example/')], { db, now: 7_000 });
    // Only what was there: an id never saved is no removal.
    expect((await readSyncLibrary(db)).removedAt).toEqual({ [pageItemId(A)]: 5_000, [pageItemId(B)]: 7_000 });
  });

  it('keeps the latest removal of an item removed again', async () => {
    await savePage({ url: A, title: 'A' }, null, { db, now: 1_000 });
    const snapshot = await unsaveItems([pageItemId(A)], { db, now: 2_000 });
    await restoreRemoved(snapshot, { db });
    await unsaveItems([pageItemId(A)], { db, now: 9_000 });
    expect((await readSyncLibrary(db)).removedAt).toEqual({ [pageItemId(A)]: 9_000 });
  });

  it('keeps only what sync uses: 30 days, the newest 5,000', async () => {
    const day = 24 * 60 * 60 * 1000;
    await db.transaction('rw', db.meta, async () => {
      await recordRemovals(db, ['old'], 1_000);
      await recordRemovals(db, ['recent'], 171 * day);
      await recordRemovals(db, ['newest'], 200 * day);
    });
    expect((await readSyncLibrary(db)).removedAt).toEqual({ recent: 171 * day, newest: 200 * day });

    const many = Array.from({ length: 6_000 }, (_, i) => `item-${i}`);
    await db.transaction('rw', db.meta, () => recordRemovals(db, many, 201 * day));
    const { removedAt } = await readSyncLibrary(db);
    expect(Object.keys(removedAt)).toHaveLength(5_000);
  });

  it('forgets them with the library: Delete everything, and Replace everything from a backup', async () => {
    await savePage({ url: A, title: 'A' }, null, { db, now: 1_000 });
    await unsaveItems([pageItemId(A)], { db, now: 2_000 });
    await writeBackupRecords({ items: [], progress: [], captures: [], catalogOverlay: [], highlights: [] }, 'replace', {
      db,
    });
    expect((await readSyncLibrary(db)).removedAt).toEqual({});

    await savePage({ url: B, title: 'B' }, null, { db, now: 3_000 });
    await unsaveItems([pageItemId(B)], { db, now: 4_000 });
    await clearAll(db);
    expect((await readSyncLibrary(db)).removedAt).toEqual({});
  });
});
