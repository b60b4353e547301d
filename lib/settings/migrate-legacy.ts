import { browser } from 'wxt/browser';
import { deleteLegacySettings, readLegacySettings } from '@/lib/db/legacy-settings';
import { loadSyncReplica, saveSyncReplica } from '@/lib/db/sync';
import {
  LEGACY_SYNC_REPLICA_KEY,
  PREFERENCES,
  type Preference,
  RETIRED_KEYS,
  setPreference,
} from '@/lib/settings/preferences';

/**
 * Carries settings kept by earlier versions into the preferences, once (run by the background on
 * every start; it does nothing when there is nothing left to carry): the database's settings
 * record (badge, reader typography, remote images), and "related articles: nowhere", which is now
 * one value with "every site" (`relatedPlacement`). Each old value is written before it is deleted.
 */
export async function migrateLegacySettings(hasAllSitesPermission: () => Promise<boolean>): Promise<void> {
  const legacy = await readLegacySettings();
  if (legacy) {
    const carry = async <T>(pref: Preference<T>, value: T | undefined) => {
      if (value !== undefined) await setPreference(pref, value).catch(() => {});
    };
    await carry(PREFERENCES.showBadge, legacy.showBadge);
    await carry(PREFERENCES.readerFontSize, legacy.readerFontSize);
    await carry(PREFERENCES.readerWidth, legacy.readerWidth);
    await carry(PREFERENCES.readerTheme, legacy.readerTheme);
    await carry(PREFERENCES.allowRemoteImages, legacy.allowRemoteImages);
    await deleteLegacySettings();
  }
  const [retiredNowhere, retiredSyncStatus] = RETIRED_KEYS;
  const stored = await browser.storage.local.get([retiredNowhere, PREFERENCES.relatedPlacement.key]);
  if (stored[PREFERENCES.relatedPlacement.key] === undefined) {
    const placement =
      stored[retiredNowhere] === true ? 'nowhere' : (await hasAllSitesPermission()) ? 'everywhere' : 'blog';
    await setPreference(PREFERENCES.relatedPlacement, placement);
  }
  // The sync status is kept in `storage.session` now (it names items).
  await browser.storage.local.remove([retiredNowhere, retiredSyncStatus]);
  // Sync's record of the library leaves storage.local at once, sync on or off (sync moves it too).
  await moveLegacySyncReplicaToDatabase();
}

/** The record an earlier version kept, into the database unless the database holds one already. */
export function moveLegacySyncReplicaToDatabase(): Promise<void> {
  return moveLegacySyncReplica(async (text) => {
    if ((await loadSyncReplica()) === null) await saveSyncReplica(text);
  });
}

/**
 * Sync's record of the last sync as an earlier version kept it (`storage.local`, which content
 * scripts can read): handed to `move` (into the database), then removed there. Nothing when gone.
 */
export async function moveLegacySyncReplica(move: (text: string) => Promise<void>): Promise<void> {
  const stored: unknown = (await browser.storage.local.get(LEGACY_SYNC_REPLICA_KEY))[LEGACY_SYNC_REPLICA_KEY];
  if (stored === undefined) return;
  if (typeof stored === 'string') await move(stored);
  await browser.storage.local.remove(LEGACY_SYNC_REPLICA_KEY);
}
