import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { describeSyncStatus } from '@/lib/settings/sync-settings';
import { createSyncedPreferences, SYNCED_PREFERENCE_NAMES } from '@/lib/settings/synced-preferences';
import { INITIAL_STATUS, type SyncStatus } from '@/lib/sync/sync-status';

const time = (at: number) => `t${at}`;

describe('what Settings says about sync', () => {
  it('says sync is off when it is', () => {
    expect(describeSyncStatus(null, time)).toEqual(['Sync is off: this shelf stays on this browser.']);
    expect(describeSyncStatus({ ...INITIAL_STATUS }, time)).toEqual(['Sync is off: this shelf stays on this browser.']);
  });

  it('gives the last sync, what is synced, the room used and what did not fit', () => {
    const status: SyncStatus = {
      state: 'idle',
      lastSyncAt: 5,
      nextAttemptAt: null,
      lastError: null,
      fit: {
        items: { synced: 847, notSynced: 153 },
        preferences: { synced: 5 },
        deletions: { synced: 0, notSynced: 0 },
        notSyncedItems: [],
        tooLarge: [],
        bytesUsed: 101_900,
        bytesQuota: 102_144,
      },
    };
    expect(describeSyncStatus(status, time)).toEqual([
      'Last synced t5.',
      'Synced: 847 of 1,000 saved items and 5 settings.',
      'Room used: 101,900 of 102,144 bytes.',
      // It said "(the oldest outside your reading queue)" even when every item was in the queue.
      '153 items do not fit in the browser’s sync storage and stay on this browser only: your reading queue syncs first, then your other items, the most recently changed first.',
    ]);
  });

  // QA pass: an item too big even alone was counted among those left out for room ("your reading queue
  // syncs first…" with a quarter of the room used), and highlights left out were never mentioned.
  it('says apart the items too big to sync even alone, and the highlights that did not fit', () => {
    const fit = {
      items: { synced: 18, notSynced: 3 },
      preferences: { synced: 5 },
      deletions: { synced: 0, notSynced: 0 },
      notSyncedItems: ['b', 'c'],
      tooLarge: ['a'],
      highlights: { synced: 262, notSynced: 538 },
      bytesUsed: 24_670,
      bytesQuota: 102_400,
    };
    const status: SyncStatus = { state: 'idle', lastSyncAt: 5, nextAttemptAt: null, lastError: null, fit };
    expect(describeSyncStatus(status, time).slice(3)).toEqual([
      '1 item is too big to sync even alone (a very long note, say) and stays on this browser only.',
      '2 items do not fit in the browser’s sync storage and stay on this browser only: your reading queue syncs first, then your other items, the most recently changed first.',
      '538 highlights do not fit in the browser’s sync storage and stay on this browser only (items sync before highlights, the most recent first).',
    ]);
    const alone = {
      ...fit,
      items: { synced: 20, notSynced: 1 },
      notSyncedItems: [],
      highlights: { synced: 3, notSynced: 0 },
    };
    expect(describeSyncStatus({ ...status, fit: alone }, time).slice(3)).toEqual([
      '1 item is too big to sync even alone (a very long note, say) and stays on this browser only.',
    ]);
  });
});

// QA pass: a background stopped mid-sync left "Syncing…" stored, and Settings said so until something woke it.
describe('what Settings says while a sync runs', () => {
  const syncing: SyncStatus = {
    state: 'syncing',
    lastSyncAt: 5,
    nextAttemptAt: null,
    lastError: null,
    fit: null,
    heartbeatAt: 1_000_000,
  };

  it('says "Syncing…" while the sync marks itself alive', () => {
    expect(describeSyncStatus(syncing, time, 1_000_000 + 20_000)).toEqual(['Syncing…']);
  });

  it('says when it last synced once the mark is stale (the background stopped mid-sync), and that it runs again', () => {
    const lines = [
      'Last synced t5.',
      'The last sync stopped before it finished (the browser stopped Shelf’s background): it runs again when that next starts, or with “Sync now”.',
    ];
    expect(describeSyncStatus(syncing, time, 1_000_000 + 5 * 60_000)).toEqual(lines);
    // An earlier version's status has no mark at all.
    expect(describeSyncStatus({ ...syncing, heartbeatAt: undefined }, time, 1_000_000)).toEqual(lines);
  });
});

describe('the synced preferences', () => {
  it('are the settings a user wants everywhere, not this browser’s own state', () => {
    expect([...SYNCED_PREFERENCE_NAMES].sort()).toEqual(
      ['readerFontSize', 'readerTheme', 'readerWidth', 'showBadge', 'theme'].sort(),
    );
  });

  it('apply only values their schema accepts, of synced preferences only, unless changed here since', async () => {
    const prefs = createSyncedPreferences(() => 1_000);
    const stop = prefs.watch(() => {});
    await prefs.apply({ theme: 'dark', readerFontSize: 99, syncEnabled: true, allowRemoteImages: true }, 0);
    expect(await getPreference(PREFERENCES.theme)).toBe('dark');
    expect(await getPreference(PREFERENCES.readerFontSize)).toBe(18);
    expect(await fakeBrowser.storage.local.get(['syncEnabled', 'allowRemoteImages'])).toEqual({});
    // Changed here at 1,000, after a sync read at 500: the sync's value waits.
    await setPreference(PREFERENCES.readerWidth, 'wide');
    await prefs.apply({ readerWidth: 'narrow' }, 500);
    expect(await getPreference(PREFERENCES.readerWidth)).toBe('wide');
    const read = await prefs.read();
    expect(read.readerWidth).toEqual({ value: 'wide', isDefault: false, changedAt: 1_000 });
    expect(read.readerTheme).toEqual({ value: 'system', isDefault: true, changedAt: undefined });
    stop();
  });

  // Sync takes a change time later than the synced value's as a new choice here: dating sync's own
  // write would let a value another browser chose earlier outvote a later choice made elsewhere.
  it('date a change made here, not a value sync set', async () => {
    let now = 1_000;
    const prefs = createSyncedPreferences(() => now);
    const stop = prefs.watch(() => {});
    await setPreference(PREFERENCES.readerFontSize, 14);
    now = 5_000;
    await prefs.apply({ readerFontSize: 20 }, 4_000);
    expect((await prefs.read()).readerFontSize).toEqual({ value: 20, isDefault: false, changedAt: undefined });
    now = 6_000;
    await setPreference(PREFERENCES.readerFontSize, 14);
    expect((await prefs.read()).readerFontSize).toEqual({ value: 14, isDefault: false, changedAt: 6_000 });
    stop();
  });

  // Dated, a write of the value already stored would republish it over a choice made elsewhere before.
  it('take a write of the value already stored for no change', async () => {
    let now = 1_000;
    const prefs = createSyncedPreferences(() => now);
    const stop = prefs.watch(() => {});
    await setPreference(PREFERENCES.readerFontSize, 14);
    now = 5_000;
    // The test browser tells of every write, as a browser may.
    await setPreference(PREFERENCES.readerFontSize, 14);
    expect((await prefs.read()).readerFontSize).toEqual({ value: 14, isDefault: false, changedAt: 1_000 });
    stop();
  });
});
