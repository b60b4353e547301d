import { describe, expect, it } from 'vitest';
import { createChunkEncoder } from '@/lib/sync/chunk-codec';
import { EMPTY_DOCUMENT, type Entity, mergeDocuments, type SyncDocument } from '@/lib/sync/document';
import { LEFT_OUT_KEY, LEFT_OUT_LIFETIME_MS, LEFT_OUT_REFRESH_MS } from '@/lib/sync/left-out';
import { observeLocal } from '@/lib/sync/local-state';
import { dropExpiredDeletions, RECENT_DELETION_MS, rankEntities, TOMBSTONE_LIFETIME_MS } from '@/lib/sync/priority';
import { chromeItemBytes, SYNC_QUOTAS } from '@/lib/sync/quotas';
import { MANIFEST_KEY, type Manifest, readRemoteState } from '@/lib/sync/remote-state';
import { planWrite, type WritePlan } from '@/lib/sync/write-plan';
import { realisticLibrary } from './realistic-library';

const NOW = Date.UTC(2026, 4, 1);
const DAY = 86_400_000;
const encode = createChunkEncoder();
const libraryDoc = (count: number) =>
  observeLocal(EMPTY_DOCUMENT, { items: realisticLibrary(count, { now: NOW }), preferences: {} }, 'dev-a', NOW);
const plan = (doc: SyncDocument, area: Record<string, unknown> = {}) =>
  planWrite({ doc, remote: readRemoteState(area), area, deviceId: 'dev-a', now: NOW, encode });
const deleted = (daysAgo: number): Entity => ({ fields: {}, deleted: { t: NOW - daysAgo * DAY, d: 'dev-a' } });

describe('priority', () => {
  it('preferences, recent deletions, the queue, other items, old deletions; newest first in each', () => {
    const doc = new Map(libraryDoc(30));
    doc.set('pref:theme', { fields: { value: { v: 'dark', t: 0, d: 'dev-a' } }, deleted: null });
    doc.set('item:page:recent', deleted(3));
    doc.set('item:page:old', deleted(90));
    doc.set('hl:a-highlight', { fields: { note: { v: 'n', t: NOW, d: 'dev-a' } }, deleted: null });
    doc.set('later:unknown-kind', { fields: { quote: { v: 'q', t: NOW, d: 'dev-a' } }, deleted: null });
    const ranked = rankEntities(doc, NOW).map(([key, entity]) => ({ key, entity }));
    const classOf = ({ key, entity }: (typeof ranked)[number]) =>
      key.startsWith('pref:')
        ? 0
        : key === 'item:page:recent'
          ? 1
          : key === 'item:page:old'
            ? 5
            : key.startsWith('hl:')
              ? 4
              : key.startsWith('later:')
                ? 6
                : ['unread', 'reading'].includes((entity.fields.status?.v ?? 'unread') as string)
                  ? 2
                  : 3;
    const classes = ranked.map(classOf);
    expect(classes).toEqual([...classes].sort((a, b) => a - b));
    expect(new Set(classes)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    const latest = (e: Entity) => Math.max(...Object.values(e.fields).map((r) => r.t));
    for (let i = 1; i < ranked.length; i++)
      if (classes[i] === classes[i - 1] && classes[i]! >= 2 && classes[i]! <= 3)
        expect(latest(ranked[i - 1]!.entity)).toBeGreaterThanOrEqual(latest(ranked[i]!.entity));
  });

  it('forgets deletions older than the tombstone lifetime, and only those', () => {
    const doc = new Map([
      ['item:page:recent', deleted(RECENT_DELETION_MS / DAY + 1)],
      ['item:page:expired', deleted(TOMBSTONE_LIFETIME_MS / DAY + 1)],
    ]);
    expect([...dropExpiredDeletions(doc, NOW).keys()]).toEqual(['item:page:recent']);
  });
});

describe('planWrite', () => {
  it('an empty area gets the whole document: chunks and a manifest, within the quotas', () => {
    const p = plan(libraryDoc(100));
    expect(p).toMatchObject({ needed: true, fits: true, remove: [] });
    expect(p.report.items).toEqual({ synced: 100, notSynced: 0 });
    let bytes = 0;
    for (const [key, value] of Object.entries(p.set)) {
      expect(chromeItemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTAS.QUOTA_BYTES_PER_ITEM);
      bytes += chromeItemBytes(key, value);
    }
    expect(p.report.bytesUsed).toBe(bytes);
  });

  it('an area that already holds the document needs nothing written', () => {
    const doc = libraryDoc(100);
    expect(plan(doc, plan(doc).set).needed).toBe(false);
  });

  it('an area holding more than this browser would write needs nothing from it either', () => {
    const doc = libraryDoc(100);
    const fewer = new Map([...doc].slice(0, 60));
    expect(plan(fewer, plan(doc).set).needed).toBe(false);
  });

  it('a layout that shrinks empties the chunks it no longer uses in the same write, and removes them after', () => {
    const doc = libraryDoc(300);
    const area = plan(doc).set;
    const small = new Map([...doc].slice(0, 20));
    const next = plan(small, area);
    const emptied = Object.entries(next.set)
      .filter(([, value]) => value === '')
      .map(([key]) => key);
    expect(emptied.length).toBeGreaterThan(0);
    expect(next.remove.sort()).toEqual(emptied.sort());
    expect(next.set[MANIFEST_KEY]).toBeDefined();
  });

  it('counts other keys in the area against the room', () => {
    const other = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`other-${i}`, 'x'.repeat(8_000)]));
    const p = plan(libraryDoc(300), other);
    expect(p.report.items.notSynced).toBeGreaterThan(0);
    const total = Object.entries({ ...other, ...p.set }).reduce(
      (sum, [key, value]) => sum + chromeItemBytes(key, value),
      0,
    );
    expect(total).toBeLessThanOrEqual(SYNC_QUOTAS.QUOTA_BYTES);
  });

  it('says when not even an empty state fits', () => {
    const other = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`other-${i}`, 'x'.repeat(7_870)]));
    expect(plan(libraryDoc(5), other).fits).toBe(false);
  });
});

