import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ShelfDatabase } from '@/lib/db/database';
import { addHighlight, deleteHighlight, updateHighlight } from '@/lib/db/highlights';
import { pageItemId } from '@/lib/db/ids';
import { removeItems, savePage, setNote, setStatus, setTags } from '@/lib/db/items';
import { setProgress } from '@/lib/db/progress';
import { getItem } from '@/lib/db/queries';
import { HIGHLIGHT_COLORS } from '@/lib/db/schema';
import { applySyncChanges, readSyncEpoch, readSyncLibrary } from '@/lib/db/sync';
import { unsaveItems } from '@/lib/db/unsave';
import { SYNC_QUOTAS } from '@/lib/sync/quotas';
import { readRemoteState } from '@/lib/sync/remote-state';
import { createLibraryWorld, type LibraryBrowser, libraryView } from './library-browser';
import { realisticLibrary } from './realistic-library';

/**
 * Randomized histories on three browsers, each with its own real database (lib/db), sharing one
 * sync area: saves, edits, progress, removals and highlights (added, recoloured, deleted) in any
 * order with syncs in between. Once every browser has synced a few times they all show the same
 * library, the area is left alone after that, and no quota was ever exceeded.
 */
const URLS = ['https://a.example/1', 'https://b.example/2', 'https://c.example/3'];

type Command =
  | { kind: 'save' | 'remove'; browser: number; page: number }
  | { kind: 'status'; browser: number; page: number; status: 'unread' | 'reading' | 'done' | 'archived' }
  | { kind: 'note'; browser: number; page: number; note: string }
  | { kind: 'tags'; browser: number; page: number; tags: string[] }
  | { kind: 'progress'; browser: number; page: number; fraction: number }
  | { kind: 'highlight'; browser: number; page: number; word: string }
  | { kind: 'recolor'; browser: number; nth: number; color: (typeof HIGHLIGHT_COLORS)[number] }
  | { kind: 'unhighlight'; browser: number; nth: number }
  | { kind: 'sync'; browser: number };

const browser = fc.nat({ max: 2 });
const page = fc.nat({ max: URLS.length - 1 });
const nth = fc.nat({ max: 3 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constantFrom('save' as const, 'remove' as const), browser, page }),
  fc.record({
    kind: fc.constant('status' as const),
    browser,
    page,
    status: fc.constantFrom('unread' as const, 'reading' as const, 'done' as const, 'archived' as const),
  }),
  fc.record({ kind: fc.constant('note' as const), browser, page, note: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('tags' as const), browser, page, tags: fc.subarray(['x', 'y', 'z']) }),
  fc.record({ kind: fc.constant('progress' as const), browser, page, fraction: fc.constantFrom(0.1, 0.5, 1) }),
  fc.record({ kind: fc.constant('highlight' as const), browser, page, word: fc.constantFrom('one', 'two') }),
  fc.record({ kind: fc.constant('recolor' as const), browser, nth, color: fc.constantFrom(...HIGHLIGHT_COLORS) }),
  fc.record({ kind: fc.constant('unhighlight' as const), browser, nth }),
  fc.record({ kind: fc.constant('sync' as const), browser }),
);

async function nthHighlight(db: ShelfDatabase, n: number): Promise<string | undefined> {
  const all = (await readSyncLibrary(db)).highlights;
  return all.sort((a, b) => (a.id < b.id ? -1 : 1))[n % Math.max(1, all.length)]?.id;
}

async function run(step: Command, on: LibraryBrowser, now: number): Promise<void> {
  const write = { db: on.db, now };
  if (step.kind === 'sync') {
    await on.engine.syncNow();
    return;
  }
  if (step.kind === 'recolor' || step.kind === 'unhighlight') {
    const id = await nthHighlight(on.db, step.nth);
    if (!id) return;
    if (step.kind === 'recolor') await updateHighlight(id, { color: step.color }, write);
    else await deleteHighlight(id, write);
    return;
  }
  const url = URLS[step.page] as string;
  const id = pageItemId(url);
  if (step.kind === 'save') await savePage({ url, title: `Page ${step.page}` }, null, write);
  else if (step.kind === 'remove') await removeItems([id], write);
  else if (step.kind === 'status') await setStatus([id], step.status, write);
  else if (step.kind === 'note') await setNote(id, step.note, write);
  else if (step.kind === 'tags') await setTags(id, step.tags, write);
  else if (step.kind === 'progress')
    await setProgress(id, { fraction: step.fraction, anchor: { scrollFraction: step.fraction, scrollY: 10 } }, write);
  else if (step.kind === 'highlight')
    await addHighlight(id, { quote: { type: 'TextQuoteSelector', exact: step.word } }, {}, write);
}

/** `highlighter` saves the page and highlights a word; a second later `remover` saves it too and, a second after, removes it. */
async function highlightThenRemoveElsewhere(
  world: ReturnType<typeof createLibraryWorld>,
  { highlighter, remover }: { highlighter: LibraryBrowser; remover: LibraryBrowser },
  url: string,
  title: string,
) {
  const id = pageItemId(url);
  await savePage({ url, title }, null, { db: highlighter.db, now: world.clock.now() });
  await addHighlight(
    id,
    { quote: { type: 'TextQuoteSelector', exact: 'retries' } },
    {},
    { db: highlighter.db, now: world.clock.now() },
  );
  await world.clock.advance(1_000);
  await savePage({ url, title }, null, { db: remover.db, now: world.clock.now() });
  await world.clock.advance(1_000);
  await unsaveItems([id], { db: remover.db, now: world.clock.now() });
}

