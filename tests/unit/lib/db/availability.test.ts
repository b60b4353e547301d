import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '@/lib/db/availability';
import { ShelfDatabase } from '@/lib/db/database';

/** An IndexedDB whose `open` fails the way Firefox's does for extension pages in a private window. */
function refusingIndexedDB(): IDBFactory {
  const refuse = () => {
    const request = {
      error: new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      ),
    } as { error: DOMException; onerror?: (event: unknown) => void };
    setTimeout(() => request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} }));
    return request;
  };
  return { open: refuse, deleteDatabase: refuse, cmp: indexedDB.cmp.bind(indexedDB) } as unknown as IDBFactory;
}

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
