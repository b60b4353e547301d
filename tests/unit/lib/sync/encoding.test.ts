import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fragmentlessPageItemId, pageItemId } from '@/lib/db/ids';
import { decodeChunk, encodeChunk } from '@/lib/sync/chunk-codec';
import { canonicalDocument, type Entity, type Register, type SyncDocument } from '@/lib/sync/document';
import { chromeItemBytes } from '@/lib/sync/quotas';
import { decodeReplica, encodeReplica } from '@/lib/sync/replica';
import { bytesToText, textToBytes } from '@/lib/sync/text-codec';
import { packEntities, transportForm, unpackEntities, WireFormatError } from '@/lib/sync/wire-format';

/** Entities → compact JSON → deflate → text, and back, exactly; and nothing else gets through. */
describe('text codec', () => {
  it('any bytes round-trip, at 5 characters for 4 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = bytesToText(bytes);
        expect(textToBytes(text)).toEqual(bytes);
        expect(text.length).toBe(Math.floor(bytes.length / 4) * 5 + (bytes.length % 4 ? (bytes.length % 4) + 1 : 0));
      }),
      { numRuns: 500 },
    );
  });

  it("uses no character Chrome's JSON escapes, so an item costs one byte a character", () => {
    const text = bytesToText(Uint8Array.from({ length: 4096 }, (_, i) => (i * 37 + (i >> 3)) % 256));
    expect(text).not.toMatch(/["\\<]/);
    expect(chromeItemBytes('k', text)).toBe(1 + text.length + 2);
  });

  it('refuses text it could not have written', () => {
    expect(() => textToBytes('abc"e')).toThrow();
    expect(() => textToBytes('abcdef')).toThrow(/length/);
    expect(() => textToBytes('#####')).toThrow(/range/);
  });
});

const device = fc.constantFrom('dev-a', 'dev-b', 'phone-7');
const second = fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }).map((s) => s * 1_000);
const reg = <T>(v: fc.Arbitrary<T>) => fc.record({ v, t: second, d: device }) as fc.Arbitrary<Register>;
const url = fc.webUrl({ withQueryParameters: true, withFragments: false });
const itemFields = fc.record(
  {
    url: reg(fc.option(url, { nil: null })),
    title: reg(fc.string({ minLength: 1, maxLength: 80 })),
    status: reg(fc.constantFrom('unread', 'reading', 'done', 'archived')),
    tags: reg(fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 4 })),
    note: reg(fc.string({ maxLength: 60 })),
    addedAt: reg(fc.integer({ min: 0, max: 2_000_000_000_000 })),
    progress: reg(
      fc.option(
        fc.tuple(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.nat(50_000),
        ),
        {
          nil: null,
        },
      ),
    ),
  },
  { requiredKeys: [] },
);
const entity = (fields: fc.Arbitrary<Record<string, Register>>): fc.Arbitrary<Entity> =>
  fc.record({ fields, deleted: fc.option(fc.record({ t: second, d: device }), { nil: null }) });
const item = fc.tuple(
  fc.oneof(
    url.map((u) => pageItemId(u)),
    fc.string({ minLength: 1, maxLength: 30 }).map((s) => `article:${s}`),
  ),
  entity(itemFields),
);
/**
 * Any JSON but objects with a `__proto__` key: reading one back through Zod's record makes the key
 * the object's prototype, so it cannot round-trip. Shelf never writes one (every synced value is
 * checked by its schema first); one from elsewhere is read without it, harmlessly.
 */
const hasProtoKey = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (Object.hasOwn(value, '__proto__') || Object.values(value).some(hasProtoKey));
const safeJson = fc.jsonValue().filter((value) => !hasProtoKey(value));
const preference = fc.tuple(
  fc.constantFrom('theme', 'readerFontSize'),
  entity(fc.record({ value: reg(safeJson) }) as fc.Arbitrary<Record<string, Register>>),
);
const documentArb: fc.Arbitrary<SyncDocument> = fc
  .tuple(fc.array(item, { maxLength: 12 }), fc.array(preference, { maxLength: 2 }))
  .map(([items, prefs]) => {
    const doc = new Map<string, Entity>();
    for (const [id, e] of items) if (Object.keys(e.fields).length > 0 || e.deleted) doc.set(`item:${id}`, e);
    for (const [name, e] of prefs) doc.set(`pref:${name}`, e);
    return doc;
  });

/** The derived page id only works when the stored address is the one the id was made from. */
function consistent(doc: SyncDocument): SyncDocument {
  return new Map(
    [...doc].map(([key, e]) => {
      const u = e.fields.url?.v;
      if (key.startsWith('item:page:') && typeof u === 'string') return [`item:${pageItemId(u)}`, e];
      return [key, e];
    }),
  );
}

