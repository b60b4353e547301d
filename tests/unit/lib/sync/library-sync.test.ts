import { afterEach, describe, expect, it } from 'vitest';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { clearAll } from '@/lib/db/clear';
import type { ShelfDatabase } from '@/lib/db/database';
import { addHighlight, deleteHighlight, getHighlights, setHighlightNote, updateHighlight } from '@/lib/db/highlights';
import { removeItems, saveArticle, savePage, setNote, setStatus, setTags } from '@/lib/db/items';
import { setProgress } from '@/lib/db/progress';
import { getReaderData } from '@/lib/db/queries';
import type { Highlight } from '@/lib/db/schema';
import { applySyncChanges, readSyncEpoch } from '@/lib/db/sync';
import { importFile } from '@/lib/import/import-file';
import { createChunkEncoder } from '@/lib/sync/chunk-codec';
import type { Json } from '@/lib/sync/document';
import type { SyncHighlight } from '@/lib/sync/local-state';
import { SYNC_QUOTAS } from '@/lib/sync/quotas';
import { MANIFEST_KEY, readRemoteState } from '@/lib/sync/remote-state';
import { planWrite } from '@/lib/sync/write-plan';
import type { SharedSyncStorage } from './fake-sync-storage';
import { createLibraryWorld, type LibraryBrowser, type LibraryWorld, libraryView } from './library-browser';
import type { TestClock } from './test-clock';

/**
 * Two browsers, each with its own real Shelf database (lib/db over fake-indexeddb) and the real
 * adapter, sharing one quota-enforcing sync area: what the user does through lib/db arrives on
 * the other browser, and a malformed area loses nothing.
 */
type Browser = LibraryBrowser;

let world: LibraryWorld;
let clock: TestClock;
let shared: SharedSyncStorage;

function setUp(): [Browser, Browser] {
  world = createLibraryWorld();
  ({ clock, shared } = world);
  return [world.open('a'), world.open('b')];
}

afterEach(async () => {
  expect(shared.peak.bytes).toBeLessThanOrEqual(SYNC_QUOTAS.QUOTA_BYTES);
  await world.close();
});

/** A sync round: each browser in turn, twice, a few seconds apart (stamps are whole seconds). */
async function syncBoth(a: Browser, b: Browser): Promise<void> {
  for (const browser of [a, b, a, b]) {
    await clock.advance(2_000);
    await browser.engine.syncNow();
  }
}

const at = () => ({ now: clock.now() });
const quote = (exact: string): SelectorSet => ({
  quote: { type: 'TextQuoteSelector', exact, prefix: 'a ', suffix: '.' },
});

const view = libraryView;
const BLOG = 'https://webcoderspeed.com/blog/scaling';

async function savedWithEverything(db: ShelfDatabase) {
  const capture = { title: 'Queues', byline: null, excerpt: null, siteName: null, html: '<p>x</p>', text: 'x' };
  const item = await savePage({ url: 'https://example.com/queues', title: 'Queues' }, capture as never, {
    db,
    ...at(),
  });
  await setTags(item.id, ['backend', 'queues'], { db, ...at() });
  await setNote(item.id, 'read again', { db, ...at() });
  await setProgress(item.id, { fraction: 0.4, anchor: { scrollFraction: 0.4, scrollY: 1200 } }, { db, ...at() });
  const highlight = await addHighlight(
    item.id,
    quote('back-pressure'),
    { note: 'key', color: 'green' },
    { db, ...at() },
  );
  return { item, highlight: highlight as NonNullable<typeof highlight> };
}

