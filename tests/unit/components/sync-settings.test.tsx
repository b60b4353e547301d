import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SyncSettings } from '@/components/settings/sync-settings';
import { resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';
import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { NOT_SYNCED_NAMED } from '@/lib/settings/sync-settings';
import { SYNC_HEARTBEAT_STALE_MS, type SyncStatus } from '@/lib/sync/sync-status';

beforeEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
});
afterEach(() => {
  resetDatabaseConnection();
  vi.restoreAllMocks();
});

const statusLeavingOut = (notSyncedItems: string[], tooLarge: string[] = []): SyncStatus => ({
  state: 'idle',
  lastSyncAt: 5,
  nextAttemptAt: null,
  lastError: null,
  fit: {
    items: { synced: 3, notSynced: notSyncedItems.length + tooLarge.length },
    preferences: { synced: 5 },
    deletions: { synced: 0, notSynced: 0 },
    notSyncedItems,
    tooLarge,
    bytesUsed: 100,
    bytesQuota: 102_144,
  },
});

// README promises that sync says which items did not fit: Settings gave only their number.
describe('Settings names the items sync left on this browser', () => {
  it('lists their titles, the one too big to sync first, and counts the rest', async () => {
    const ids: string[] = [];
    for (let n = 0; n < NOT_SYNCED_NAMED + 4; n++)
      ids.push((await saveArticle({ id: `a${n}`, title: `Article ${n}`, url: null })).id);
    await setPreference(PREFERENCES.syncEnabled, true);
    await setPreference(PREFERENCES.syncStatus, statusLeavingOut(ids.slice(1), ids.slice(0, 1)));
    render(<SyncSettings />);
    // Behind a disclosure button (a <summary> was none to some screen readers, accessibility pass).
    const disclosure = await screen.findByRole('button', { name: 'Items on this browser only', expanded: false });
    fireEvent.click(disclosure);
    expect(disclosure.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('list', { name: 'Items on this browser only' });
    const titles = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(titles).toHaveLength(NOT_SYNCED_NAMED);
    expect(titles[0]).toBe('Article 0');
    expect(screen.getByText('and 4 more.')).toBeTruthy();
  });

  it('lists nothing when everything fits', async () => {
    await setPreference(PREFERENCES.syncEnabled, true);
    await setPreference(PREFERENCES.syncStatus, statusLeavingOut([]));
    render(<SyncSettings />);
    await screen.findByText(/Synced: 3 of 3/);
    expect(screen.queryByRole('button', { name: 'Items on this browser only' })).toBeNull();
  });
});

// QA pass: a background stopped mid-sync left "Syncing…" stored, and "Sync now" ignored clicks while it
// said so, though a request is the one thing that wakes the background to correct it.
describe('Sync now and the sync box', () => {
  it('asks the background to sync even while the stored status says it is syncing', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: null } as never);
    await setPreference(PREFERENCES.syncEnabled, true);
    await setPreference(PREFERENCES.syncStatus, { ...statusLeavingOut([]), state: 'syncing', heartbeatAt: Date.now() });
    render(<SyncSettings />);
    await screen.findByText('Syncing…');
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith({ type: 'sync-now' }));
  });

  it('a "Syncing…" left by a background stopped mid-sync (its mark stale) shows the last sync instead', async () => {
    await setPreference(PREFERENCES.syncEnabled, true);
    const stale = Date.now() - 10 * 60_000;
    await setPreference(PREFERENCES.syncStatus, { ...statusLeavingOut([]), state: 'syncing', heartbeatAt: stale });
    render(<SyncSettings />);
    const box = await screen.findByRole('status', { name: 'Sync status' });
    await waitFor(() => expect(box.textContent).toMatch(/^Last synced .*The last sync stopped before it finished/));
    expect(box.textContent).not.toContain('Syncing…');
  });

  it('"Syncing…" gives way to the last sync once its mark goes stale, with no change to the status', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    try {
      await setPreference(PREFERENCES.syncEnabled, true);
      await setPreference(PREFERENCES.syncStatus, {
        ...statusLeavingOut([]),
        state: 'syncing',
        heartbeatAt: Date.now(),
      });
      render(<SyncSettings />);
      const box = await screen.findByRole('status', { name: 'Sync status' });
      await waitFor(() => expect(box.textContent).toMatch(/^Syncing…/));
      vi.advanceTimersByTime(SYNC_HEARTBEAT_STALE_MS + 1_000);
      await waitFor(() => expect(box.textContent).toMatch(/^Last synced .*The last sync stopped before it finished/));
    } finally {
      vi.useRealTimers();
    }
  });

  // Review: a setting that could not be stored left the box showing it, and the failure unsaid.
  it('a box whose setting could not be stored shows the setting again, and says why', async () => {
    await setPreference(PREFERENCES.syncEnabled, false);
    render(<SyncSettings />);
    const box = (await screen.findByRole('checkbox', { name: "Sync with this browser's account" })) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The setting was not saved: QUOTA_BYTES quota exceeded',
    );
    await waitFor(() => expect(box.checked).toBe(false));
  });

  it('a second click before the first is stored turns sync off again (a double click)', async () => {
    await setPreference(PREFERENCES.syncEnabled, false);
    render(<SyncSettings />);
    const box = await screen.findByRole('checkbox', { name: "Sync with this browser's account" });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(box);
    fireEvent.click(box);
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await getPreference(PREFERENCES.syncEnabled)).toBe(false);
    expect((box as HTMLInputElement).checked).toBe(false);
  });
});
