import fc from 'fast-check';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pageItemId } from '@/lib/db/ids';
import { LEFT_OUT_KEY, LEFT_OUT_LIFETIME_MS, manifestChecksum } from '@/lib/sync/left-out';
import { SYNC_QUOTAS } from '@/lib/sync/quotas';
import { MANIFEST_KEY, type Manifest, readRemoteState } from '@/lib/sync/remote-state';
import { bytesToText, textToBytes } from '@/lib/sync/text-codec';
import { createSharedSyncStorage } from './fake-sync-storage';
import { createSimulatedBrowser, type SimulatedBrowser } from './simulated-browser';
import { createTestClock } from './test-clock';

/**
 * Randomized histories on two or three browsers sharing one area: saves, edits, removals, setting
 * changes, syncs one at a time or two at once, time passing. However the syncs are ordered, once
 * every browser has synced a few times they all show the same library and settings — the one a
 * model of the rules predicts: each field holds its latest edit, an item exists when something in
 * it changed after its last removal — the area is left alone after that, and no quota was ever
 * exceeded. Edits are a second apart (stamps are whole seconds; closer edits are ordered by device).
 */
const URLS = ['https://a.example/1', 'https://b.example/2', 'https://c.example/3', 'https://d.example/4'];
const STATUSES = ['unread', 'reading', 'done', 'archived'] as const;

type Command =
  | { kind: 'save'; browser: number; page: number }
  | { kind: 'status'; browser: number; page: number; status: (typeof STATUSES)[number] }
  | { kind: 'tags'; browser: number; page: number; tags: string[] }
  | { kind: 'note'; browser: number; page: number; note: string }
  | { kind: 'progress'; browser: number; page: number; fraction: number }
  | { kind: 'remove'; browser: number; page: number }
  | { kind: 'preference'; browser: number; size: number }
  | { kind: 'sync'; browser: number }
  | { kind: 'syncTwo'; browser: number; other: number }
  | { kind: 'wait'; ms: number };

const browser = fc.nat({ max: 2 });
const page = fc.nat({ max: URLS.length - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), browser, page }),
  fc.record({ kind: fc.constant('status' as const), browser, page, status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('tags' as const), browser, page, tags: fc.subarray(['x', 'y', 'z']) }),
  fc.record({ kind: fc.constant('note' as const), browser, page, note: fc.string({ maxLength: 12 }) }),
  fc.record({
    kind: fc.constant('progress' as const),
    browser,
    page,
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('remove' as const), browser, page }),
  fc.record({ kind: fc.constant('preference' as const), browser, size: fc.integer({ min: 12, max: 32 }) }),
  fc.record({ kind: fc.constant('sync' as const), browser }),
  fc.record({ kind: fc.constant('syncTwo' as const), browser, other: browser }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(0, 400, 1_000, 1_500, 30_000) }),
);

/** The rules, applied to the history as it happened (edit times, not sync order). */
class Model {
  private readonly fields = new Map<number, Map<string, { v: unknown; t: number }>>();
  private readonly removed = new Map<number, number>();
  private fontSize = 18;
  write(page: number, field: string, v: unknown, t: number): void {
    if (!this.fields.has(page)) this.fields.set(page, new Map());
    this.fields.get(page)?.set(field, { v, t });
  }
  save(page: number, t: number): void {
    const values = { url: URLS[page], title: `Page ${page}`, addedAt: t };
    for (const [field, v] of Object.entries(values)) this.write(page, field, v, t);
    // What saving leaves as it is (unread, no tags, no note) is no choice: it never outvotes one
    // (`chosenAt` in lib/db/schema.ts), so it counts as chosen at time 0.
    const defaults = { status: 'unread', tags: [], note: '' };
    for (const [field, v] of Object.entries(defaults))
      if (!this.fields.get(page)?.has(field)) this.write(page, field, v, 0);
  }
  remove(page: number, t: number): void {
    this.removed.set(page, Math.max(t, this.removed.get(page) ?? 0));
  }
  setFontSize(size: number): void {
    this.fontSize = size;
  }
  view(): { items: Record<string, unknown>; preferences: Record<string, unknown> } {
    const items: Record<string, unknown> = {};
    for (const [page, fields] of this.fields) {
      const latest = Math.max(...[...fields.values()].map((f) => f.t));
      if (latest <= (this.removed.get(page) ?? 0)) continue;
      const value = (field: string) => fields.get(field)?.v;
      const id = pageItemId(URLS[page] as string);
      items[id] = {
        id,
        url: value('url'),
        title: value('title'),
        status: value('status'),
        tags: value('tags'),
        note: value('note'),
        addedAt: value('addedAt'),
        progress: value('progress') ?? null,
      };
    }
    const sorted = Object.fromEntries(Object.entries(items).sort(([a], [b]) => (a < b ? -1 : 1)));
    return { items: sorted, preferences: { readerFontSize: this.fontSize, theme: 'system' } };
  }
}