describe('chunk encoding', () => {
  it('any document round-trips in transport form (deleted items as their tombstone)', () => {
    fc.assert(
      fc.property(documentArb.map(consistent), (doc) => {
        const entries = [...doc];
        const back = new Map(decodeChunk(encodeChunk(entries)));
        const expected = new Map(
          entries
            .map(([key, e]) => [key, transportForm(key, e)] as const)
            .filter(([, e]) => e.deleted || Object.keys(e.fields).length),
        );
        expect(canonicalDocument(back)).toBe(canonicalDocument(expected));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('this browser’s copy keeps the fields of deleted items too', () => {
    fc.assert(
      fc.property(documentArb.map(consistent), (doc) => {
        const back = decodeReplica(encodeReplica({ doc, firstSyncAt: 1_700_000_000_000 }), 1_800_000_000_000);
        expect(canonicalDocument(back!.doc)).toBe(canonicalDocument(doc));
        expect(back!.firstSyncAt).toBe(1_700_000_000_000);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('a copy kept before it held its first sync’s time counts as first synced when read again', () => {
    const doc: SyncDocument = new Map([
      ['pref:theme', { fields: { value: { v: 'dark', t: 2_000, d: 'dev-a' } }, deleted: null }],
    ]);
    // As Shelf kept it until then: no `f`.
    const before = bytesToText(
      deflateSync(strToU8(JSON.stringify({ v: 1, p: packEntities([...doc], { whole: true }) })), { level: 6 }),
    );
    const back = decodeReplica(before, 1_800_000_000_000);
    expect(canonicalDocument(back!.doc)).toBe(canonicalDocument(doc));
    expect(back!.firstSyncAt).toBe(1_800_000_000_000);
    expect(decodeReplica(null, 1)).toBeNull();
    expect(decodeReplica('not a replica', 1)).toBeNull();
  });

  it('a page whose id is the hash of its address travels without the id', () => {
    const address = 'https://example.com/a/long/path?with=query';
    const id = pageItemId(address);
    const stamp = { t: 1_700_000_000_000, d: 'dev-a' };
    const fields = { url: { v: address, ...stamp }, title: { v: 'T', ...stamp } };
    const payload = packEntities([[`item:${id}`, { fields, deleted: null }]]);
    expect(JSON.stringify(payload)).not.toContain(id.slice(5));
    expect(unpackEntities(payload)[0]?.[0]).toBe(`item:${id}`);
  });

  // Ids leave out tracking parameters since version 12; earlier versions derive an id left out with them.
  it('a page saved under tracking parameters travels with its id; one left out is read as every version derives it', () => {
    const address = 'https://example.com/a?utm_source=news';
    const stamp = { t: 1_700_000_000_000, d: 'dev-a' };
    const fields = { url: { v: address, ...stamp }, title: { v: 'T', ...stamp } };
    const id = pageItemId(address);
    const payload = packEntities([[`item:${id}`, { fields, deleted: null }]]);
    expect(JSON.stringify(payload)).toContain(id.slice(5));
    expect(unpackEntities(payload)[0]?.[0]).toBe(`item:${id}`);
    const older = fragmentlessPageItemId(address); // the id an earlier version gave it, sent without it
    const fromOlder = packEntities([[`item:${older}`, { fields, deleted: null }]]);
    expect(JSON.stringify(fromOlder)).not.toContain(older.slice(5));
    expect(unpackEntities(fromOlder)[0]?.[0]).toBe(`item:${older}`);
  });

  it('refuses a chunk out of shape, naming what is wrong', () => {
    const good = packEntities([['item:article:x', { fields: { title: { v: 'T', t: 2_000, d: 'd' } }, deleted: null }]]);
    const variants: [unknown, RegExp][] = [
      [{ ...good, extra: 1 }, /not in the sync format/],
      [{ ...good, d: [] }, /names a device/],
      [{ ...good, i: [['article:x', 0, 0, null, 2, '']] }, /invalid title/],
      [{ ...good, i: [['article:x', 0, 0, null, 2]] }, /wrong number of values/],
      [{ ...good, i: [['', 0, 0, null, 2, 'T']] }, /neither an id nor an address/],
      [{ ...good, i: [['article:x', 0, 0, null, 4, 'elsewhere']] }, /invalid status/],
      [{ ...good, g: [['item:y', null, {}]] }, /wrong section/],
      [{ ...good, g: [['pref:x', null, { __proto__: ['v', 0, 0] }]] }, /not in the sync format/],
    ];
    for (const [payload, reason] of variants) expect(() => unpackEntities(payload)).toThrow(reason);
    expect(() => unpackEntities(good)).not.toThrow();
    expect(() => decodeChunk('0000000000')).toThrow(WireFormatError);
  });

  it('times must be whole seconds (a stamp that is not is a bug, not data)', () => {
    expect(() => packEntities([['pref:x', { fields: { value: { v: 1, t: 1_500, d: 'd' } }, deleted: null }]])).toThrow(
      /whole seconds/,
    );
  });
});