describe('who left highlights out (LEFT_OUT_KEY, beside the manifest)', () => {
  const planAs = (deviceId: string, doc: SyncDocument, area: Record<string, unknown> = {}, now = NOW) =>
    planWrite({ doc, remote: readRemoteState(area), area, deviceId, now, encode });
  const written = (area: Record<string, unknown>, p: WritePlan) => {
    const next = { ...area, ...p.set };
    for (const key of p.remove) delete next[key];
    return next;
  };
  const remoteOf = (area: Record<string, unknown>) => {
    const remote = readRemoteState(area);
    if (remote.kind !== 'ok') throw new Error(`not a readable area: ${remote.kind}`);
    return remote;
  };
  const highlight = (itemId: string, n: number): [string, Entity] => [
    `hl:h${n}`,
    {
      fields: {
        item: { v: itemId, t: NOW, d: 'dev-a' },
        sel: { v: { quote: { type: 'TextQuoteSelector', exact: `words ${n}` } }, t: NOW, d: 'dev-a' },
        note: { v: '', t: NOW, d: 'dev-a' },
        color: { v: 'yellow', t: NOW, d: 'dev-a' },
        at: { v: NOW, t: NOW, d: 'dev-a' },
      },
      deleted: null,
    },
  ];
  const withHighlights = (count: number) => {
    const doc = new Map(libraryDoc(count));
    const first = [...doc.keys()][0]!.slice('item:'.length);
    for (let n = 0; n < 3; n++) doc.set(...highlight(first, n));
    return doc;
  };

  it('every highlight written: nobody listed, and the area is known to hold them all', () => {
    const area = written({}, planAs('dev-a', withHighlights(50)));
    expect(remoteOf(area)).toMatchObject({ highlightsLeftOutBy: [], highlightsComplete: true });
  });

  it('counts the highlights written and those left out (QA pass: Settings said everything synced)', () => {
    expect(planAs('dev-a', withHighlights(50)).report.highlights).toEqual({ synced: 3, notSynced: 0 });
    expect(planAs('dev-a', withHighlights(1_000)).report.highlights).toEqual({ synced: 0, notSynced: 3 });
    // One too big even alone counts as left out too.
    const doc = withHighlights(50);
    const [key, entity] = highlight([...doc.keys()][0]!.slice('item:'.length), 9);
    const huge = Array.from({ length: 6_000 }, (_, n) => `w${(n * 7919) % 100_003}`).join(' ');
    doc.set(key, { ...entity, fields: { ...entity.fields, note: { v: huge, t: NOW, d: 'dev-a' } } });
    expect(planAs('dev-a', doc).report.highlights).toEqual({ synced: 3, notSynced: 1 });
  });

  it('highlights that did not fit (items go first): the writer is listed, and the area is not whole', () => {
    const p = planAs('dev-a', withHighlights(1_000));
    expect(p.report.items.notSynced).toBeGreaterThan(0);
    const area = written({}, p);
    expect(remoteOf(area)).toMatchObject({ highlightsLeftOutBy: ['dev-a'], highlightsComplete: false });
    // One that fits everything now takes only itself out: 'dev-a's highlights are still missing.
    const small = written(area, planAs('dev-b', withHighlights(40), area));
    expect(remoteOf(small)).toMatchObject({ highlightsLeftOutBy: ['dev-a'], highlightsComplete: false });
    // Until 'dev-a' writes with every highlight.
    const whole = written(small, planAs('dev-a', withHighlights(40), small));
    expect(remoteOf(whole)).toMatchObject({ highlightsLeftOutBy: [], highlightsComplete: true });
  });

  it('a change in the list alone is worth a write; the same list is not', () => {
    const doc = withHighlights(40);
    const area = written({}, planAs('dev-a', doc));
    expect(planAs('dev-b', doc, area).needed).toBe(false);
    const listed = { ...area, [LEFT_OUT_KEY]: { ...(area[LEFT_OUT_KEY] as object), h: [['dev-b', NOW]] } };
    expect(planAs('dev-b', doc, listed).needed).toBe(true);
    expect(planAs('dev-c', doc, listed).needed).toBe(false);
  });

  it('a list that is not the manifest’s, or none, says nothing: the area may lack highlights', () => {
    const area = written({}, planAs('dev-a', withHighlights(40)));
    // An older Shelf's write empties the key it does not know; Chrome may deliver the list apart
    // from its manifest.
    const { [LEFT_OUT_KEY]: _list, ...olderWrite } = area;
    const otherManifest = { ...area, [MANIFEST_KEY]: { ...(area[MANIFEST_KEY] as Manifest), t: NOW + 1 } };
    for (const each of [olderWrite, otherManifest, { ...area, [LEFT_OUT_KEY]: '' }, { ...area, [LEFT_OUT_KEY]: 7 }])
      expect(remoteOf(each).highlightsComplete).toBe(false);
  });

  // Found in review: a writer rebuilt the list from what it read, which is nothing after an older
  // Shelf's write (it empties the key) or a repair; its own highlights fitting, it wrote an empty
  // list and the area read as whole again while 'dev-a's highlights were still out.
  describe('a writer that cannot vouch for the area says so (`u`) instead of an empty list', () => {
    const leftOutArea = () => written({}, planAs('dev-a', withHighlights(1_000)));
    const recordOf = (area: Record<string, unknown>) => area[LEFT_OUT_KEY] as { h: [string, number][]; u?: number };

    it('after an older Shelf’s write (no record): for 30 days, then whole again', () => {
      const { [LEFT_OUT_KEY]: _list, ...olderWrite } = leftOutArea();
      const after = written(olderWrite, planAs('dev-b', withHighlights(40), olderWrite));
      expect(recordOf(after)).toEqual({ m: expect.any(String), h: [], u: NOW });
      expect(remoteOf(after).highlightsComplete).toBe(false);
      // Carried by the next writers as it is, not renewed.
      const later = written(after, planAs('dev-c', libraryDoc(10), after, NOW + 10 * DAY));
      expect(recordOf(later).u).toBe(NOW);
      expect(remoteOf(later).highlightsComplete).toBe(false);
      // Expired, it is dropped by the next write made for another reason (never by one of its own).
      const expiredAt = NOW + LEFT_OUT_LIFETIME_MS + 1_000;
      expect(planAs('dev-c', libraryDoc(10), later, expiredAt).needed).toBe(false);
      const next = planAs('dev-c', libraryDoc(11), later, expiredAt);
      expect(next.needed).toBe(true);
      expect(remoteOf(written(later, next)).highlightsComplete).toBe(true);
    });

    it('over a record of another manifest or a malformed one, keeping the entries it can read', () => {
      const area = leftOutArea();
      const otherManifest = { ...area, [MANIFEST_KEY]: { ...(area[MANIFEST_KEY] as Manifest), t: NOW + 1 } };
      const after = written(otherManifest, planAs('dev-b', withHighlights(40), otherManifest));
      expect(recordOf(after)).toMatchObject({ h: [['dev-a', NOW]], u: NOW });
      const malformed = { ...area, [LEFT_OUT_KEY]: { m: 'x', h: ['dev-a'] } };
      const over = written(malformed, planAs('dev-b', withHighlights(40), malformed));
      expect(recordOf(over)).toMatchObject({ h: [], u: NOW });
      expect(remoteOf(over).highlightsComplete).toBe(false);
    });

    it('when it repairs an unreadable area', () => {
      const area = leftOutArea();
      const chunk = Object.keys(area).find((key) => key !== MANIFEST_KEY && key !== LEFT_OUT_KEY) as string;
      const damaged = { ...area, [chunk]: 'not a chunk' };
      expect(readRemoteState(damaged).kind).toBe('unreadable');
      const repaired = written(damaged, planAs('dev-b', withHighlights(40), damaged));
      expect(recordOf(repaired)).toMatchObject({ h: [['dev-a', NOW]], u: NOW });
      expect(remoteOf(repaired).highlightsComplete).toBe(false);
    });

    it('when it finds the area empty under a library other browsers filled (the area was cleared)', () => {
      const own = withHighlights(40);
      const fromB = observeLocal(
        EMPTY_DOCUMENT,
        { items: realisticLibrary(5, { now: NOW }), preferences: {} },
        'dev-b',
        NOW,
      );
      expect(remoteOf(written({}, planAs('dev-a', own))).highlightsComplete).toBe(true);
      expect(remoteOf(written({}, planAs('dev-a', new Map([...own, ...fromB])))).highlightsComplete).toBe(false);
    });
  });

  // Found in review: only a browser could take itself out of the list, so one gone for good (its
  // data deleted: a new id; uninstalled) kept every other browser from sending such removals.
  describe('entries last 30 days unless renewed', () => {
    it('a write made for another reason drops others’ entries older than that, and the area is whole again', () => {
      const doc = withHighlights(40);
      const mine = written({}, planAs('dev-b', doc));
      const area = { ...mine, [LEFT_OUT_KEY]: { ...(mine[LEFT_OUT_KEY] as object), h: [['dev-gone', NOW]] } };
      expect(planAs('dev-b', doc, area, NOW + LEFT_OUT_LIFETIME_MS - DAY)).toMatchObject({
        needed: false,
        recheckAt: null,
      });
      // Expired, but no reason to write on its own (see the clocks below).
      expect(planAs('dev-b', doc, area, NOW + LEFT_OUT_LIFETIME_MS).needed).toBe(false);
      const expired = planAs('dev-b', withHighlights(41), area, NOW + LEFT_OUT_LIFETIME_MS);
      expect(expired.needed).toBe(true);
      expect(remoteOf(written(area, expired))).toMatchObject({ highlightsLeftOutBy: [], highlightsComplete: true });
    });

    // Found in review: a time a day ahead of the writer's clock was written back as now, and an
    // entry 30 days behind it dropped at once: two browsers whose clocks disagree rewrote each
    // other's entries back and forth, each write waking the other.
    /** What B holds once it read A's area (nothing of its own to add), and the same with one edit. */
    const settledOn = (area: Record<string, unknown>) => {
      const doc = (readRemoteState(area) as { doc: SyncDocument }).doc;
      const edited = new Map(doc);
      edited.set([...doc.keys()].find((key) => key.startsWith('item:')) as string, deleted(0));
      return { doc, edited };
    };
    /** What A holds once it read an area: its own library, highlights that did not fit included, and what the area adds. */
    const aOn = (area: Record<string, unknown>) =>
      mergeDocuments(withHighlights(1_000), (readRemoteState(area) as { doc: SyncDocument }).doc);

    it('clocks a day apart: an entry dated ahead is kept as written and is no reason to write', () => {
      const fromA = written({}, planAs('dev-a', withHighlights(1_000), {}, NOW + 2 * DAY)); // A's clock is ahead
      const b = settledOn(fromA);
      expect(planAs('dev-b', b.doc, fromA).needed).toBe(false);
      const next = planAs('dev-b', b.edited, fromA);
      expect(next.needed).toBe(true);
      expect((next.set[LEFT_OUT_KEY] as { h: unknown }).h).toEqual([['dev-a', NOW + 2 * DAY]]);
      // A, reading B's write, has nothing to renew: at most it fills once the room the removal left
      // (items with nothing chosen carry no status, tags or note, so one more may fit).
      const byB = written(fromA, next);
      const byA = planAs('dev-a', aOn(byB), byB, NOW + 2 * DAY + 1_000);
      const settled = byA.needed ? written(byB, byA) : byB;
      expect(planAs('dev-a', aOn(settled), settled, NOW + 2 * DAY + 2_000).needed).toBe(false);
      expect(planAs('dev-b', settledOn(settled).doc, settled).needed).toBe(false);
    });

    it('clocks 30 days apart: one write drops the entry, one puts it back, and then both are still', () => {
      const fromA = written({}, planAs('dev-a', withHighlights(1_000)));
      const bNow = NOW + LEFT_OUT_LIFETIME_MS + DAY; // B's clock is ahead
      const b = settledOn(fromA);
      expect(planAs('dev-b', b.doc, fromA, bNow).needed).toBe(false);
      const byB = written(fromA, planAs('dev-b', b.edited, fromA, bNow));
      expect(readRemoteState(byB)).toMatchObject({ highlightsLeftOutBy: [] });
      const byA = planAs('dev-a', aOn(byB), byB, NOW + 10_000);
      expect(byA.needed).toBe(true);
      const after = written(byB, byA);
      expect(readRemoteState(after)).toMatchObject({ highlightsLeftOutBy: ['dev-a'] });
      expect(planAs('dev-b', settledOn(after).doc, after, bNow + 20_000).needed).toBe(false);
      expect(planAs('dev-a', aOn(after), after, NOW + 20_000).needed).toBe(false);
    });

    it('a long list counts against the room like any other key', () => {
      const doc = withHighlights(1_000);
      const full = written({}, planAs('dev-a', doc));
      const many = Array.from({ length: 63 }, (_, i) => [
        `device-${String(i).padStart(2, '0')}-${'x'.repeat(50)}`,
        NOW,
      ]);
      const area = { ...full, [LEFT_OUT_KEY]: { ...(full[LEFT_OUT_KEY] as object), h: many } };
      const p = planAs('dev-b', doc, area, NOW + 1_000);
      const after = written(area, p);
      expect((after[LEFT_OUT_KEY] as { h: unknown[] }).h).toHaveLength(64);
      const bytes = Object.entries(after).reduce((sum, [key, value]) => sum + chromeItemBytes(key, value), 0);
      expect(chromeItemBytes(LEFT_OUT_KEY, after[LEFT_OUT_KEY])).toBeGreaterThan(4_000);
      expect(p.report.bytesUsed).toBe(bytes);
      expect(bytes).toBeLessThanOrEqual(SYNC_QUOTAS.QUOTA_BYTES);
    });

    it('a listed browser renews its own entry once a day, with nothing else to write', () => {
      const doc = withHighlights(1_000);
      const area = written({}, planAs('dev-a', doc));
      const soon = planAs('dev-a', doc, area, NOW + DAY - 1_000);
      expect(soon).toMatchObject({ needed: false, recheckAt: NOW + LEFT_OUT_REFRESH_MS });
      const renewed = planAs('dev-a', doc, area, NOW + LEFT_OUT_REFRESH_MS);
      expect(renewed.needed).toBe(true);
      expect((renewed.set[LEFT_OUT_KEY] as { h: unknown }).h).toEqual([['dev-a', NOW + LEFT_OUT_REFRESH_MS]]);
    });
  });
});
