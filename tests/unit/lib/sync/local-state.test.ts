import { describe, expect, it } from 'vitest';
import { EMPTY_DOCUMENT, type Entity, isVisible, type SyncDocument } from '@/lib/sync/document';
import {
  type BlindRemovalContext,
  highlightFromEntity,
  type LocalSnapshot,
  localChangesFor,
  observeLocal,
  type SyncItem,
} from '@/lib/sync/local-state';

/** Local state ↔ document: what counts as an edit here, a removal here, and what to write back. */
const T = 1_700_000_000_000;
const DAY = 86_400_000;
const item = (patch: Partial<SyncItem> = {}): SyncItem => ({
  id: 'page:abc',
  url: 'https://example.com/abc',
  title: 'Abc',
  status: 'unread',
  tags: [],
  note: '',
  addedAt: T,
  changedAt: { status: T, title: T, tags: T, note: T },
  progress: null,
  ...patch,
});
const snapshot = (items: SyncItem[], preferences: LocalSnapshot['preferences'] = {}): LocalSnapshot => ({
  items,
  preferences,
});
const observe = (replica: SyncDocument, snap: LocalSnapshot, now = T + 100_000) =>
  observeLocal(replica, snap, 'dev-a', now);

const highlightOn = (itemId: string): SyncDocument =>
  new Map([
    [
      'hl:h1',
      {
        fields: {
          item: { v: itemId, t: T, d: 'dev-b' },
          sel: { v: [], t: T, d: 'dev-b' },
          note: { v: '', t: T, d: 'dev-b' },
          color: { v: 'yellow', t: T, d: 'dev-b' },
          at: { v: T, t: T, d: 'dev-b' },
        },
        deleted: null,
      },
    ],
  ]);

