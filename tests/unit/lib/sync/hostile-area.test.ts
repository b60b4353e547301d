import { deflateSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { savePage } from '@/lib/db/items';
import { getItem, getItemsForExport } from '@/lib/db/queries';
import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { createSyncedPreferences } from '@/lib/settings/synced-preferences';
import { chunkChecksum } from '@/lib/sync/chunk-codec';
import { bytesToText } from '@/lib/sync/text-codec';
import { createLibraryWorld, type LibraryBrowser, type LibraryWorld } from './library-browser';

/**
 * What another "browser" may write to the sync area is input like any import: the same rules hold
 * (red-team findings). Item records are [id, t0 - b, device, tombstone, field mask, ...values];
 * mask 63 = url, title, status, tags, note, addedAt.
 */
let world: LibraryWorld;
afterEach(async () => world?.close());

function areaWithItems(items: unknown[][]): Record<string, unknown> {
  const base = Math.floor(world.clock.now() / 1000) - 10;
  const text = bytesToText(deflateSync(strToU8(JSON.stringify({ b: base, d: ['dev-evil'], i: items })), { level: 9 }));
  return { sync: { v: 1, w: 'dev-evil', t: 1, c: [['0', chunkChecksum(text)]] }, 'sync.0': text };
}

describe('a sync area written by someone else', () => {
  it('cannot bring an address that is not a web address', async () => {
    world = createLibraryWorld();
    const b = world.open('b');
    world.shared.writeRaw(
      areaWithItems([['page:evil', 0, 0, null, 63, 'javascript:alert(document.domain)', 'Click me', 0, [], '', 0]]),
    );
    b.engine.start();
    await world.clock.advance(10_000);
    expect(await getItem('page:evil', b.db)).toBeUndefined();
    expect(b.reports.at(-1)?.lastError).toMatchObject({ kind: 'unreadable' });
  });

  // Cutting what another library keeps to the editor's 20 of 40 characters took tags from it (QA
  // pass). A tag holding a separator of Shelf's exports is kept as its parts, as imports keep it.
  it('brings tags as an import keeps them: no line breaks, trimmed, lower-case, once each, separators between them', async () => {
    world = createLibraryWorld();
    const b = world.open('b');
    const tags = [
      'Databases',
      'x\n---',
      'a,b',
      '  spaced  ',
      'databases',
      ...Array.from({ length: 45 }, (_, n) => `T${n}`),
    ];
    world.shared.writeRaw(areaWithItems([['', 0, 0, null, 63, 'https://example.org/post', 'A post', 0, tags, '', 0]]));
    b.engine.start();
    await world.clock.advance(10_000);
    const items = await getItemsForExport(b.db);
    expect(items.map((item) => [item.url, item.tags])).toEqual([
      [
        'https://example.org/post',
        ['databases', 'x ---', 'a', 'b', 'spaced', ...Array.from({ length: 45 }, (_, n) => `t${n}`)],
      ],
    ]);
  });

  // Saving, importing, restoring and the database's own upgrade keep a title as one plain line: a
  // U+202E in it ran Shelf's own words backwards on the item's row.
  it('brings a title as every other way in keeps it: one plain line, no bidi overrides or control characters', async () => {
    world = createLibraryWorld();
    const b = world.open('b');
    const title = 'Invoice\u202Efdp.exe\u0007\nnext line';
    world.shared.writeRaw(areaWithItems([['', 0, 0, null, 63, 'https://example.org/post', title, 0, [], '', 0]]));
    b.engine.start();
    await world.clock.advance(10_000);
    const items = await getItemsForExport(b.db);
    expect(items.map((item) => item.title)).toEqual(['Invoice fdp.exe next line']);
  });

  // A newer Shelf may offer a theme this one does not know: this browser keeps its own, and must
  // leave the other's choice in the area rather than send its own back over it at its next sync.
  it('a setting value this version refuses stays in the area: the other browser keeps its choice', async () => {
    world = createLibraryWorld();
    const { clock } = world;
    const newer = world.open('newer');
    const here = world.open('here', { preferences: createSyncedPreferences(() => clock.now()) });
    const syncIn = async (...browsers: LibraryBrowser[]) => {
      for (const browser of browsers) {
        await clock.advance(2_000);
        await browser.engine.syncNow();
      }
    };
    await setPreference(PREFERENCES.theme, 'dark');
    await syncIn(here, newer);
    expect(newer.preferences.get('theme')).toBe('dark');
    newer.preferences.set('theme', 'midnight');
    await syncIn(newer, here);
    expect(await getPreference(PREFERENCES.theme)).toBe('dark');
    // Any later sync here (a page saved) must not put "dark" back over the newer browser's choice.
    await savePage({ url: 'https://example.org/later', title: 'Later' }, null, { db: here.db, now: clock.now() });
    await syncIn(here, newer, here);
    expect(newer.preferences.get('theme')).toBe('midnight');
    expect(await getPreference(PREFERENCES.theme)).toBe('dark');
  });
});
