import { afterEach, describe, expect, it } from 'vitest';
import { createChunkEncoder } from '@/lib/sync/chunk-codec';
import { LEFT_OUT_KEY } from '@/lib/sync/left-out';
import { SYNC_QUOTAS } from '@/lib/sync/quotas';
import { MANIFEST_KEY, type Manifest, readRemoteState } from '@/lib/sync/remote-state';
import { planWrite } from '@/lib/sync/write-plan';
import { createSharedSyncStorage, type SharedSyncStorage } from './fake-sync-storage';
import { realisticLibrary } from './realistic-library';
import { createSimulatedBrowser, type SimulatedBrowser } from './simulated-browser';
import { createTestClock, type TestClock } from './test-clock';

/**
 * Issue #19's acceptance: two or three browsers sharing one sync area, each with its own library,
 * device id and engine, the real encoding, and a fake `storage.sync` that enforces Chrome's quotas
 * and throws as Chrome does. After every test: no quota was ever exceeded.
 */
let clock: TestClock;
let shared: SharedSyncStorage;
let browsers: SimulatedBrowser[];

function setUp(count: number, initial: Parameters<typeof createSimulatedBrowser>[4][] = []): SimulatedBrowser[] {
  clock = createTestClock();
  shared = createSharedSyncStorage(clock);
  browsers = ['a', 'b', 'c']
    .slice(0, count)
    .map((name, i) => createSimulatedBrowser(shared, clock, name, undefined, initial[i]));
  return browsers;
}

/** Each browser syncs in turn, twice: enough for every change to reach every browser. */
async function syncAll(): Promise<void> {
  for (let round = 0; round < 2; round++) for (const browser of browsers) await browser.engine.syncNow();
}

afterEach(() => {
  for (const browser of browsers) expect(browser.area.errors.filter((e) => !expectedErrors.has(e))).toEqual([]);
  expect(shared.peak.bytes).toBeLessThanOrEqual(SYNC_QUOTAS.QUOTA_BYTES);
  expect(shared.peak.items).toBeLessThanOrEqual(SYNC_QUOTAS.MAX_ITEMS);
  expectedErrors.clear();
});
/** Errors a test provokes on purpose (the fake still throws them exactly like Chrome). */
const expectedErrors = new Set<Error>();

