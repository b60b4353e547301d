import { chromeItemBytes, SYNC_QUOTAS } from '@/lib/sync/quotas';
import type { StorageChange, SyncArea } from '@/lib/sync/sync-area';

/**
 * One `storage.sync` area shared by several simulated browsers, enforcing Chrome's quotas the way
 * Chromium does (settings_storage_quota_enforcer.cc, quota_service.cc, storage_api.cc):
 * - each `set`, `remove` and `clear` first takes a token from a per-minute bucket (120) and then a
 *   per-hour one (1,800); a bucket refills when its window, opened by its first write, has passed.
 *   Out of tokens: "This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota." The token is
 *   spent even when the write then fails on size. Each browser has its own buckets.
 * - a `set` is checked whole before anything is written: each item (key + its JSON, in UTF-8) ≤
 *   8,192 ("QUOTA_BYTES_PER_ITEM quota exceeded"), then the total ≤ 102,400 ("QUOTA_BYTES quota
 *   exceeded"), then ≤ 512 items ("MAX_ITEMS quota exceeded"). A refused `set` changes nothing.
 * - values are stored as JSON (a copy), and `onChanged` reports only keys whose value changed, to
 *   every browser (the writer too), after the write.
 * It records the most bytes and items ever stored, and every error thrown, so tests can say the
 * quotas were never exceeded.
 */
export interface FakeSyncArea extends SyncArea {
  readonly name: string;
  getBytesInUse(keys?: null): Promise<number>;
  clear(): Promise<void>;
  /** Errors this browser's calls threw. */
  readonly errors: Error[];
  /** When this browser's writes happened (for rate assertions). */
  readonly writeTimes: number[];
}

type Listener = (changes: Record<string, StorageChange>) => void;

class Bucket {
  private tokens = 0;
  private expires = Number.NEGATIVE_INFINITY;
  private fresh = true;
  constructor(
    private readonly size: number,
    private readonly window: number,
  ) {}
  take(now: number): boolean {
    if (this.fresh || now > this.expires) {
      this.tokens = this.size;
      this.expires = now + this.window;
      this.fresh = false;
    }
    if (this.tokens === 0) return false;
    this.tokens--;
    return true;
  }
}

export interface SharedSyncStorage {
  connect(name: string): FakeSyncArea;
  /** A copy of everything stored. */
  snapshot(): Record<string, unknown>;
  /** Writes without quotas or rate limits, as another browser's sync would deliver them; notifies everyone. */
  writeRaw(items: Record<string, unknown>): void;
  bytesInUse(): number;
  readonly peak: { bytes: number; items: number };
  /** Events not yet delivered (delivery: 'manual'). */
  deliver(): void;
}

export function createSharedSyncStorage(
  clock: { now(): number },
  { delivery = 'auto' as 'auto' | 'manual' } = {},
): SharedSyncStorage {
  const store = new Map<string, string>();
  const listeners = new Map<string, Set<Listener>>();
  const pending: Record<string, StorageChange>[] = [];
  const peak = { bytes: 0, items: 0 };
  const bytesOf = (entries: Iterable<[string, string]>) => {
    let total = 0;
    for (const [key, json] of entries) total += chromeItemBytes(key, JSON.parse(json));
    return total;
  };

  const dispatch = (changes: Record<string, StorageChange>) => {
    for (const set of listeners.values()) for (const listener of set) listener(structuredClone(changes));
  };
  const notify = (changes: Record<string, StorageChange>) => {
    if (Object.keys(changes).length === 0) return;
    pending.push(changes);
    if (delivery === 'auto')
      queueMicrotask(() => {
        const next = pending.shift();
        if (next) dispatch(next);
      });
  };
  const commit = (next: Map<string, string | undefined>) => {
    const changes: Record<string, StorageChange> = {};
    for (const [key, json] of next) {
      const old = store.get(key);
      if (old === json) continue;
      changes[key] = {
        ...(old !== undefined && { oldValue: JSON.parse(old) }),
        ...(json !== undefined && { newValue: JSON.parse(json) }),
      };
      if (json === undefined) store.delete(key);
      else store.set(key, json);
    }
    peak.bytes = Math.max(peak.bytes, bytesOf(store));
    peak.items = Math.max(peak.items, store.size);
    notify(changes);
  };

  function connect(name: string): FakeSyncArea {
    const minute = new Bucket(SYNC_QUOTAS.MAX_WRITE_OPERATIONS_PER_MINUTE, 60_000);
    const hour = new Bucket(SYNC_QUOTAS.MAX_WRITE_OPERATIONS_PER_HOUR, 3_600_000);
    const mine = new Set<Listener>();
    listeners.set(name, mine);
    const errors: Error[] = [];
    const writeTimes: number[] = [];
    const fail = (message: string): never => {
      const error = new Error(message);
      errors.push(error);
      throw error;
    };
    const assessWrite = () => {
      const now = clock.now();
      if (!minute.take(now)) fail('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
      if (!hour.take(now)) fail('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
      writeTimes.push(now);
    };
    return {
      name,
      errors,
      writeTimes,
      async get(keys) {
        if (keys !== null && keys !== undefined) throw new Error('the fake reads the whole area only');
        return Object.fromEntries([...store].map(([key, json]) => [key, JSON.parse(json)]));
      },
      async set(items) {
        assessWrite();
        const next = new Map<string, string | undefined>();
        const sizes = new Map([...store].map(([key, json]) => [key, chromeItemBytes(key, JSON.parse(json))]));
        for (const [key, value] of Object.entries(items)) {
          const json = JSON.stringify(value);
          if (json === undefined) continue;
          next.set(key, json);
          sizes.set(key, chromeItemBytes(key, value));
          if ((sizes.get(key) as number) > SYNC_QUOTAS.QUOTA_BYTES_PER_ITEM)
            fail('QUOTA_BYTES_PER_ITEM quota exceeded');
        }
        const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
        if (total > SYNC_QUOTAS.QUOTA_BYTES) fail('QUOTA_BYTES quota exceeded');
        if (sizes.size > SYNC_QUOTAS.MAX_ITEMS) fail('MAX_ITEMS quota exceeded');
        commit(next);
      },
      async remove(keys) {
        assessWrite();
        commit(new Map((Array.isArray(keys) ? keys : [keys]).map((key) => [key, undefined])));
      },
      async clear() {
        assessWrite();
        commit(new Map([...store.keys()].map((key) => [key, undefined])));
      },
      async getBytesInUse() {
        return bytesOf(store);
      },
      onChanged: {
        addListener: (listener) => mine.add(listener),
        removeListener: (listener) => mine.delete(listener),
      },
    };
  }

  return {
    connect,
    snapshot: () => Object.fromEntries([...store].map(([key, json]) => [key, JSON.parse(json)])),
    writeRaw(items) {
      commit(
        new Map(
          Object.entries(items).map(([key, value]) => [key, value === undefined ? undefined : JSON.stringify(value)]),
        ),
      );
    },
    bytesInUse: () => bytesOf(store),
    peak,
    deliver() {
      while (pending.length > 0) dispatch(pending.shift() as Record<string, StorageChange>);
    },
  };
}
