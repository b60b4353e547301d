import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchDatabaseChanges } from '@/lib/db/change-signal';
import { ShelfDatabase } from '@/lib/db/database';
import { saveArticle, setNote } from '@/lib/db/items';
import { saveSyncReplica } from '@/lib/db/sync';

let name: string;
let db: ShelfDatabase;
beforeEach(() => {
  name = `shelf-signal-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
});
afterEach(async () => {
  await db.delete();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the change signal (watchDatabaseChanges)', () => {
  // QA pass: with sync on, "Last synced" moved every five seconds with nothing changed, each round
  // reading the whole library: saving the record of the last sync signalled a change, which asked for a sync.
  it('is given by a change of the user’s data, not by sync saving its record of the last sync', async () => {
    let signals = 0;
    const stop = watchDatabaseChanges(name, () => signals++, 0);
    try {
      const item = await saveArticle({ id: 'cache-stampede', title: 'Cache Stampede', url: null }, { db });
      await settle();
      const afterSave = signals;
      expect(afterSave).toBeGreaterThan(0);
      await saveSyncReplica('epoch\n{"items":[]}', db);
      await settle();
      expect(signals).toBe(afterSave);
      await setNote(item.id, 'read twice', { db });
      await settle();
      expect(signals).toBeGreaterThan(afterSave);
    } finally {
      stop();
    }
  });
});