describe('sync over the real library', () => {
  it('a page removed before this browser ever synced it is removed where another browser saved it earlier', async () => {
    const world = createLibraryWorld();
    try {
      const [a, b] = ['a', 'b'].map((name) => world.open(name)) as [LibraryBrowser, LibraryBrowser];
      const url = URLS[0] as string;
      await a.engine.syncNow(); // not its first sync: removals from before that stay its own
      await world.clock.advance(1_000);
      await savePage({ url, title: 'Page 0' }, null, { db: a.db, now: world.clock.now() });
      await world.clock.advance(1_000);
      await savePage({ url, title: 'Page 0' }, null, { db: b.db, now: world.clock.now() });
      await world.clock.advance(1_000);
      // The user's way to remove a page (it keeps the reading position for a later save).
      await unsaveItems([pageItemId(url)], { db: a.db, now: world.clock.now() });
      for (let round = 0; round < 3; round++)
        for (const each of [b, a]) {
          await world.clock.advance(2_000);
          await each.engine.syncNow();
        }
      // The removal was the last thing done to the page: before, 'a' sent nothing and 'b's copy came back.
      expect(await libraryView(a.db)).toEqual([]);
      expect(await libraryView(b.db)).toEqual([]);
    } finally {
      await world.close();
    }
  });

  it('…but never over a copy with highlights made in the other browser: that copy comes back', async () => {
    const world = createLibraryWorld();
    try {
      const [a, b] = ['a', 'b'].map((name) => world.open(name)) as [LibraryBrowser, LibraryBrowser];
      const url = URLS[1] as string;
      const id = pageItemId(url);
      await a.engine.syncNow();
      await world.clock.advance(1_000);
      await highlightThenRemoveElsewhere(world, { highlighter: b, remover: a }, url, 'Page 1');
      for (let round = 0; round < 3; round++)
        for (const each of [b, a]) {
          await world.clock.advance(2_000);
          await each.engine.syncNow();
        }
      for (const each of [a, b]) {
        expect((await libraryView(each.db)).map((item) => item.id)).toEqual([id]);
        expect(await nthHighlight(each.db, 0)).toBeTruthy();
      }
    } finally {
      await world.close();
    }
  });

  // Found in review: only highlights in the area protected their page, and when the library
  // outgrows the area highlights are left out first. Before the fix 'a' removed 'b's page with
  // the highlight that did not fit.
  it('…nor while highlights did not fit in the area: the copy comes back with its highlight', async () => {
    const world = createLibraryWorld();
    try {
      const [a, b] = ['a', 'b'].map((name) => world.open(name)) as [LibraryBrowser, LibraryBrowser];
      const url = URLS[2] as string;
      const id = pageItemId(url);
      const now = world.clock.now();
      // More than the area holds: every item goes before any highlight, so 'b's highlights stay out.
      const library = { readAt: now, put: realisticLibrary(1_000, { now }), remove: [] };
      await applySyncChanges({ ...library, putHighlights: [], removeHighlights: [] }, await readSyncEpoch(b.db), b.db);
      await a.engine.syncNow();
      await world.clock.advance(1_000);
      await highlightThenRemoveElsewhere(world, { highlighter: b, remover: a }, url, 'Page 2');
      await b.engine.syncNow();
      const area = readRemoteState(world.shared.snapshot());
      // The page went, unread and newest; its highlight did not.
      expect(area.kind === 'ok' && area.doc.has(`item:${id}`)).toBe(true);
      expect(area.kind === 'ok' && [...area.doc.keys()].some((key) => key.startsWith('hl:'))).toBe(false);
      for (let round = 0; round < 2; round++)
        for (const each of [a, b]) {
          await world.clock.advance(61_000);
          await each.engine.syncNow();
        }
      expect((await getItem(id, b.db))?.id).toBe(id);
      expect((await readSyncLibrary(b.db)).highlights.map((h) => h.itemId)).toEqual([id]);
      expect((await getItem(id, a.db))?.id).toBe(id);
    } finally {
      await world.close();
    }
  }, 120_000);
});

describe('sync over the real library, randomized', () => {
  it('three browsers converge to the same library, highlights included, within the quotas', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 14 }), async (commands) => {
        const world = createLibraryWorld();
        try {
          const browsers = ['a', 'b', 'c'].map((name) => world.open(name));
          for (const step of commands) {
            // Edits a second apart: stamps are whole seconds (closer edits are ordered by device).
            await world.clock.advance(1_000);
            await run(step, browsers[step.browser] as LibraryBrowser, world.clock.now());
          }
          for (let round = 0; round < 3; round++)
            for (const each of browsers) {
              await world.clock.advance(2_000);
              await each.engine.syncNow();
            }
          const views = await Promise.all(browsers.map((each) => libraryView(each.db)));
          expect(views[1]).toEqual(views[0]);
          expect(views[2]).toEqual(views[0]);
          const settled = world.shared.snapshot();
          for (const each of browsers) await each.engine.syncNow();
          expect(world.shared.snapshot()).toEqual(settled);
          expect(world.shared.peak.bytes).toBeLessThanOrEqual(SYNC_QUOTAS.QUOTA_BYTES);
          for (const each of browsers) expect(each.reports.at(-1)?.lastError ?? null).toBeNull();
        } finally {
          await world.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
