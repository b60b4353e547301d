// @vitest-environment node
// Node's Blob and structuredClone (what fake-indexeddb stores with); jsdom's Blob cannot be cloned.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDatabase } from '@/lib/db/database';
import { getItemImages, storeItemImages } from '@/lib/db/images';
import { removeItems, savePage } from '@/lib/db/items';
import { capturedPage } from '@/tests/unit/helpers/captured-page';

let name: string;
let db: ShelfDatabase;

beforeEach(() => {
  name = `shelf-test-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const copy = (title: string) => capturedPage(`https://example.org/${title}`, title, 'x', { lang: null });
const png = (bytes: number) => new Blob([new Uint8Array(bytes)], { type: 'image/png' });

describe('images kept with a copy', () => {
  it('stores them as blobs by item and address, and a new copy replaces them', async () => {
    const item = await savePage({ url: 'https://example.org/a', title: 'a' }, copy('a'), { db });
    await storeItemImages(item.id, [{ url: 'https://example.org/1.png', blob: png(10) }], { db, now: 5 });
    const [stored] = await getItemImages(item.id, db);
    expect(stored).toMatchObject({ itemId: item.id, url: 'https://example.org/1.png', bytes: 10, storedAt: 5 });
    expect(stored?.blob.type).toBe('image/png');
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toHaveLength(10);

    await storeItemImages(item.id, [{ url: 'https://example.org/2.png', blob: png(3) }], { db });
    expect((await getItemImages(item.id, db)).map((image) => image.url)).toEqual(['https://example.org/2.png']);
  });

  it('drops the images of items that no longer have a copy at the next save, not those of others', async () => {
    const gone = await savePage({ url: 'https://example.org/gone', title: 'gone' }, copy('gone'), { db });
    const kept = await savePage({ url: 'https://example.org/kept', title: 'kept' }, copy('kept'), { db });
    await storeItemImages(gone.id, [{ url: 'https://example.org/g.png', blob: png(1) }], { db });
    await storeItemImages(kept.id, [{ url: 'https://example.org/k.png', blob: png(1) }], { db });
    await removeItems([gone.id], { db });
    const next = await savePage({ url: 'https://example.org/next', title: 'next' }, copy('next'), { db });
    await storeItemImages(next.id, [], { db });
    expect(await getItemImages(gone.id, db)).toEqual([]);
    expect(await getItemImages(kept.id, db)).toHaveLength(1);
  });
});
