import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSyncReplica } from '@/lib/db/sync';
import { migrateLegacySettings, moveLegacySyncReplica } from '@/lib/settings/migrate-legacy';

describe('what earlier versions kept in storage.local', () => {
  it('sync’s record of the last sync is handed over, then removed there', async () => {
    await fakeBrowser.storage.local.set({ syncReplica: 'epoch-1\nrecord' });
    const move = vi.fn(async () => {});
    await moveLegacySyncReplica(move);
    expect(move).toHaveBeenCalledWith('epoch-1\nrecord');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('kept where it is when moving it fails (the next start tries again)', async () => {
    await fakeBrowser.storage.local.set({ syncReplica: 'epoch-1\nrecord' });
    await expect(moveLegacySyncReplica(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await fakeBrowser.storage.local.get('syncReplica')).toEqual({ syncReplica: 'epoch-1\nrecord' });
  });

  it('a record that is no text is dropped, and nothing is moved when there is none', async () => {
    const move = vi.fn(async () => {});
    await moveLegacySyncReplica(move);
    await fakeBrowser.storage.local.set({ syncReplica: 42 });
    await moveLegacySyncReplica(move);
    expect(move).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  // Red team: with sync off, only sync moved the record, so it stayed in storage.local.
  it('the record of the last sync moves into the database at the next start, sync on or off', async () => {
    await fakeBrowser.storage.local.set({ syncEnabled: false, syncReplica: 'epoch\nmy library' });
    await migrateLegacySettings(async () => false);
    expect(await fakeBrowser.storage.local.get('syncReplica')).toEqual({});
    expect(await loadSyncReplica()).toBe('epoch\nmy library');
  });

  it('the sync status (it names items) leaves storage.local at the next start', async () => {
    await fakeBrowser.storage.local.set({ syncStatus: { state: 'idle' }, relatedPlacement: 'blog' });
    await migrateLegacySettings(async () => false);
    expect(await fakeBrowser.storage.local.get('syncStatus')).toEqual({});
  });
});
