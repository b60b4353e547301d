import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestHandlers } from '@/lib/background/request-handlers';
import { keepSyncInStep, syncNow } from '@/lib/background/sync';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';
import { loadSyncReplica, readSyncEpoch } from '@/lib/db/sync';
import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { MANIFEST_KEY, readRemoteState } from '@/lib/sync/remote-state';

/** The background's part: sync runs only while the setting is on, and stores its status for Settings. */
afterEach(async () => {
  await setPreference(PREFERENCES.syncEnabled, false);
  await getDatabase().delete();
  resetDatabaseConnection();
});

describe('the background’s sync', () => {
  it('is off by default: nothing is written to the sync area and "Sync now" is refused', async () => {
    keepSyncInStep();
    await saveArticle({ id: 'cache-stampede', title: 'Cache Stampede', url: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await expect(syncNow()).rejects.toThrow('Sync is off.');
  });

  it('once turned on, sends the library to the sync area and reports when it synced', async () => {
    keepSyncInStep();
    await saveArticle({ id: 'cache-stampede', title: 'Cache Stampede', url: null });
    await setPreference(PREFERENCES.syncEnabled, true);
    const status = await syncNow();
    expect(status.lastSyncAt).not.toBeNull();
    expect(status.lastError).toBeNull();
    const remote = readRemoteState(await fakeBrowser.storage.sync.get(null));
    expect(remote.kind === 'ok' && remote.doc.get('item:article:cache-stampede')?.fields.title?.v).toBe(
      'Cache Stampede',
    );
    await expect.poll(() => getPreference(PREFERENCES.syncStatus)).toMatchObject({ lastSyncAt: status.lastSyncAt });
    expect(await getPreference(PREFERENCES.syncDeviceId)).toMatch(/^[0-9a-f-]{36}$/);
    expect(await fakeBrowser.storage.sync.get(MANIFEST_KEY)).toHaveProperty(MANIFEST_KEY);
  });

  // A review found the record of the last sync (the whole synced library) in storage.local, which
  // content scripts can read: it is the database's, and what Settings shows is in storage.session.
  it('keeps its record of the library in the database and its status in storage.session, none in storage.local', async () => {
    keepSyncInStep();
    await saveArticle({ id: 'cache-stampede', title: 'Cache Stampede', url: null });
    await setPreference(PREFERENCES.syncEnabled, true);
    await syncNow();
    expect(await loadSyncReplica()).toContain('\n');
    expect(await fakeBrowser.storage.session.get('syncStatus')).toHaveProperty('syncStatus');
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain('syncReplica');
    expect(local).not.toContain('syncStatus');
  });

  it('takes the record an earlier version kept in storage.local out of there (moveLegacySyncReplica)', async () => {
    keepSyncInStep();
    await fakeBrowser.storage.local.set({ syncReplica: `${await readSyncEpoch()}\nan earlier record` });
    await setPreference(PREFERENCES.syncEnabled, true);
    await syncNow();
    expect(await fakeBrowser.storage.local.get('syncReplica')).toEqual({});
    expect(await loadSyncReplica()).not.toBeNull();
  });

  it('"Sync now" is answered only for Shelf’s own pages', async () => {
    await setPreference(PREFERENCES.syncEnabled, true);
    const fromPage = { url: 'https://example.com/article', tab: { id: 1 } } as never;
    await expect(requestHandlers['sync-now']({ type: 'sync-now' }, fromPage)).rejects.toThrow(/refused/);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});
