import { describe, expect, it } from 'vitest';
import { chromeItemBytes, quotaNamed, SYNC_QUOTAS } from '@/lib/sync/quotas';
import { createWriteLimiter } from '@/lib/sync/write-limiter';
import { createSharedSyncStorage } from './fake-sync-storage';
import { createTestClock } from './test-clock';

/** Chrome's measures and messages, the fake that enforces them, and Shelf's own write limiter. */
describe('chromeItemBytes', () => {
  it('counts the key and the JSON value in UTF-8, with Chrome’s escapes', () => {
    expect(chromeItemBytes('k', 'abc')).toBe(1 + 5);
    expect(chromeItemBytes('k', 'é')).toBe(1 + 4);
    expect(chromeItemBytes('k', '<')).toBe(1 + 8); // "\u003C"
    expect(chromeItemBytes('k', { a: [1, null] })).toBe(1 + '{"a":[1,null]}'.length);
  });

  it('names the quota in a message, old or new wording', () => {
    expect(quotaNamed(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'))).toBe(
      'MAX_WRITE_OPERATIONS_PER_MINUTE',
    );
    expect(quotaNamed(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))).toBe('QUOTA_BYTES_PER_ITEM');
    expect(quotaNamed(new Error('Resource::kQuotaBytes quota exceeded'))).toBe('QUOTA_BYTES');
    expect(quotaNamed(new Error('MAX_ITEMS quota exceeded'))).toBe('MAX_ITEMS');
    expect(quotaNamed(new Error('Something else'))).toBeNull();
  });
});

describe('the fake storage.sync', () => {
  const setUp = () => {
    const clock = createTestClock();
    const shared = createSharedSyncStorage(clock);
    return { clock, shared, a: shared.connect('a'), b: shared.connect('b') };
  };

  it('refuses an item over 8,192 bytes, counting the key, and writes nothing of that set', async () => {
    const { a, shared } = setUp();
    const fits = 'x'.repeat(SYNC_QUOTAS.QUOTA_BYTES_PER_ITEM - 'key'.length - 2);
    await a.set({ key: fits });
    await expect(a.set({ small: 1, key2: `${fits}y` })).rejects.toThrow(/^QUOTA_BYTES_PER_ITEM quota exceeded$/);
    expect(Object.keys(shared.snapshot())).toEqual(['key']);
  });

  it('refuses a set that takes the area over 102,400 bytes, or over 512 items', async () => {
    const { a, shared } = setUp();
    for (let i = 0; i < 12; i++) await a.set({ [`k${i}`]: 'x'.repeat(8_000) });
    await expect(a.set({ k12: 'x'.repeat(8_000) })).rejects.toThrow(/^QUOTA_BYTES quota exceeded$/);
    await a.remove(Object.keys(shared.snapshot()));
    const many = Object.fromEntries(Array.from({ length: 513 }, (_, i) => [`i${i}`, 1]));
    await expect(a.set(many)).rejects.toThrow(/^MAX_ITEMS quota exceeded$/);
    expect(shared.bytesInUse()).toBe(0);
  });

  it('allows 120 writes a minute per browser, counting set and remove, and refills after the window', async () => {
    const { a, b, clock } = setUp();
    for (let i = 0; i < 60; i++) {
      await a.set({ n: i });
      await a.remove(['n']);
    }
    await expect(a.set({ n: 'one more' })).rejects.toThrow(
      'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
    );
    await b.set({ other: 'browser' }); // b has its own allowance
    await clock.advance(60_001);
    await expect(a.set({ n: 'later' })).resolves.toBeUndefined();
  });

  it('allows 1,800 writes an hour', async () => {
    const { a, clock } = setUp();
    for (let minute = 0; minute < 15; minute++) {
      for (let i = 0; i < 120; i++) await a.set({ n: i });
      await clock.advance(60_001);
    }
    await expect(a.set({ n: 'too many' })).rejects.toThrow('MAX_WRITE_OPERATIONS_PER_HOUR');
  });

  it('tells every browser what changed, and only what changed', async () => {
    const { a, b, clock } = setUp();
    const seen: unknown[] = [];
    b.onChanged.addListener((changes) => seen.push(changes));
    await a.set({ x: 1, y: 2 });
    await a.set({ x: 1, y: 3 });
    await a.remove(['x', 'absent']);
    await clock.settle();
    expect(seen).toEqual([
      { x: { newValue: 1 }, y: { newValue: 2 } },
      { y: { oldValue: 2, newValue: 3 } },
      { x: { oldValue: 1 } },
    ]);
  });
});

describe('the write limiter', () => {
  it('keeps to its share of each window, and says when the next write may go', () => {
    const limiter = createWriteLimiter({ perMinute: 3, perHour: 5 });
    for (const at of [0, 1_000, 2_000]) {
      expect(limiter.nextAllowed(at, 1)).toBe(at);
      limiter.record(at);
    }
    expect(limiter.nextAllowed(3_000, 1)).toBe(61_000);
    expect(limiter.nextAllowed(3_000, 2)).toBe(62_000);
    for (const at of [61_000, 62_000]) limiter.record(at);
    expect(limiter.nextAllowed(200_000, 1)).toBe(3_601_000);
  });

  it('by default stays under Chrome’s limits', () => {
    const limiter = createWriteLimiter();
    let at = 0;
    const times: number[] = [];
    while (times.length < 3_000) {
      at = limiter.nextAllowed(at, 1);
      limiter.record(at);
      times.push(at);
    }
    const inWindow = (i: number, window: number) =>
      times.filter((t) => t > times[i]! - window && t <= times[i]!).length;
    for (let i = 0; i < times.length; i += 7) {
      expect(inWindow(i, 60_000)).toBeLessThanOrEqual(SYNC_QUOTAS.MAX_WRITE_OPERATIONS_PER_MINUTE);
      expect(inWindow(i, 3_600_000)).toBeLessThanOrEqual(SYNC_QUOTAS.MAX_WRITE_OPERATIONS_PER_HOUR);
    }
  });
});
