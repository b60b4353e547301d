import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tellPagesHighlightsChanged } from '@/lib/background/page-highlight-changes';
import { requestHandlers } from '@/lib/background/request-handlers';
import { keepSyncInStep, syncNow } from '@/lib/background/sync';
import { getDatabase, resetDatabaseConnection, ShelfDatabase } from '@/lib/db/database';
import { addHighlight, deleteHighlight, updateHighlight } from '@/lib/db/highlights';
import { saveArticle, setNote } from '@/lib/db/items';
import { loadSyncReplica, readSyncEpoch } from '@/lib/db/sync';
import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { createSyncEngine } from '@/lib/sync/engine';
import { MANIFEST_KEY, readRemoteState } from '@/lib/sync/remote-state';
import { memoryLibraryAdapter } from '@/tests/unit/lib/sync/library-browser';

// Whether open pages are told, not how (tests/unit/entrypoints/background.test.ts covers the telling).
vi.mock('@/lib/background/page-highlight-changes', () => ({ tellPagesHighlightsChanged: vi.fn(async () => {}) }));

/** The background's part: sync runs only while the setting is on, and stores its status for Settings. */
afterEach(async () => {
  vi.mocked(tellPagesHighlightsChanged).mockClear();
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

  // QA pass: a highlight another browser added, recoloured or removed stayed as it was on an open
  // page until a reload, while one changed in the side panel was drawn anew at once.
  it('tells open pages when a sync brings another browser’s highlight changes, and only then', async () => {
    keepSyncInStep();
    const item = await saveArticle({ id: 'cache-stampede', title: 'Cache Stampede', url: null });
    await setPreference(PREFERENCES.syncEnabled, true);
    await syncNow();
    const told = vi.mocked(tellPagesHighlightsChanged);
    told.mockClear();

    // Another browser on the same account: its own library, the same sync area.
    const db = new ShelfDatabase(`shelf-other-browser-${crypto.randomUUID()}`);
    const other = createSyncEngine({
      area: {
        get: () => fakeBrowser.storage.sync.get(null),
        set: (items) => fakeBrowser.storage.sync.set(items),
        remove: (keys) => fakeBrowser.storage.sync.remove(keys),
        onChanged: { addListener: () => {}, removeListener: () => {} },
      },
      deviceId: 'other-browser',
      local: memoryLibraryAdapter(db),
    });
    // A second between changes, as a person takes: sync dates changes in whole seconds.
    vi.useFakeTimers({ toFake: ['Date'] });
    const aSecondLater = () => vi.setSystemTime(Date.now() + 1_500);
    try {
      await other.syncNow();
      aSecondLater();
      const selectors = { quote: { type: 'TextQuoteSelector' as const, exact: 'Queues fill up fast.' } };
      const highlight = await addHighlight(item.id, selectors, {}, { db });
      await other.syncNow();
      await syncNow();
      const here = () => getDatabase().highlights.toArray();
      expect((await here()).map(({ color }) => color)).toEqual(['yellow']);
      expect(told).toHaveBeenCalledTimes(1);

      aSecondLater();
      await updateHighlight(highlight?.id ?? '', { color: 'green' }, { db });
      await other.syncNow();
      await syncNow();
      expect((await here()).map(({ color }) => color)).toEqual(['green']);
      expect(told).toHaveBeenCalledTimes(2);

      aSecondLater();
      await deleteHighlight(highlight?.id ?? '', { db });
      await other.syncNow();
      await syncNow();
      expect(await here()).toEqual([]);
      expect(told).toHaveBeenCalledTimes(3);

      // A change that draws nothing on a page: no page is told.
      aSecondLater();
      await setNote(item.id, 'read the part on locks', { db });
      await other.syncNow();
      await syncNow();
      expect((await getDatabase().items.get(item.id))?.note).toBe('read the part on locks');
      expect(told).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
      other.stop();
      await db.delete();
    }
  });
});
