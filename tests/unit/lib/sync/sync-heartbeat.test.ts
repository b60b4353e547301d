import { describe, expect, it } from 'vitest';
import { createSyncEngine } from '@/lib/sync/engine';
import { isSyncUnderWay, SYNC_HEARTBEAT_MS, SYNC_HEARTBEAT_STALE_MS, type SyncStatus } from '@/lib/sync/sync-status';
import { createSharedSyncStorage } from './fake-sync-storage';
import { createTestClock } from './test-clock';

/**
 * QA pass: a background stopped mid-sync left "Syncing…" in Settings until something woke it. A sync
 * under way marks itself alive; a mark gone stale says it is not running any more.
 */
describe('a sync under way', () => {
  it('marks itself alive while it runs, and stops marking once it ends', async () => {
    const clock = createTestClock();
    let readLibrary = () => {};
    const reports: SyncStatus[] = [];
    const engine = createSyncEngine({
      area: createSharedSyncStorage(clock).connect('a'),
      deviceId: 'dev-a',
      clock,
      onReport: (status) => reports.push(status),
      local: {
        // A library slow to read (a large one, a busy disk): the sync runs for a while.
        read: () => new Promise((resolve) => (readLibrary = () => resolve({ items: [], preferences: {} }))),
        apply: async () => undefined,
        loadReplica: async () => null,
        saveReplica: async () => {},
        watch: () => () => {},
      },
    });
    const started = clock.now();
    const done = engine.syncNow();
    await clock.settle();
    expect(engine.status()).toMatchObject({ state: 'syncing', heartbeatAt: started });
    await clock.advance(2 * SYNC_HEARTBEAT_MS + 1_000);
    expect(engine.status()).toMatchObject({ state: 'syncing', heartbeatAt: started + 2 * SYNC_HEARTBEAT_MS });
    expect(isSyncUnderWay(reports.at(-1) ?? null, clock.now())).toBe(true);

    readLibrary();
    await done;
    expect(engine.status().state).toBe('stopped'); // "Sync now" on an engine never started

    expect(clock.pendingTimers()).toBe(0);
  });

  it('is believed only while its mark is recent', () => {
    const status: SyncStatus = {
      state: 'syncing',
      lastSyncAt: 5,
      nextAttemptAt: null,
      fit: null,
      lastError: null,
      heartbeatAt: 1_000_000,
    };
    expect(isSyncUnderWay(status, 1_000_000 + SYNC_HEARTBEAT_MS)).toBe(true);
    expect(isSyncUnderWay(status, 1_000_000 + SYNC_HEARTBEAT_STALE_MS)).toBe(false);
    // The clock set back a day: a mark from "the future" is no proof either.
    expect(isSyncUnderWay(status, 1_000_000 - 86_400_000)).toBe(false);
    // An earlier version's status, without a mark.
    expect(isSyncUnderWay({ ...status, heartbeatAt: undefined }, 1_000_000)).toBe(false);
    expect(isSyncUnderWay({ ...status, state: 'idle' }, 1_000_000)).toBe(false);
  });
});