describe('observeLocal', () => {
  it('a new item: each field stamped with its change time (in whole seconds), by this device', () => {
    const doc = observe(EMPTY_DOCUMENT, snapshot([item({ changedAt: { status: T + 1, title: T, tags: T, note: T } })]));
    const fields = doc.get('item:page:abc')!.fields;
    expect(fields.title).toEqual({ v: 'Abc', t: T, d: 'dev-a' });
    expect(fields.status).toEqual({ v: 'unread', t: T + 1_000, d: 'dev-a' });
    expect(fields.progress).toBeUndefined();
  });

  // Stored from sync, a field's change time is the stamp it came with.
  it('an unchanged value keeps the stamp it came with, from whichever device', () => {
    const replica: SyncDocument = new Map([
      ['item:page:abc', { fields: { title: { v: 'Abc', t: T - 5_000, d: 'dev-b' } }, deleted: null }],
    ]);
    const synced = item({ changedAt: { status: T, title: T - 5_000, tags: T, note: T } });
    expect(observe(replica, snapshot([synced])).get('item:page:abc')!.fields.title).toEqual({
      v: 'Abc',
      t: T - 5_000,
      d: 'dev-b',
    });
  });

  it('the same value chosen here after its stamp (changed and changed back) is a new choice, dated then', () => {
    const replica: SyncDocument = new Map([
      [
        'item:page:abc',
        {
          fields: { title: { v: 'Abc', t: T, d: 'dev-b' }, note: { v: 'n', t: T - 5_000, d: 'dev-b' } },
          deleted: null,
        },
      ],
    ]);
    const fields = observe(
      replica,
      snapshot([item({ note: 'n', changedAt: { status: T, title: T, tags: T, note: T + 20_000 } })]),
    ).get('item:page:abc')!.fields;
    expect(fields.note).toEqual({ v: 'n', t: T + 20_000, d: 'dev-a' });
    expect(fields.title).toEqual({ v: 'Abc', t: T, d: 'dev-b' });
  });

  it('a changed value is newer than the one it replaced, whatever this clock says', () => {
    const replica = observe(EMPTY_DOCUMENT, snapshot([item()]));
    const later = observe(
      replica,
      snapshot([item({ title: 'Renamed', changedAt: { status: T, title: T - 60_000, tags: T, note: T } })]),
    );
    expect(later.get('item:page:abc')!.fields.title).toEqual({ v: 'Renamed', t: T + 1_000, d: 'dev-a' });
  });

  it('an item gone here is removed when it was removed, or when noticed', () => {
    const replica = observe(EMPTY_DOCUMENT, snapshot([item()]));
    expect(observe(replica, snapshot([])).get('item:page:abc')!.deleted).toEqual({ t: T + 100_000, d: 'dev-a' });
    const known = observe(replica, { ...snapshot([]), removedAt: { 'page:abc': T + 50_000 } });
    expect(known.get('item:page:abc')!.deleted).toEqual({ t: T + 50_000, d: 'dev-a' });
    expect(isVisible(known.get('item:page:abc')!)).toBe(false);
    // A removal sync first sends more than 30 days (RECENT_DELETION_MS) after it was made is dated
    // when noticed: it must still rank as a recent deletion, and be nowhere near its expiry.
    const late = T + 40 * DAY;
    const stale = observeLocal(replica, { ...snapshot([]), removedAt: { 'page:abc': T + 50_000 } }, 'dev-a', late);
    expect(stale.get('item:page:abc')!.deleted).toEqual({ t: late, d: 'dev-a' });
  });

  describe('an item saved and removed here between two syncs (never synced from here)', () => {
    const removedAt = { 'page:abc': T + 50_000 };
    const now = T + 100_000;
    // Synced before (its replica holds a setting), but never this page.
    const synced: SyncDocument = new Map([
      ['pref:theme', { fields: { value: { v: 'system', t: 0, d: 'dev-a' } }, deleted: null }],
    ]);
    const plainCopy = observe(EMPTY_DOCUMENT, snapshot([item()]), T).get('item:page:abc')!;
    const area = (entity = plainCopy, more: SyncDocument = new Map()): SyncDocument =>
      new Map([['item:page:abc', entity], ...more]);
    // First synced at T, before the removal; the area holds every highlight of its writer's library.
    const blind = (
      replica: SyncDocument,
      published: SyncDocument,
      at = now,
      context: Partial<BlindRemovalContext> = {},
    ) =>
      observeLocal(replica, { ...snapshot([]), removedAt }, 'dev-a', at, {
        published,
        highlightsComplete: true,
        firstSyncAt: T,
        ...context,
      }).get('item:page:abc');

    it('a tombstone dated when removed, only where another browser published a plain copy', () => {
      expect(blind(synced, EMPTY_DOCUMENT)).toBeUndefined();
      expect(blind(synced, area())).toEqual({ fields: {}, deleted: { t: T + 50_000, d: 'dev-a' } });
      // Saved here again: the item, no tombstone; removed too long ago: nothing (dated now, it would
      // remove copies saved elsewhere after it).
      expect(
        observeLocal(synced, { ...snapshot([item()]), removedAt }, 'dev-a', now, {
          published: area(),
          highlightsComplete: true,
          firstSyncAt: T,
        }).get('item:page:abc')!.deleted,
      ).toBeNull();
      expect(blind(synced, area(), T + 40 * DAY)).toBeUndefined();
    });

    it('none over a copy holding what the user wrote elsewhere: a note, tags or a highlight', () => {
      const withNote = observe(EMPTY_DOCUMENT, snapshot([item({ note: 'Read the part on retries' })]), T);
      const withTags = observe(EMPTY_DOCUMENT, snapshot([item({ tags: ['queues'] })]), T);
      expect(blind(synced, withNote)).toBeUndefined();
      expect(blind(synced, withTags)).toBeUndefined();
      const highlight = highlightOn('page:abc');
      expect(blind(synced, area(plainCopy, highlight))).toBeUndefined();
      // A highlight deleted there holds nothing any more.
      const deletedHighlight = new Map(
        [...highlight].map(([key, e]) => [key, { ...e, deleted: { t: T + 1, d: 'dev-b' } }]),
      );
      expect(blind(synced, area(plainCopy, deletedHighlight))?.deleted).toEqual({ t: T + 50_000, d: 'dev-a' });
    });

    it('a highlight the library would refuse protects nothing: it is no highlight', () => {
      const [[key, good]] = [...highlightOn('page:abc')] as [[string, Entity]];
      const malformed: SyncDocument = new Map([
        [key, { ...good, fields: { ...good.fields, color: { v: 7, t: T, d: 'dev-b' } } }],
      ]);
      const { sel: _sel, ...withoutSelectors } = good.fields;
      const noQuote: SyncDocument = new Map([[key, { ...good, fields: withoutSelectors }]]);
      expect(blind(synced, area(plainCopy, malformed))?.deleted).toEqual({ t: T + 50_000, d: 'dev-a' });
      expect(blind(synced, area(plainCopy, noQuote))?.deleted).toEqual({ t: T + 50_000, d: 'dev-a' });
    });

    it('none while the area may lack highlights (some did not fit): they may be on this very page', () => {
      expect(blind(synced, area(), now, { highlightsComplete: false })).toBeUndefined();
    });

    it('none without the area to check against', () => {
      expect(observeLocal(synced, { ...snapshot([]), removedAt }, 'dev-a', now).get('item:page:abc')).toBeUndefined();
    });

    it('none at this browser’s first sync: removals made before it joined were not made to the others', () => {
      expect(blind(EMPTY_DOCUMENT, area(), now, { firstSyncAt: now })).toBeUndefined();
    });

    it('none at any later sync either, for a removal made before the first one', () => {
      // The other browser may publish the page only after this browser's first sync.
      expect(blind(synced, area(), now, { firstSyncAt: T + 50_000 })).toBeUndefined();
      expect(blind(synced, area(), now, { firstSyncAt: T + 60_000 })).toBeUndefined();
      expect(blind(synced, area(), now, { firstSyncAt: T + 49_000 })?.deleted).toEqual({ t: T + 50_000, d: 'dev-a' });
    });
  });

  it('an item saved again after its removal is new: every field newer than the removal', () => {
    const replica = observe(observe(EMPTY_DOCUMENT, snapshot([item()])), snapshot([]), T + 100_000);
    const again = observe(replica, snapshot([item()]), T + 200_000).get('item:page:abc')!;
    expect(isVisible(again)).toBe(true);
    for (const register of Object.values(again.fields)) expect(register.t).toBeGreaterThan(T + 100_000);
  });

  it('preferences: a default before any sync has time 0, a choice 1 s, a dated change its date', () => {
    const doc = observe(
      EMPTY_DOCUMENT,
      snapshot([], {
        theme: { value: 'system', isDefault: true },
        readerWidth: { value: 'wide', isDefault: false },
        readerFontSize: { value: 20, isDefault: false, changedAt: T + 3 },
      }),
    );
    expect(doc.get('pref:theme')!.fields.value!.t).toBe(0);
    expect(doc.get('pref:readerWidth')!.fields.value!.t).toBe(1_000);
    expect(doc.get('pref:readerFontSize')!.fields.value!.t).toBe(T + 1_000);
  });

  it('keeps whatever the replica has that this browser does not know (other kinds)', () => {
    const replica: SyncDocument = new Map([
      ['later:1', { fields: { quote: { v: 'q', t: 1_000, d: 'dev-b' } }, deleted: null }],
    ]);
    expect(observe(replica, snapshot([])).get('later:1')).toEqual(replica.get('later:1'));
  });
});