async function run(count: number, commands: Command[]): Promise<void> {
  const clock = createTestClock();
  const shared = createSharedSyncStorage(clock);
  const browsers: SimulatedBrowser[] = ['a', 'b', 'c']
    .slice(0, count)
    .map((name) => createSimulatedBrowser(shared, clock, name));
  const pick = (i: number) => browsers[i % count] as SimulatedBrowser;
  const model = new Model();
  for (const c of commands) {
    if (c.kind === 'wait') {
      await clock.advance(c.ms);
      continue;
    }
    const b = pick(c.browser);
    if (c.kind === 'sync') {
      await b.engine.syncNow();
      continue;
    }
    if (c.kind === 'syncTwo') {
      await Promise.all([b.engine.syncNow(), pick(c.other).engine.syncNow()]);
      continue;
    }
    await clock.advance(1_000);
    const t = clock.now();
    if (c.kind === 'preference') {
      // Choosing the value a browser already shows changes nothing there (storage.onChanged does
      // not fire), so it is no edit to sync: it must not outvote another browser's real choice.
      if (b.view().preferences.readerFontSize === c.size) continue;
      b.setPreference('readerFontSize', c.size);
      model.setFontSize(c.size);
      continue;
    }
    const id = pageItemId(URLS[c.page] as string);
    if (c.kind === 'save') {
      if (!b.library.has(id)) model.save(c.page, t);
      b.save(URLS[c.page] as string, `Page ${c.page}`);
      continue;
    }
    if (!b.library.has(id)) continue;
    // A removal of a page this browser never synced may not reach the others (see
    // `blindRemovalAllowed`): the model's rule does not hold for it, so the fixed cases below cover it.
    if (c.kind === 'remove' && !b.hasSynced(id)) continue;
    if (c.kind === 'status') b.edit(id, { status: c.status });
    else if (c.kind === 'tags') b.edit(id, { tags: c.tags });
    else if (c.kind === 'note') b.edit(id, { note: c.note });
    else if (c.kind === 'progress') b.setProgress(id, c.fraction);
    else b.remove(id);
    if (c.kind === 'remove') model.remove(c.page, t);
    else if (c.kind === 'progress')
      model.write(c.page, 'progress', [Math.round(c.fraction * 1000) / 1000, Math.round(c.fraction * 5000)], t);
    else model.write(c.page, c.kind, c.kind === 'status' ? c.status : c.kind === 'tags' ? c.tags : c.note, t);
  }
  // Everyone syncs in turn, three times, a minute apart (so no write is held back by the limits).
  for (let round = 0; round < 3; round++) {
    await clock.advance(61_000);
    for (const b of browsers) await b.engine.syncNow();
  }
  const views = browsers.map((b) => b.view());
  for (const view of views.slice(1)) expect(view).toEqual(views[0]);
  expect(views[0]).toEqual(model.view());
  const writes = browsers.map((b) => b.area.writeTimes.length);
  await clock.advance(61_000);
  for (const b of browsers) await b.engine.syncNow();
  expect(browsers.map((b) => b.area.writeTimes.length)).toEqual(writes);
  for (const b of browsers) {
    expect(b.area.errors).toEqual([]);
    expect(b.engine.status().lastError).toBeNull();
  }
  expect(shared.peak.bytes).toBeLessThanOrEqual(SYNC_QUOTAS.QUOTA_BYTES);
}

/** A replica's text as Shelf kept it before it held the time of the first sync. */
function withoutFirstSyncTime(text: string | null): string {
  const { f: _firstSyncAt, ...older } = JSON.parse(strFromU8(inflateSync(textToBytes(text as string))));
  return bytesToText(deflateSync(strToU8(JSON.stringify(older)), { level: 6 }));
}

let clock = createTestClock();
/** Two browsers on one area, and a way to let them sync in turn until settled. */
/** `browser` saves page `n` (which another browser saved as `id`), then removes it a second later. */
async function saveThenRemove(browser: SimulatedBrowser, n: number, id: string) {
  browser.save(URLS[n] as string, `Page ${n}`);
  await clock.advance(1_000);
  browser.remove(id);
}

function expectKept(id: string, ...browsers: SimulatedBrowser[]) {
  for (const browser of browsers) expect(browser.library.has(id)).toBe(true);
}

