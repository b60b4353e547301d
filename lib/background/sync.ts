import { browser } from 'wxt/browser';
import { tellPagesHighlightsChanged } from '@/lib/background/page-highlight-changes';
import { watchDatabaseChanges } from '@/lib/db/change-signal';
import { DATABASE_NAME } from '@/lib/db/database';
import { loadSyncReplica, saveSyncReplica } from '@/lib/db/sync';
import { moveLegacySyncReplicaToDatabase } from '@/lib/settings/migrate-legacy';
import { getPreference, PREFERENCES, setPreference, watchPreference } from '@/lib/settings/preferences';
import { createSyncedPreferences } from '@/lib/settings/synced-preferences';
import { createSyncEngine, type SyncEngine } from '@/lib/sync/engine';
import { createLibraryAdapter } from '@/lib/sync/library-adapter';
import type { StorageChange, SyncArea } from '@/lib/sync/sync-area';
import type { SyncStatus } from '@/lib/sync/sync-status';

const warn = (what: string) => (error: unknown) => console.warn(`Shelf: ${what}`, error);

/**
 * The background owns sync between browsers: while the user has it on ("Sync with this browser's
 * account" in Settings), one engine runs in the service worker. It syncs when the worker starts,
 * after local changes (the database's change signal and `data-changed` from pages, which wake the
 * worker) and after changes to the sync area (`storage.onChanged`, which wakes it too). A retry
 * due while the worker sleeps happens at its next start: no `alarms` permission is needed.
 */
let engine: SyncEngine | null = null;
let starting: Promise<void> | null = null;

/** Stores the status for Settings; an engine stopped (sync off, or everything deleted) says nothing more. */
const reportFor = (reporter: () => SyncEngine | null) => (status: SyncStatus) => {
  if (engine && reporter() === engine)
    void setPreference(PREFERENCES.syncStatus, status).catch(warn('sync status not stored'));
};

type AreaListener = (changes: Record<string, StorageChange>) => void;
const areaListeners = new Map<AreaListener, (changes: Record<string, StorageChange>, area: string) => void>();

/** `storage.sync` as the engine uses it; changes through `storage.onChanged` (older Firefoxes lack the area's own). */
const syncArea: SyncArea = {
  get: () => browser.storage.sync.get(null),
  set: (items) => browser.storage.sync.set(items),
  remove: (keys) => browser.storage.sync.remove(keys),
  onChanged: {
    addListener(listener) {
      const wrapped = (changes: Record<string, StorageChange>, area: string) => {
        if (area === 'sync') listener(changes);
      };
      areaListeners.set(listener, wrapped);
      browser.storage.onChanged.addListener(wrapped);
    },
    removeListener(listener) {
      const wrapped = areaListeners.get(listener);
      if (wrapped) browser.storage.onChanged.removeListener(wrapped);
      areaListeners.delete(listener);
    },
  },
};

async function deviceId(): Promise<string> {
  const stored = await getPreference(PREFERENCES.syncDeviceId);
  if (stored) return stored;
  const made = crypto.randomUUID();
  await setPreference(PREFERENCES.syncDeviceId, made);
  return made;
}

/**
 * The record of the last sync, from the database: moved there from where an earlier version kept it
 * before it is read (the background's start moves it too, `migrateLegacySettings`, sync on or off).
 */
async function loadReplica(): Promise<string | null> {
  await moveLegacySyncReplicaToDatabase();
  return loadSyncReplica();
}

async function start(): Promise<void> {
  if (engine) return;
  const id = await deviceId();
  if (engine) return;
  let created: SyncEngine | null = null;
  engine = created = createSyncEngine({
    area: syncArea,
    deviceId: id,
    onReport: reportFor(() => created),
    local: createLibraryAdapter({
      preferences: createSyncedPreferences(),
      replica: { load: loadReplica, save: (text) => saveSyncReplica(text) },
      watchLibrary: (onChange) => watchDatabaseChanges(DATABASE_NAME, onChange),
      // Another browser's highlight changes show on open pages at once, as the side panel's do.
      onHighlightsChanged: () => void tellPagesHighlightsChanged().catch(warn('pages not told of highlights')),
    }),
  });
  engine.start();
}

function stop(): void {
  const running = engine;
  engine = null;
  running?.stop();
}

function follow(enabled: boolean): void {
  if (!enabled) {
    stop();
    return;
  }
  starting ??= start()
    .catch(warn('sync could not start'))
    .finally(() => {
      starting = null;
    });
}

/** Called on every start of the service worker. */
export function keepSyncInStep(): void {
  void getPreference(PREFERENCES.syncEnabled).then(follow, warn('sync setting not read'));
  watchPreference(PREFERENCES.syncEnabled, follow);
}

/** "Sync now" in Settings; refused while sync is off. */
export async function syncNow(): Promise<SyncStatus> {
  if (!(await getPreference(PREFERENCES.syncEnabled))) throw new Error('Sync is off.');
  if (starting) await starting;
  if (!engine) await start();
  return (engine as SyncEngine).syncNow();
}
