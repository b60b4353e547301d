import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfDatabase } from '@/lib/db/database';

const name = 'shelf-migration-test';
afterEach(() => Dexie.delete(name));

describe('schema versions', () => {
  it('a database written by version 1 opens under the current version with every record intact', async () => {
    // Version 1 exactly as it shipped.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      items: 'id, status, addedAt, updatedAt, *tags',
      progress: 'itemId, updatedAt',
      settings: 'key',
    });
    const items = Array.from({ length: 50 }, (_, i) => ({
      id: `article:a${i}`,
      url: null,
      title: `A ${i}`,
      status: i % 2 ? 'done' : 'unread',
      tags: [`t${i % 3}`],
      note: '',
      addedAt: i,
      updatedAt: i,
    }));
    await v1.table('items').bulkAdd(items);
    await v1
      .table('progress')
      .add({ itemId: 'article:a1', fraction: 0.3, anchor: { scrollFraction: 0.3, scrollY: 9 }, updatedAt: 3 });
    await v1.table('settings').add({ key: 'settings', value: { showBadge: false }, updatedAt: 1 });
    v1.close();

    const current = new ShelfDatabase(name);
    const migrated = await current.items.orderBy('id').toArray();
    expect(migrated).toHaveLength(50);
    for (const item of migrated) {
      const before = items.find((i) => i.id === item.id)!;
      expect(item).toEqual({ ...before, kind: 'article', articleId: item.id.slice('article:'.length) });
    }
    expect(await current.items.where('kind').equals('article').count()).toBe(50);
    expect(await current.progress.get('article:a1')).toMatchObject({ fraction: 0.3 });
    expect((await current.settings.get('settings'))?.value).toEqual({ showBadge: false });
    current.close();
  });
});