describe('localChangesFor', () => {
  it('puts what differs, removes what was deleted, sets changed preferences; nothing when equal', () => {
    const mine = item();
    const doc = new Map(observe(EMPTY_DOCUMENT, snapshot([mine], { theme: { value: 'dark', isDefault: false } })));
    expect(localChangesFor(doc, snapshot([mine], { theme: { value: 'dark', isDefault: false } }), T)).toEqual({
      readAt: T,
      put: [],
      remove: [],
      putHighlights: [],
      removeHighlights: [],
      preferences: {},
    });
    const other = item({ id: 'page:other', url: 'https://example.com/other' });
    doc.set('item:page:other', observe(EMPTY_DOCUMENT, snapshot([other])).get('item:page:other')!);
    doc.set('item:page:abc', { ...doc.get('item:page:abc')!, deleted: { t: T + 9_000, d: 'dev-b' } });
    const changes = localChangesFor(doc, snapshot([mine], { theme: { value: 'light', isDefault: false } }), T);
    expect(changes.put.map((i) => i.id)).toEqual(['page:other']);
    expect(changes.remove).toEqual([{ id: 'page:abc', removedAt: T + 9_000 }]);
    expect(changes.preferences).toEqual({ theme: 'dark' });
  });

  it('progress is rounded, so scrolling a pixel is not a change', () => {
    const reading = item({ progress: { fraction: 0.50001, scrollFraction: 0.5, scrollY: 1000.4, updatedAt: T } });
    const doc = observe(EMPTY_DOCUMENT, snapshot([reading]));
    expect(doc.get('item:page:abc')!.fields.progress!.v).toEqual([0.5, 0.5, 1000]);
    expect(localChangesFor(doc, snapshot([reading]), T).put).toEqual([]);
  });
});

