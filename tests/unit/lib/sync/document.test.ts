import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalDocument,
  compareStamps,
  type Entity,
  isVisible,
  mergeDocuments,
  type Register,
  type SyncDocument,
  splitEntityKey,
  stampTime,
  visibleValues,
} from '@/lib/sync/document';

/**
 * The document is a state-based CRDT: merging is commutative, associative and idempotent, so any
 * order of exchanges between any number of replicas ends in the same document.
 */
const device = fc.constantFrom('dev-a', 'dev-b', 'dev-c');
const time = fc.integer({ min: 0, max: 8 }).map((s) => s * 1_000);
const value = fc.oneof(
  fc.constantFrom('x', 'y', 'z'),
  fc.array(fc.constantFrom('p', 'q'), { maxLength: 2 }),
  fc.integer({ min: 0, max: 2 }),
);
const register: fc.Arbitrary<Register> = fc.record({ v: value, t: time, d: device });
const entity: fc.Arbitrary<Entity> = fc.record({
  fields: fc.dictionary(fc.constantFrom('title', 'status', 'tags', 'note'), register, { maxKeys: 4 }),
  deleted: fc.option(fc.record({ t: time, d: device }), { nil: null }),
});
const doc: fc.Arbitrary<SyncDocument> = fc
  .dictionary(fc.constantFrom('item:page:1', 'item:page:2', 'item:article:x', 'pref:theme'), entity, { maxKeys: 4 })
  .map((record) => new Map(Object.entries(record)));

function same(a: SyncDocument, b: SyncDocument): void {
  expect(canonicalDocument(a)).toBe(canonicalDocument(b));
}

describe('mergeDocuments', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        same(mergeDocuments(a, b), mergeDocuments(b, a));
      }),
      { numRuns: 500 },
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(doc, doc, doc, (a, b, c) => {
        same(mergeDocuments(mergeDocuments(a, b), c), mergeDocuments(a, mergeDocuments(b, c)));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent, and merging in something already merged changes nothing', () => {
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        same(mergeDocuments(a, a), a);
        const ab = mergeDocuments(a, b);
        same(mergeDocuments(ab, b), ab);
      }),
      { numRuns: 500 },
    );
  });

  it('replicas that exchange states in any order end equal', () => {
    const exchange = fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 2 }));
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 3, maxLength: 3 }),
        fc.array(exchange, { maxLength: 12 }),
        (start, order) => {
          const replicas = [...start];
          for (const [from, to] of order) replicas[to] = mergeDocuments(replicas[to]!, replicas[from]!);
          // Then everyone hears from everyone.
          for (const to of [0, 1, 2])
            for (const from of [0, 1, 2]) replicas[to] = mergeDocuments(replicas[to]!, replicas[from]!);
          for (const to of [0, 1, 2])
            for (const from of [0, 1, 2]) replicas[to] = mergeDocuments(replicas[to]!, replicas[from]!);
          same(replicas[0]!, replicas[1]!);
          same(replicas[1]!, replicas[2]!);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps, per field, the register with the latest stamp; the device breaks a tie', () => {
    const older = { v: 'old', t: 1_000, d: 'dev-z' };
    const newer = { v: 'new', t: 2_000, d: 'dev-a' };
    const tieLow = { v: 'low', t: 3_000, d: 'dev-a' };
    const tieHigh = { v: 'high', t: 3_000, d: 'dev-b' };
    const a = new Map([['item:x', { fields: { title: older, note: tieLow }, deleted: null }]]);
    const b = new Map([['item:x', { fields: { title: newer, note: tieHigh }, deleted: null }]]);
    expect(mergeDocuments(a, b).get('item:x')?.fields).toEqual({ title: newer, note: tieHigh });
    expect(mergeDocuments(b, a).get('item:x')?.fields).toEqual({ title: newer, note: tieHigh });
  });
});

describe('deletion and resurrection', () => {
  const fields = (t: number) => ({ title: { v: 'T', t, d: 'dev-a' }, note: { v: '', t, d: 'dev-a' } });

  it('an entity is hidden while no field changed after its tombstone', () => {
    expect(isVisible({ fields: fields(5_000), deleted: { t: 10_000, d: 'dev-a' } })).toBe(false);
    expect(isVisible({ fields: fields(5_000), deleted: null })).toBe(true);
    expect(isVisible({ fields: {}, deleted: null })).toBe(false);
  });

  it('delete at 10 s on A, edit at 12 s on B: the item shows, with every field it had', () => {
    const onA = new Map([['item:x', { fields: fields(5_000), deleted: { t: 10_000, d: 'dev-a' } }]]);
    const onB = new Map([
      ['item:x', { fields: { ...fields(5_000), note: { v: 'later', t: 12_000, d: 'dev-b' } }, deleted: null }],
    ]);
    expect(visibleValues(mergeDocuments(onA, onB)).get('item:x')).toEqual({ title: 'T', note: 'later' });
  });

  it('a copy from before the deletion does not bring it back', () => {
    const onA = new Map([['item:x', { fields: fields(5_000), deleted: { t: 10_000, d: 'dev-a' } }]]);
    const stale = new Map([['item:x', { fields: fields(5_000), deleted: null }]]);
    expect(visibleValues(mergeDocuments(stale, onA)).has('item:x')).toBe(false);
  });
});

describe('stamps and keys', () => {
  it('stamps are whole seconds, never earlier than the change', () => {
    expect(stampTime(1_000)).toBe(1_000);
    expect(stampTime(1_001)).toBe(2_000);
    expect(compareStamps({ t: 1_000, d: 'b' }, { t: 1_000, d: 'a' })).toBe(1);
  });

  it('an item key keeps the colons of its id', () => {
    expect(splitEntityKey('item:page:abc')).toEqual({ kind: 'item', id: 'page:abc' });
  });
});