function twoBrowsers() {
  clock = createTestClock();
  const shared = createSharedSyncStorage(clock);
  const [a, b] = ['a', 'b'].map((name) => createSimulatedBrowser(shared, clock, name)) as [
    SimulatedBrowser,
    SimulatedBrowser,
  ];
  const syncAll = async () => {
    for (let round = 0; round < 3; round++) {
      await clock.advance(61_000);
      for (const browser of [a, b]) await browser.engine.syncNow();
    }
  };
  return { a, b, shared, syncAll };
}

describe('browsers converge', () => {
  // A counterexample fast-check found (seed 1935201624), kept as a fixed case: 'a' choosing 18, the
  // default it already showed, is no change; 'b's 12 is the only choice, and every browser gets it.
  it('choosing the value a browser already shows does not outvote another browser’s choice', () =>
    run(2, [
      { kind: 'syncTwo', browser: 0, other: 0 },
      { kind: 'preference', browser: 1, size: 12 },
      { kind: 'preference', browser: 0, size: 18 },
    ]));

  // A counterexample fast-check found (seed 1510736794), kept as a fixed case: 'a' chooses 12 and
  // then 18 again, the value it last synced, after 'b' chose 12. 'a's 18 is the latest choice;
  // before the fix 'a' sent nothing (the same value as synced) and 'b's 12 came over it.
  it('a value chosen again after choosing another is the latest choice, though it is the one synced', () =>
    run(2, [
      { kind: 'sync', browser: 0 },
      { kind: 'preference', browser: 1, size: 12 },
      { kind: 'preference', browser: 0, size: 12 },
      { kind: 'preference', browser: 0, size: 18 },
    ]));

  // The same for an item's field: 'a' writes a note, both sync, 'b' changes it; then 'a' changes it
  // and changes it back. 'a's note is the latest choice (before the fix 'b's earlier one won).
  it('…and so is an item’s note written again as synced, after another browser changed it', () =>
    run(2, [
      { kind: 'save', browser: 0, page: 0 },
      { kind: 'note', browser: 0, page: 0, note: 'n' },
      { kind: 'sync', browser: 0 },
      { kind: 'sync', browser: 1 },
      { kind: 'note', browser: 1, page: 0, note: 'm' },
      { kind: 'note', browser: 0, page: 0, note: 'k' },
      { kind: 'note', browser: 0, page: 0, note: 'n' },
    ]));

  // A counterexample fast-check found (seed 1979240702) after saving's defaults stopped outvoting
  // choices: the model still dated them at the save. 'a' marks the page reading; 'b' saves it later.
  it('a later save elsewhere keeps the status chosen before it', () =>
    run(2, [
      { kind: 'save', browser: 0, page: 1 },
      { kind: 'status', browser: 0, page: 1, status: 'reading' },
      { kind: 'save', browser: 1, page: 1 },
    ]));

  // A counterexample fast-check found (seed 140599477), kept as a fixed case: 'a' saves a page and
  // removes it before it ever synced it; 'b' saved the same page in between. The removal is the last
  // thing done to it, so it goes everywhere (before the fix 'a' sent nothing and 'b's copy came back).
  // The simulated browser knows when it removed an item (LocalSnapshot.removedAt).
  it('a page saved and removed between two syncs, at a known time, stays removed over another browser’s earlier save', async () => {
    const { a, b, syncAll } = twoBrowsers();
    await a.engine.syncNow();
    const id = a.save(URLS[2] as string, 'Page 2');
    await clock.advance(1_000);
    b.save(URLS[2] as string, 'Page 2');
    await clock.advance(1_000);
    a.remove(id);
    await syncAll();
    expect(a.library.has(id)).toBe(false);
    expect(b.library.has(id)).toBe(false);
  });

  it('such a removal never takes what the user wrote in another browser: its copy comes back', async () => {
    const { a, b, syncAll } = twoBrowsers();
    await a.engine.syncNow();
    const id = b.save(URLS[1] as string, 'Page 1');
    await clock.advance(1_000);
    b.edit(id, { note: 'the part on retries' });
    await clock.advance(1_000);
    await saveThenRemove(a, 1, id);
    await syncAll();
    expect(b.library.get(id)?.note).toBe('the part on retries');
    expect(a.library.get(id)?.note).toBe('the part on retries');
  });

  it('removals made before a browser’s first sync stay its own', async () => {
    const { a, b, syncAll } = twoBrowsers();
    const id = b.save(URLS[0] as string, 'Page 0');
    await b.engine.syncNow();
    await clock.advance(1_000);
    await saveThenRemove(a, 0, id);
    await syncAll();
    expectKept(id, a, b);
  });

  // Found in review: the first sync's exception held on that sync only. 'a' removes a page before
  // it first syncs, 'b' publishes its earlier copy only after that: before the fix, 'a's next sync
  // removed it from 'b'.
  it('…and at its later syncs too, where another browser publishes the page only after the first', async () => {
    const { a, b, syncAll } = twoBrowsers();
    const id = b.save(URLS[0] as string, 'Page 0');
    await clock.advance(1_000);
    await saveThenRemove(a, 0, id);
    await clock.advance(1_000);
    await a.engine.syncNow();
    await clock.advance(1_000);
    await b.engine.syncNow();
    await syncAll();
    expectKept(id, a, b);
  });

  // The time of the first sync is kept with the replica; one an older Shelf kept has none, and counts
  // as first synced when read after the update: a removal made before that stays this browser's own.
  // Kept as this version keeps it, the same removal reaches 'b' (the case two tests above).
  for (const olderReplica of [true, false])
    it(`a replica kept by an older Shelf counts as first synced at the update (${olderReplica ? 'older' : 'control: this version'})`, async () => {
      const { a, b, syncAll } = twoBrowsers();
      await a.engine.syncNow();
      await clock.advance(1_000);
      const id = b.save(URLS[2] as string, 'Page 2');
      await clock.advance(1_000);
      await saveThenRemove(a, 2, id);
      await b.engine.syncNow();
      if (olderReplica) a.storedReplica = withoutFirstSyncTime(a.storedReplica);
      await clock.advance(1_000);
      await syncAll();
      expect(b.library.has(id)).toBe(olderReplica);
      expect(a.library.has(id)).toBe(olderReplica);
    });

  // Found in review: after an older Shelf's write (it empties the `sync.` key it does not know), the
  // next write from this version rebuilt the list from nothing, and the area read as holding every
  // highlight while 'b's were still out: 'a's removal of a page it never synced then took 'b's page.
  // The simulated browsers keep no highlights, so 'b's entry is written as a browser with some would.
  it('after an older Shelf’s write drops the list, removals of pages never synced stay here for a while', async () => {
    const { a, b, shared, syncAll } = twoBrowsers();
    const c = createSimulatedBrowser(shared, clock, 'c');
    await a.engine.syncNow();
    await clock.advance(1_000);
    const id = b.save(URLS[0] as string, 'Page 0');
    await b.engine.syncNow();
    const manifest = shared.snapshot()[MANIFEST_KEY] as Manifest;
    shared.writeRaw({ [LEFT_OUT_KEY]: { m: manifestChecksum(manifest), h: [['dev-b', clock.now()]] } });
    shared.writeRaw({ [LEFT_OUT_KEY]: '' });
    await clock.advance(1_000);
    c.save(URLS[1] as string, 'Page 1');
    await c.engine.syncNow();
    await clock.advance(1_000);
    await saveThenRemove(a, 0, id);
    await syncAll();
    expectKept(id, a, b);
    // Once that has lasted as long as such a removal may be sent, the next write makes the area whole again.
    await clock.advance(LEFT_OUT_LIFETIME_MS);
    a.save(URLS[2] as string, 'Page 2');
    await syncAll();
    expect(readRemoteState(shared.snapshot())).toMatchObject({ kind: 'ok', highlightsComplete: true });
  });

  // Found in review: only a browser could take itself out of the list, so one gone for good kept
  // such removals from every other browser forever. The next write after it expired drops it.
  it('an entry no browser renews is dropped by the next write after 30 days', async () => {
    const { a, shared } = twoBrowsers();
    await a.engine.syncNow();
    const manifest = shared.snapshot()[MANIFEST_KEY] as Manifest;
    shared.writeRaw({ [LEFT_OUT_KEY]: { m: manifestChecksum(manifest), h: [['dev-gone', clock.now()]] } });
    await clock.advance(1_000);
    await a.engine.syncNow();
    expect(readRemoteState(shared.snapshot())).toMatchObject({ highlightsLeftOutBy: ['dev-gone'] });
    await clock.advance(LEFT_OUT_LIFETIME_MS);
    await a.engine.syncNow();
    // No write of its own: it is dropped by the next write made for another reason.
    expect(readRemoteState(shared.snapshot())).toMatchObject({ highlightsLeftOutBy: ['dev-gone'] });
    a.save(URLS[3] as string, 'Page 3');
    await a.engine.syncNow();
    expect(readRemoteState(shared.snapshot())).toMatchObject({ highlightsLeftOutBy: [], highlightsComplete: true });
  });

  it('whatever the edits and the order of syncs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.array(command, { minLength: 1, maxLength: 30 }), run),
      { numRuns: 60 },
    );
  }, 300_000);
});
