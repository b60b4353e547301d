import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '@/lib/db/availability';
import { ShelfDatabase } from '@/lib/db/database';
import { refusingIndexedDB } from '@/tests/unit/helpers/refusing-indexeddb';

describe('checkDatabase', () => {
  it('is null when the database opens', async () => {
    const db = new ShelfDatabase(`availability-${crypto.randomUUID()}`);
    await expect(checkDatabase(db, { privateWindow: false })).resolves.toBeNull();
    db.close();
  });

  it('explains a private window, where Firefox refuses extensions IndexedDB', async () => {
    const db = new Dexie('refused', { indexedDB: refusingIndexedDB(), IDBKeyRange });
    db.version(1).stores({ items: 'id' });
    const message = await checkDatabase(db, { privateWindow: true });
    expect(message).toMatch(/private window/);
    expect(message).toMatch(/normal window/);
  });

  it('names the error anywhere else', async () => {
    const db = new Dexie('refused', { indexedDB: refusingIndexedDB(), IDBKeyRange });
    db.version(1).stores({ items: 'id' });
    expect(await checkDatabase(db, { privateWindow: false })).toMatch(/could not open its storage.*InvalidStateError/);
  });
});
