import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, parseBackup } from '@/lib/backup/backup-file';
import { restoreBackup } from '@/lib/backup/restore';
import { readBackupRecords } from '@/lib/db/backup';
import { removeItems, savePage, setNote } from '@/lib/db/items';
import { getItem } from '@/lib/db/queries';
import { snapshotPreferences } from '@/lib/settings/preferences';
import { fakePermissionsAndScripting } from '../../helpers/fake-permissions';
import { createLibraryWorld, type LibraryBrowser, type LibraryWorld } from './library-browser';

let world: LibraryWorld;
afterEach(async () => {
  await world.close();
});

/**
 * A backup restored with sync on brings back an item removed on another browser since the backup,
 * and it stays, in either mode: "Replace everything" started sync afresh, and the older removal in
 * the sync area took the restored item (its note, copy and highlights) again (QA pass).
 */
describe.each(['merge', 'replace'] as const)('a backup restored (%s) with sync on', (mode) => {
  it('brings back an item removed elsewhere since the backup, and it stays on every browser', async () => {
    fakePermissionsAndScripting();
    world = createLibraryWorld();
    const { clock } = world;
    const [a, b] = [world.open('a'), world.open('b')];
    const sync = async (...browsers: LibraryBrowser[]) => {
      for (const each of browsers) {
        await clock.advance(2000);
        await each.engine.syncNow();
      }
    };
    const x = await savePage({ url: 'https://example.com/x', title: 'X' }, null, { db: a.db, now: clock.now() });
    await setNote(x.id, 'precious note', { db: a.db, now: clock.now() });
    const y = await savePage({ url: 'https://example.com/y', title: 'Y' }, null, { db: a.db, now: clock.now() });
    await sync(a, b, a, b);
    const file = createBackup(await readBackupRecords(a.db), await snapshotPreferences());
    await clock.advance(60_000);
    // Removed by mistake on B; the removal reaches A.
    await removeItems([x.id], { db: b.db, now: clock.now() });
    await sync(b, a, b, a);
    expect(await getItem(x.id, a.db)).toBeUndefined();

    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    await clock.advance(60_000);
    await restoreBackup(parsed.backup, mode, { db: a.db, now: clock.now() });
    await sync(a, b, a, b);
    expect((await getItem(x.id, a.db))?.note).toBe('precious note');
    expect((await getItem(x.id, b.db))?.note).toBe('precious note');
    expect(await getItem(y.id, a.db)).toBeDefined();
    // Removed again after the restore, it goes.
    await removeItems([x.id], { db: b.db, now: clock.now() });
    await sync(b, a, b, a);
    expect(await getItem(x.id, a.db)).toBeUndefined();
  });
});