describe('sync over the real library (lib/db)', () => {
  it('carries an item with status, tags, note, progress and highlights — not its readable copy', async () => {
    const [a, b] = setUp();
    const { item, highlight } = await savedWithEverything(a.db);
    a.preferences.set('theme', 'dark');
    await syncBoth(a, b);
    const seen = await view(b.db);
    expect(seen).toEqual([
      {
        id: item.id,
        kind: 'page',
        url: 'https://example.com/queues',
        title: 'Queues',
        status: 'reading',
        tags: ['backend', 'queues'],
        note: 'read again',
        progress: [0.4, 1200],
        copy: false,
        highlights: [[highlight.id, 'back-pressure', 'key', 'green']],
      },
    ]);
    expect(b.preferences.get('theme')).toBe('dark');
    expect((await view(a.db))[0]?.copy).toBe(true);
  });

  it('carries a highlight’s paragraphs and code lines with it; one without them arrives without', async () => {
    const [a, b] = setUp();
    const { item, highlight: plain } = await savedWithEverything(a.db);
    const quoteBlocks = [{ text: 'Queues fill.' }, { text: 'drain(\n  queue)', code: true as const }];
    const made = await addHighlight(
      item.id,
      quote('Queues fill. drain( queue)'),
      { quoteBlocks },
      { db: a.db, ...at() },
    );
    await syncBoth(a, b);
    const seen = await getHighlights(item.id, b.db);
    expect(seen.find((h) => h.id === made?.id)?.quoteBlocks).toEqual(quoteBlocks);
    expect(seen.find((h) => h.id === plain.id)?.quoteBlocks).toBeUndefined();
    // Nothing to write back: both browsers agree.
    expect(await getHighlights(item.id, a.db)).toEqual(seen);
  });

  it('merges edits to different fields made on both browsers, the same field going to the newest', async () => {
    const [a, b] = setUp();
    const { item, highlight } = await savedWithEverything(a.db);
    await syncBoth(a, b);
    await setStatus([item.id], 'done', { db: a.db, ...at() });
    await setNote(item.id, 'first note edit', { db: a.db, ...at() });
    await updateHighlight(highlight.id, { color: 'pink' }, { db: b.db, ...at() });
    await clock.advance(3_000);
    await setTags(item.id, ['archive-me'], { db: b.db, ...at() });
    await setNote(item.id, 'newer note, on b', { db: b.db, ...at() });
    await syncBoth(a, b);
    const [onA] = await view(a.db);
    expect(onA).toMatchObject({ status: 'done', tags: ['archive-me'], note: 'newer note, on b' });
    expect(onA?.highlights).toEqual([[highlight.id, 'back-pressure', 'key', 'pink']]);
    // The same everywhere, but for the readable copy, which stays on a.
    const withoutCopy = async (db: ShelfDatabase) => (await view(db)).map(({ copy: _copy, ...rest }) => rest);
    expect(await withoutCopy(b.db)).toEqual(await withoutCopy(a.db));
  });

  it('a note changed and changed back before the next sync is the newest, over an earlier edit elsewhere', async () => {
    const [a, b] = setUp();
    const { item } = await savedWithEverything(a.db);
    await syncBoth(a, b);
    await setNote(item.id, 'newer note, on b', { db: b.db, ...at() });
    await clock.advance(2_000);
    await setNote(item.id, 'a passing thought', { db: a.db, ...at() });
    await clock.advance(2_000);
    await setNote(item.id, 'read again', { db: a.db, ...at() });
    await syncBoth(a, b);
    expect((await view(a.db))[0]).toMatchObject({ note: 'read again' });
    expect((await view(b.db))[0]).toMatchObject({ note: 'read again' });
  });

  it('a removal on one browser removes the item, its progress and highlights on the other, for good', async () => {
    const [a, b] = setUp();
    const { item } = await savedWithEverything(a.db);
    const other = await savePage({ url: 'https://example.com/kept', title: 'Kept' }, null, { db: a.db, ...at() });
    await syncBoth(a, b);
    await removeItems([item.id], { db: b.db });
    await syncBoth(a, b);
    await syncBoth(a, b);
    for (const db of [a.db, b.db]) {
      expect((await view(db)).map((i) => i.id)).toEqual([other.id]);
      expect(await getHighlights(item.id, db)).toEqual([]);
      expect((await getReaderData(item.id, db)).progress).toBeUndefined();
    }
  });

  it('a highlight deleted on one browser goes on the other; its item stays', async () => {
    const [a, b] = setUp();
    const { item, highlight } = await savedWithEverything(a.db);
    await syncBoth(a, b);
    await deleteHighlight(highlight.id, { db: b.db });
    await syncBoth(a, b);
    expect(await getHighlights(item.id, a.db)).toEqual([]);
    expect((await view(a.db)).map((i) => i.id)).toEqual([item.id]);
  });

  describe('highlights joined into one on one browser (a selection running into them)', () => {
    /** Two highlights on one item, synced to both browsers; then joined on `a` into one over both quotes. */
    async function joinedOnA(a: Browser, b: Browser) {
      const item = await savePage({ url: 'https://example.com/joins', title: 'Joins' }, null, { db: a.db, ...at() });
      const first = await addHighlight(item.id, quote('bounded queues'), { note: 'first' }, { db: a.db, ...at() });
      const second = await addHighlight(item.id, quote('shed load'), { color: 'blue' }, { db: a.db, ...at() });
      await syncBoth(a, b);
      expect(await getHighlights(item.id, b.db)).toHaveLength(2);
      await clock.advance(5_000);
      const joining = [first?.id, second?.id].filter((id) => id !== undefined);
      const joined = await addHighlight(item.id, quote('bounded queues shed load'), { joining }, { db: a.db, ...at() });
      return { item, first: first as Highlight, second: second as Highlight, joined: joined as Highlight };
    }

    it('stay one on the other browser, which can then follow a comment to it', async () => {
      const [a, b] = setUp();
      const { item, first, joined } = await joinedOnA(a, b);
      await syncBoth(a, b);
      for (const db of [a.db, b.db])
        expect((await getHighlights(item.id, db)).map(({ id, note }) => ({ id, note }))).toEqual([
          { id: joined.id, note: 'first' },
        ]);
      // A comment typed on the other browser in a list drawn before the join arrived goes to the joined one.
      await setHighlightNote(first.id, 'first, then more', { db: b.db, ...at(), base: 'first' });
      await syncBoth(a, b);
      for (const db of [a.db, b.db])
        expect((await getHighlights(item.id, db)).map(({ id, note }) => ({ id, note }))).toEqual([
          { id: joined.id, note: 'first, then more' },
        ]);
    });

    it('one of them commented on the other browser before the join arrived comes back into the joined one, not beside it', async () => {
      const [a, b] = setUp();
      const { item, second, joined } = await joinedOnA(a, b);
      await clock.advance(5_000);
      await updateHighlight(second.id, { note: 'written on b' }, { db: b.db, ...at() });
      await syncBoth(a, b);
      await syncBoth(a, b);
      for (const db of [a.db, b.db]) {
        const highlights = await getHighlights(item.id, db);
        expect(highlights.map(({ id }) => id)).toEqual([joined.id]);
        expect(highlights[0]?.note).toBe('first\n\nwritten on b');
      }
    });

    // Review: a comment too long to fold in, or one on a highlight joined into one this browser refused,
    // was deleted with it.
    it('one commented on the other browser too long to fold in is kept there whole', async () => {
      const [a, b] = setUp();
      const { item, second, joined } = await joinedOnA(a, b);
      const long = 'b'.repeat(9_998);
      await updateHighlight(second.id, { note: long }, { db: b.db, ...at() });
      await syncBoth(a, b);
      await syncBoth(a, b);
      expect((await getHighlights(item.id, a.db)).map(({ id }) => id)).toEqual([joined.id]);
      const onB = await getHighlights(item.id, b.db);
      expect(onB.map(({ id }) => id).sort()).toEqual([joined.id, second.id].sort());
      expect(onB.find(({ id }) => id === second.id)?.note).toBe(long);
    });

    it('one joined into a highlight this browser cannot store stays as it was', async () => {
      const [a, b] = setUp();
      const { item, first } = await joinedOnA(a, b);
      const epoch = await readSyncEpoch(b.db);
      const newer = { ...first, id: 'joined-by-a-newer-shelf', color: 'ultraviolet', joinedFrom: [first.id] };
      const report = await applySyncChanges(
        {
          readAt: clock.now(),
          put: [],
          remove: [],
          putHighlights: [newer as unknown as SyncHighlight],
          removeHighlights: [first.id],
          joinedAway: [first.id],
        },
        epoch,
        b.db,
      );
      expect(report.refusedHighlights).toEqual(['joined-by-a-newer-shelf']);
      expect((await getHighlights(item.id, b.db)).map(({ id }) => id)).toContain(first.id);
    });

    it('one of them commented on the other browser after the join was published does not come back beside it', async () => {
      const [a, b] = setUp();
      const { item, second, joined } = await joinedOnA(a, b);
      await clock.advance(2_000);
      await a.engine.syncNow();
      await clock.advance(5_000);
      // Later than the join's removal of it: by the rule for items, an edit after a removal brings it back.
      await updateHighlight(second.id, { note: 'written on b', color: 'pink' }, { db: b.db, ...at() });
      await syncBoth(a, b);
      await syncBoth(a, b);
      for (const db of [a.db, b.db]) {
        const highlights = await getHighlights(item.id, db);
        expect(highlights.map(({ id, color }) => ({ id, color }))).toEqual([{ id: joined.id, color: joined.color }]);
        expect(highlights[0]?.note).toBe('first\n\nwritten on b');
      }
    });
  });

  // QA pass: the defaults saving sets (unread, no tags, no note) were dated, so a later save won.
  it('saving the same article on another browser later keeps its status, tags and note', async () => {
    const [a, b] = setUp();
    const article = { id: 'cold-start-latency', title: 'Cold Start Latency', url: `${BLOG}/cold-start-latency` };
    const item = await saveArticle(article, { db: a.db, ...at() });
    await clock.advance(1_000);
    await setTags(item.id, ['serverless'], { db: a.db, ...at() });
    await setNote(item.id, 'provisioned concurrency', { db: a.db, ...at() });
    await setStatus([item.id], 'done', { db: a.db, ...at() });
    await clock.advance(60_000);
    await saveArticle(article, { db: b.db, ...at() });
    await syncBoth(a, b);
    await syncBoth(a, b);
    for (const db of [a.db, b.db])
      expect((await view(db))[0]).toMatchObject({
        status: 'done',
        tags: ['serverless'],
        note: 'provisioned concurrency',
      });
  });

  it('reading begun on another browser that had not heard of "done" leaves it done', async () => {
    const [a, b] = setUp();
    const item = await savePage({ url: 'https://example.com/queues', title: 'Queues' }, null, { db: a.db, ...at() });
    await syncBoth(a, b);
    await setStatus([item.id], 'done', { db: a.db, ...at() });
    await clock.advance(60_000);
    await setProgress(item.id, { fraction: 0.1, anchor: { scrollFraction: 0.1, scrollY: 100 } }, { db: b.db, ...at() });
    expect((await view(b.db))[0]?.status).toBe('reading');
    await syncBoth(a, b);
    for (const db of [a.db, b.db]) expect((await view(db))[0]).toMatchObject({ status: 'done', progress: [0.1, 100] });
  });

  // QA pass: a highlight made or edited after the removal elsewhere was removed with the item.
  it('a highlight made or edited on one browser after the item was removed on the other keeps the item', async () => {
    const [a, b] = setUp();
    const { item, highlight } = await savedWithEverything(a.db);
    await syncBoth(a, b);
    await clock.advance(5_000);
    await removeItems([item.id], { db: a.db, ...at() });
    await clock.advance(5_000);
    await addHighlight(item.id, quote('made after the removal'), { note: 'my thought' }, { db: b.db, ...at() });
    await updateHighlight(highlight.id, { note: 'edited after it' }, { db: b.db, ...at() });
    await syncBoth(a, b);
    await syncBoth(a, b);
    for (const db of [a.db, b.db]) {
      const [shown] = await view(db);
      expect(shown).toMatchObject({ id: item.id, tags: ['backend', 'queues'], note: 'read again' });
      expect(shown?.highlights.map(([, exact, note]) => [exact, note])).toEqual([
        ['back-pressure', 'edited after it'],
        ['made after the removal', 'my thought'],
      ]);
    }
  });

  it('a highlight made before the removal does not keep the item', async () => {
    const [a, b] = setUp();
    const { item } = await savedWithEverything(a.db);
    await addHighlight(item.id, quote('before'), {}, { db: b.db, ...at() });
    await clock.advance(5_000);
    await removeItems([item.id], { db: a.db, ...at() });
    await syncBoth(a, b);
    await syncBoth(a, b);
    for (const db of [a.db, b.db]) expect(await view(db)).toEqual([]);
  });

  // Red team: the browser that kept the item never stored the highlight, then read it as deleted here.
  it('a highlight made after the removal on a third browser survives a second browser syncing first', async () => {
    const [a, b] = setUp();
    const c = world.open('c');
    const item = await savePage({ url: 'https://example.com/x', title: 'X' }, null, { db: a.db, ...at() });
    for (const browser of [a, b, c, a, b, c]) {
      await clock.advance(2_000);
      await browser.engine.syncNow();
    }
    await clock.advance(5_000);
    await removeItems([item.id], { db: a.db, ...at() });
    await a.engine.syncNow();
    await clock.advance(5_000);
    await addHighlight(item.id, quote('made after the removal'), { note: 'my thought' }, { db: c.db, ...at() });
    for (const browser of [c, b, b, a, b, c, a, b, c, a, b, c]) {
      await clock.advance(2_000);
      await browser.engine.syncNow();
    }
    for (const { db } of [a, b, c]) {
      const [shown] = await view(db);
      expect(shown?.highlights.map(([, exact, note]) => [exact, note])).toEqual([
        ['made after the removal', 'my thought'],
      ]);
    }
  });

  // Red team: a highlight dated ahead (a clock, a writer) kept the item after every removal.
  it('a highlight dated years ahead does not keep an item from being removed', async () => {
    const [a, b] = setUp();
    const item = await savePage({ url: 'https://example.com/x', title: 'X' }, null, { db: a.db, ...at() });
    await syncBoth(a, b);
    const remote = readRemoteState(shared.snapshot());
    if (remote.kind !== 'ok') throw new Error('unreadable');
    const ahead = (v: Json) => ({ v, t: Date.UTC(2100, 0, 1), d: 'dev-ahead' });
    const highlight = {
      fields: {
        item: ahead(item.id),
        sel: ahead({ quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' } }),
        note: ahead(''),
        color: ahead('yellow'),
        at: ahead(Date.UTC(2100, 0, 1)),
      },
      deleted: null,
    };
    const doc = new Map([...remote.doc, ['hl:ahead', highlight]]);
    const now = clock.now() - (clock.now() % 1000);
    const plan = planWrite({
      doc,
      remote,
      area: shared.snapshot(),
      deviceId: 'dev-ahead',
      now,
      encode: createChunkEncoder(),
    });
    shared.writeRaw(plan.set);
    await syncBoth(a, b);
    expect((await view(b.db))[0]?.highlights).toHaveLength(1);
    await clock.advance(60_000);
    await removeItems([item.id], { db: a.db, ...at() });
    await syncBoth(a, b);
    await syncBoth(a, b);
    for (const { db } of [a, b]) expect(await view(db)).toEqual([]);
  });

  // QA pass: sync cut tags to the editor's 20 of 40 characters and published the cut list.
  it('tags an import kept (more, and longer, than the editor allows) survive a sync on both browsers', async () => {
    const [a, b] = setUp();
    const tags = [
      ...Array.from({ length: 24 }, (_, at) => `t${at}`),
      'a-tag-name-that-is-fifty-characters-long-to-the-end',
    ];
    const csv = `status,tags,url,title,time_added\nunread,${tags.join('|')},https://example.com/x,Imported,1639793996\n`;
    expect((await importFile({ name: 'pocket.csv', bytes: new TextEncoder().encode(csv) }, { db: a.db })).ok).toBe(
      true,
    );
    await syncBoth(a, b);
    await syncBoth(a, b);
    for (const db of [a.db, b.db]) expect((await view(db))[0]?.tags).toEqual(tags);
  });

  it('a malformed sync area applies nothing, loses nothing here and says so', async () => {
    const [a, b] = setUp();
    await savedWithEverything(a.db);
    await syncBoth(a, b);
    const before = await view(b.db);
    shared.writeRaw({ [MANIFEST_KEY]: { v: 1, w: 'dev-x', t: 1, c: [['0', 'not-a-checksum']] }, 'sync.0': '%%%' });
    await b.engine.syncNow();
    expect(await view(b.db)).toEqual(before);
    expect(b.reports.at(-1)?.lastError).toMatchObject({ kind: 'unreadable' });
    expect(b.reports.at(-1)?.lastError?.message).toMatch(/could not be read.*Nothing of it was applied/);
  });

  it('an entry this library refuses stays in the area and here nothing is removed because of it', async () => {
    const [a, b] = setUp();
    const { item } = await savedWithEverything(a.db);
    await syncBoth(a, b);
    // A highlight whose selectors lib/db's schema refuses, as a damaged or foreign writer might leave.
    const remote = readRemoteState(shared.snapshot());
    if (remote.kind !== 'ok') throw new Error('the area should be readable');
    const t = clock.now() - (clock.now() % 1000);
    const register = (v: Json) => ({ v, t, d: 'dev-x' });
    const bad = {
      fields: {
        item: register(item.id),
        sel: register({ quote: { type: 'Nonsense' } }),
        note: register(''),
        color: register('yellow'),
        at: register(t),
      },
      deleted: null,
    };
    const doc = new Map([...remote.doc, ['hl:bad', bad]]);
    const plan = planWrite({
      doc,
      remote,
      area: shared.snapshot(),
      deviceId: 'dev-x',
      now: t,
      encode: createChunkEncoder(),
    });
    shared.writeRaw(plan.set);
    await syncBoth(a, b);
    expect(b.reports.at(-1)?.lastError?.message).toMatch(/One entry of the synced shelf could not be stored here/);
    const after = readRemoteState(shared.snapshot());
    expect(after.kind === 'ok' && after.doc.get('hl:bad')).toEqual(bad);
    expect((await getHighlights(item.id, b.db)).map((h) => h.selectors.quote.exact)).toEqual(['back-pressure']);
  });

  it('after "Delete everything" here, sync starts afresh: nothing is removed on the other browser', async () => {
    const [a, b] = setUp();
    const { item } = await savedWithEverything(a.db);
    await syncBoth(a, b);
    // Even if sync's record of the last sync outlives the deletion (a sync finishing meanwhile).
    await clearAll(b.db);
    await syncBoth(a, b);
    expect((await view(a.db)).map((i) => i.id)).toEqual([item.id]);
    expect((await view(b.db)).map((i) => i.id)).toEqual([item.id]);
  });
});
