import { browser } from 'wxt/browser';
import {
  getPreferences,
  PREFERENCES,
  type Preference,
  type PreferenceName,
  parsePreference,
  setPreferences,
} from '@/lib/settings/preferences';
import type { Json } from '@/lib/sync/document';
import { sameJson } from '@/lib/sync/document';
import type { SyncedPreferences } from '@/lib/sync/library-adapter';

/** The preferences marked `sync: true` in the one list, in `storage.local`. */
export const SYNCED_PREFERENCE_NAMES = (Object.keys(PREFERENCES) as PreferenceName[]).filter(
  (name) => (PREFERENCES[name] as Preference<unknown>).sync === true,
);

/**
 * Synced preferences for the sync engine. The preferences keep no change times, so this records
 * when each changed while it watches (the service worker's lifetime); a change it did not see is
 * dated by sync when sync notices it. A value sync itself sets is no choice made here: dated when
 * it was set, it would outvote a choice made on another browser before that (lib/sync/local-state.ts
 * takes a change time later than the synced value's as a new choice, even of the same value).
 */
export function createSyncedPreferences(now: () => number = Date.now): SyncedPreferences {
  const changedAt = new Map<string, number>();
  /** Values `apply` stored and whose change event has not come yet, by name. */
  const setBySync = new Map<string, Json>();
  const byKey = new Map(SYNCED_PREFERENCE_NAMES.map((name) => [PREFERENCES[name].key, name]));
  const watchers = new Set<() => void>();
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const changed = Object.entries(changes).flatMap(([key, change]) => {
      const name = byKey.get(key);
      if (!name) return [];
      // A write of the value already stored (a browser may tell of it) is no choice: dated, it would
      // republish that value over a choice made on another browser before it.
      if (isRewrite(change)) {
        setBySync.delete(name);
        return [];
      }
      return [[name, change.newValue] as const];
    });
    if (changed.length === 0) return;
    for (const [name, value] of changed) {
      const synced = setBySync.get(name);
      setBySync.delete(name);
      if (synced !== undefined && sameJson(synced, value as Json)) changedAt.delete(name);
      else changedAt.set(name, now());
    }
    for (const watcher of watchers) watcher();
  };
  return {
    async read() {
      const values = await getPreferences(SYNCED_PREFERENCE_NAMES);
      return Object.fromEntries(
        SYNCED_PREFERENCE_NAMES.map((name) => {
          const value = values[name] as Json;
          const isDefault = sameJson(value, PREFERENCES[name].defaultValue as Json);
          return [name, { value, isDefault, changedAt: changedAt.get(name) }];
        }),
      );
    },
    async apply(values, readAt) {
      const accepted: Array<readonly [Preference<unknown>, unknown]> = [];
      const refused: string[] = [];
      for (const [name, value] of Object.entries(values)) {
        const pref = SYNCED_PREFERENCE_NAMES.includes(name as PreferenceName)
          ? (PREFERENCES[name as PreferenceName] as Preference<unknown>)
          : undefined;
        if (!pref || (changedAt.get(name) ?? 0) > readAt) continue;
        // A value this version does not accept (a newer Shelf's theme, say) leaves this one's.
        if (!pref.schema.safeParse(value).success) refused.push(name);
        else accepted.push([pref, parsePreference(pref, value)]);
      }
      if (watchers.size > 0)
        for (const [pref, value] of accepted) setBySync.set(byKey.get(pref.key) as string, value as Json);
      if (accepted.length > 0) await setPreferences(accepted);
      return refused;
    },
    watch(onChange) {
      if (watchers.size === 0) browser.storage.onChanged.addListener(listener);
      watchers.add(onChange);
      return () => {
        watchers.delete(onChange);
        if (watchers.size === 0) browser.storage.onChanged.removeListener(listener);
      };
    },
  };
}

/** Whether a storage change wrote the value the key already held. */
function isRewrite({ oldValue, newValue }: { oldValue?: unknown; newValue?: unknown }): boolean {
  return oldValue !== undefined && newValue !== undefined && sameJson(oldValue as Json, newValue as Json);
}