describe('two browsers', () => {
  it('concurrent edits to different fields of one item merge', async () => {
    const [a, b] = setUp(2);
    const id = a!.save('https://example.com/post', 'A post');
    await syncAll();
    expect(b!.library.get(id)?.title).toBe('A post');

    await clock.advance(10_000);
    a!.edit(id, { tags: ['databases'] });
    await clock.advance(1_000);
    b!.edit(id, { note: 'Read the part on indexes' });
    b!.edit(id, { status: 'reading' });
    await syncAll();

    for (const browser of [a!, b!])
      expect(browser.library.get(id)).toMatchObject({
        tags: ['databases'],
        note: 'Read the part on indexes',
        status: 'reading',
      });
    expect(a!.view()).toEqual(b!.view());
  });

  it('the same field edited on both resolves to the newest edit, whichever syncs first', async () => {
    for (const firstToSync of [0, 1]) {
      const [a, b] = setUp(2);
      const id = a!.save('https://example.com/post', 'A post');
      await syncAll();
      await clock.advance(5_000);
      a!.edit(id, { title: 'Older title' });
      await clock.advance(3_000);
      b!.edit(id, { title: 'Newer title' });
      await browsers[firstToSync]!.engine.syncNow();
      await syncAll();
      expect(a!.library.get(id)?.title).toBe('Newer title');
      expect(b!.library.get(id)?.title).toBe('Newer title');
    }
  });

  it('a removal reaches the other browser, and a stale copy does not bring the item back', async () => {
    const [a, b] = setUp(2);
    const id = a!.save('https://example.com/gone', 'Going away');
    const kept = a!.save('https://example.com/kept', 'Staying');
    await syncAll();
    await clock.advance(60_000);
    a!.remove(id);
    await a!.engine.syncNow();
    await b!.engine.syncNow();
    expect(b!.library.has(id)).toBe(false);
    expect(b!.library.has(kept)).toBe(true);

    // A third browser still holding the old copy joins later: the deletion wins over the stale copy.
    const stale = [...a!.library.values()].map((item) => structuredClone(item));
    stale.push({ ...structuredClone(b!.library.get(kept)!), id, url: 'https://example.com/gone', title: 'Going away' });
    const c = createSimulatedBrowser(shared, clock, 'c', undefined, stale);
    browsers.push(c);
    await syncAll();
    for (const browser of browsers) expect(browser.library.has(id)).toBe(false);
  });

  it('delete on one, a later edit on the other: the edit wins and the item stays, whole, on both', async () => {
    const [a, b] = setUp(2);
    const id = a!.save('https://example.com/contested', 'Contested');
    a!.edit(id, { tags: ['keep-me'] });
    await syncAll();
    await clock.advance(10_000);
    a!.remove(id); // t = 10 s
    await clock.advance(2_000);
    b!.edit(id, { note: 'Still reading this' }); // t = 12 s, before b has heard of the removal
    await syncAll();
    for (const browser of [a!, b!])
      expect(browser.library.get(id)).toMatchObject({
        title: 'Contested',
        tags: ['keep-me'],
        note: 'Still reading this',
      });
  });

  it('delete on one after an edit on the other: the deletion wins', async () => {
    const [a, b] = setUp(2);
    const id = a!.save('https://example.com/contested', 'Contested');
    await syncAll();
    await clock.advance(10_000);
    b!.edit(id, { note: 'An older note' }); // t = 10 s
    await clock.advance(2_000);
    a!.remove(id); // t = 12 s
    await syncAll();
    expect(a!.library.has(id)).toBe(false);
    expect(b!.library.has(id)).toBe(false);
  });

  it('saving a removed page again brings it back everywhere', async () => {
    const [a, b] = setUp(2);
    const id = a!.save('https://example.com/again', 'Again');
    await syncAll();
    await clock.advance(5_000);
    b!.remove(id);
    await syncAll();
    expect(a!.library.has(id)).toBe(false);
    await clock.advance(5_000);
    a!.save('https://example.com/again', 'Again');
    await syncAll();
    expect(b!.library.get(id)?.status).toBe('unread');
  });

  it('preferences: a choice outvotes a default, and the newest choice wins after that', async () => {
    const [a, b] = setUp(2);
    a!.setPreference('theme', 'dark');
    await syncAll();
    expect(b!.preferences.get('theme')).toBe('dark');
    await clock.advance(5_000);
    b!.setPreference('readerFontSize', 22);
    await clock.advance(5_000);
    a!.setPreference('readerFontSize', 20);
    await syncAll();
    expect(a!.preferences.get('readerFontSize')).toBe(20);
    expect(b!.preferences.get('readerFontSize')).toBe(20);
    expect(b!.preferences.get('theme')).toBe('dark');
  });

  it('an edit made after the other browser’s value arrived wins, even from a clock that runs behind', async () => {
    const [a, b] = setUp(2);
    const id = a!.save('https://example.com/clock', 'Clock');
    await clock.advance(60_000);
    a!.edit(id, { status: 'done' });
    await syncAll();
    // b's clock is two minutes behind: its edit carries an older time than the value it replaces.
    const item = b!.library.get(id)!;
    item.status = 'archived';
    item.changedAt.status = clock.now() - 120_000;
    await syncAll();
    expect(a!.library.get(id)?.status).toBe('archived');
  });
});

describe('writes', () => {
  it('one edit rewrites one chunk and the manifest (with its left-out list), in one write operation', async () => {
    const [a, b] = setUp(2, [realisticLibrary(400)]);
    await syncAll();
    const before = shared.snapshot();
    const chunks = (before[MANIFEST_KEY] as Manifest).c.length;
    expect(chunks).toBeGreaterThan(3);
    const writesBefore = a!.area.writeTimes.length;
    const id = [...a!.library.keys()][123]!;
    await clock.advance(5_000);
    a!.edit(id, { note: 'A new note' });
    await a!.engine.syncNow();
    expect(a!.area.writeTimes.length - writesBefore).toBe(1);
    const after = shared.snapshot();
    const rewritten = Object.keys(after).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
    expect(rewritten).toHaveLength(3);
    expect(rewritten).toContain(MANIFEST_KEY);
    expect(rewritten).toContain(LEFT_OUT_KEY);
    expect(rewritten.find((key) => key !== MANIFEST_KEY && key !== LEFT_OUT_KEY)).toMatch(/^sync\.[0-9a-z]+$/);
    await b!.engine.syncNow();
    expect(b!.library.get(id)?.note).toBe('A new note');
  }, 60_000);

  it('a sync with nothing new writes nothing', async () => {
    const [a, b] = setUp(2, [realisticLibrary(50)]);
    await syncAll();
    const writes = a!.area.writeTimes.length + b!.area.writeTimes.length;
    await syncAll();
    expect(a!.area.writeTimes.length + b!.area.writeTimes.length).toBe(writes);
  });

  it('both browsers writing at once: each write is whole, and both edits end up everywhere', async () => {
    const [a, b] = setUp(2, [realisticLibrary(60)]);
    await syncAll();
    const [first, second] = [...a!.library.keys()];
    await clock.advance(5_000);
    a!.edit(first!, { status: 'done' });
    b!.edit(second!, { tags: ['both-at-once'] });
    // Both read the same state, then both write: b's write replaces a's.
    await Promise.all([a!.engine.syncNow(), b!.engine.syncNow()]);
    await syncAll();
    for (const browser of [a!, b!]) {
      expect(browser.library.get(first!)?.status).toBe('done');
      expect(browser.library.get(second!)?.tags).toEqual(['both-at-once']);
    }
    expect(a!.view()).toEqual(b!.view());
  });
});