describe('a highlight’s paragraphs and code lines (the `blocks` register, added later)', () => {
  const [[key, entity]] = [...highlightOn('page:abc')] as [[string, Entity]];
  const blocks = [{ text: 'one' }, { text: 'two' }];
  /** The highlight as this browser's database holds it, without blocks. */
  const local = {
    id: 'h1',
    itemId: 'page:abc',
    selectors: [],
    note: '',
    color: 'yellow',
    createdAt: T,
    updatedAt: T,
  };

  it('are read when present; a highlight without them (made before, or by an older Shelf) is whole', () => {
    const withBlocks = { ...entity, fields: { ...entity.fields, blocks: { v: blocks, t: T, d: 'dev-b' } } };
    expect(highlightFromEntity('h1', withBlocks)?.quoteBlocks).toEqual(blocks);
    expect(highlightFromEntity('h1', entity)).not.toBeNull();
    expect(highlightFromEntity('h1', entity)).not.toHaveProperty('quoteBlocks');
  });

  it('are written once with the highlight, dated when it was made; none is no register at all', () => {
    const snap: LocalSnapshot = {
      ...snapshot([item()]),
      highlights: [
        { ...local, quoteBlocks: blocks },
        { ...local, id: 'h2' },
      ],
    };
    const doc = observe(EMPTY_DOCUMENT, snap);
    expect(doc.get(key)?.fields.blocks).toEqual({ v: blocks, t: T, d: 'dev-a' });
    expect(doc.get('hl:h2')?.fields).not.toHaveProperty('blocks');
  });

  it('a register this browser left out (blocks of a newer shape) is kept, not replaced by none', () => {
    const newer = { v: [{ text: 'one', lang: 'js' }], t: T, d: 'dev-b' };
    const replica: SyncDocument = new Map([[key, { ...entity, fields: { ...entity.fields, blocks: newer } }]]);
    const doc = observe(replica, { ...snapshot([item()]), highlights: [local] });
    expect(doc.get(key)?.fields.blocks).toEqual(newer);
    // Nor is the highlight offered again at every sync for the blocks it lacks here.
    expect(localChangesFor(doc, { ...snapshot([item()]), highlights: [local] }, T).putHighlights).toEqual([]);
  });
});

describe('highlights joined into one (the `from` register, added later)', () => {
  const itemDoc = observe(EMPTY_DOCUMENT, snapshot([item(), item({ id: 'page:other', url: 'https://example.com/o' })]));
  const [[, old]] = [...highlightOn('page:abc')] as [[string, Entity]];
  const highlight = (id: string, itemId: string, from?: string[]): [string, Entity] => [
    `hl:${id}`,
    {
      ...old,
      fields: {
        ...old.fields,
        item: { v: itemId, t: T, d: 'dev-b' },
        ...(from ? { from: { v: from, t: T, d: 'dev-b' } } : {}),
      },
    },
  ];
  const local = (id: string, itemId = 'page:abc') => ({
    id,
    itemId,
    selectors: [],
    note: '',
    color: 'yellow',
    createdAt: T,
    updatedAt: T,
  });
  const libraryWith = (...ids: Array<[string, string?]>): LocalSnapshot => ({
    ...snapshot([item(), item({ id: 'page:other', url: 'https://example.com/o' })]),
    highlights: ids.map(([id, itemId]) => local(id, itemId)),
  });

  it('are written once, dated when the joined one was made; a highlight made as it is has none', () => {
    const doc = observe(EMPTY_DOCUMENT, {
      ...libraryWith(['h2']),
      highlights: [{ ...local('h3'), joinedFrom: ['h1', 'h2'] }, local('h2')],
    });
    expect(doc.get('hl:h3')?.fields.from).toEqual({ v: ['h1', 'h2'], t: T, d: 'dev-a' });
    expect(doc.get('hl:h2')?.fields).not.toHaveProperty('from');
    expect(highlightFromEntity('h3', doc.get('hl:h3') as Entity)?.joinedFrom).toEqual(['h1', 'h2']);
  });

  it('hide those they name on their item, even ones still showing (edited after the join)', () => {
    const doc: SyncDocument = new Map([...itemDoc, highlight('h1', 'page:abc'), highlight('h3', 'page:abc', ['h1'])]);
    expect(isVisible(doc.get('hl:h1') as Entity)).toBe(true);
    const library = libraryWith(['h1']);
    const changes = localChangesFor(
      doc,
      { ...library, highlights: [local('h1'), { ...local('h3'), joinedFrom: ['h1'] }] },
      T,
    );
    expect(changes.removeHighlights).toEqual(['h1']);
    expect(changes.putHighlights).toEqual([]);
    // Not yet here: it is not stored.
    expect(localChangesFor(doc, libraryWith(), T).putHighlights.map(({ id }) => id)).toEqual(['h3']);
  });

  it('never hide a highlight of another item, nor themselves; a `from` of another shape is none', () => {
    const doc: SyncDocument = new Map([
      ...itemDoc,
      highlight('h1', 'page:other'),
      highlight('h3', 'page:abc', ['h1', 'h3']),
      highlight('h4', 'page:abc', [7 as unknown as string]),
    ]);
    const changes = localChangesFor(doc, libraryWith(['h1', 'page:other'], ['h3'], ['h4']), T);
    expect(changes.removeHighlights).toEqual([]);
    expect(highlightFromEntity('h4', doc.get('hl:h4') as Entity)).not.toHaveProperty('joinedFrom');
  });
});
