import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestHandlers } from '@/lib/background/request-handlers';
import { keepSyncInStep, syncNow } from '@/lib/background/sync';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';
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

  it('"Sync now" is answered only for Shelf’s own pages', async () => {
    await setPreference(PREFERENCES.syncEnabled, true);
    const fromPage = { url: 'https://example.com/article', tab: { id: 1 } } as never;
    await expect(requestHandlers['sync-now']({ type: 'sync-now' }, fromPage)).rejects.toThrow(/refused/);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});