describe('kinds a newer Shelf adds (highlights)', () => {
  it('are kept and passed on by browsers that do not know them', async () => {
    const [a, b] = setUp(2, [realisticLibrary(20)]);
    await syncAll();
    // A newer Shelf on a third browser adds an entity of a kind a and b do not know.
    const remote = readRemoteState(shared.snapshot());
    if (remote.kind !== 'ok') throw new Error('the area should be readable');
    const highlight = {
      fields: {
        itemId: { v: [...a!.library.keys()][0]!, t: clock.now(), d: 'dev-new' },
        quote: { v: 'a sentence worth keeping', t: clock.now(), d: 'dev-new' },
        color: { v: 'yellow', t: clock.now(), d: 'dev-new' },
      },
      deleted: null,
    };
    const withHighlight = new Map([...remote.doc, ['later:1', highlight]]);
    const area = shared.snapshot();
    const plan = planWrite({
      doc: withHighlight,
      remote,
      area,
      deviceId: 'dev-new',
      now: clock.now(),
      encode: createChunkEncoder(),
    });
    shared.writeRaw(plan.set);

    await clock.advance(5_000);
    a!.edit([...a!.library.keys()][3]!, { note: 'edited by an older Shelf' });
    await syncAll();
    const after = readRemoteState(shared.snapshot());
    expect(after.kind === 'ok' && after.doc.get('later:1')).toEqual(highlight);
    expect(b!.view()).toEqual(a!.view());
  });
});

describe('started engines', () => {
  it('sync on their own after local and remote changes, debounced, and quiet down', async () => {
    const [a, b] = setUp(2);
    a!.engine.start();
    b!.engine.start();
    await clock.advance(60_000); // the first exchange (each browser's defaults) settles
    const writes = () => a!.area.writeTimes.length + b!.area.writeTimes.length;
    const settled = writes();
    const id = a!.save('https://example.com/live', 'Live');
    await clock.advance(1_000);
    a!.edit(id, { tags: ['x'] });
    await clock.advance(1_000);
    a!.edit(id, { tags: ['x', 'y'] });
    await clock.advance(4_000);
    expect(writes()).toBe(settled); // each edit postponed a's sync by 5 s
    expect(b!.library.has(id)).toBe(false);
    await clock.advance(10_000);
    expect(b!.library.get(id)?.tags).toEqual(['x', 'y']);
    expect(writes()).toBe(settled + 1); // the burst went out in one write; b had nothing to add
    await clock.advance(600_000);
    expect(writes()).toBe(settled + 1);
    expect(a!.engine.status()).toMatchObject({ state: 'idle', lastError: null });
    a!.engine.stop();
    b!.engine.stop();
    expect(a!.engine.status().state).toBe('stopped');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a burst of edits never outruns the write limits', async () => {
    const [a, b] = setUp(2);
    a!.engine.start();
    b!.engine.start();
    const id = a!.save('https://example.com/busy', 'Busy');
    for (let i = 0; i < 150; i++) {
      a!.setProgress(id, i / 150);
      b!.setPreference('readerFontSize', 12 + (i % 20));
      await clock.advance(400);
    }
    await clock.advance(120_000);
    for (const browser of [a!, b!]) {
      const times = browser.area.writeTimes;
      for (let i = 0; i < times.length; i++)
        expect(times.filter((t) => t > times[i]! - 60_000 && t <= times[i]!).length).toBeLessThanOrEqual(120);
    }
    expect(a!.view()).toEqual(b!.view());
  }, 120_000);
});
