import { pageItemId } from '@/lib/db/ids';
import { entityKey, type Json } from '@/lib/sync/document';
import { createSyncEngine, type SyncEngine } from '@/lib/sync/engine';
import { ITEM_KIND } from '@/lib/sync/entity-kinds';
import type { LocalChanges, LocalSnapshot, SyncItem } from '@/lib/sync/local-state';
import { decodeReplica } from '@/lib/sync/replica';
import type { SyncLocalAdapter } from '@/lib/sync/sync-area';
import type { SyncStatus } from '@/lib/sync/sync-status';
import type { FakeSyncArea, SharedSyncStorage } from './fake-sync-storage';
import type { TestClock } from './test-clock';

/**
 * A browser for sync tests: its own library in memory (kept the way `lib/db` keeps it, with a
 * change time per field), its own preferences, device id and sync engine, on a shared area. Its
 * local adapter follows the contract in lib/sync/sync-area.ts, as the real one over `lib/db` must.
 */
export const PREFERENCE_DEFAULTS: Record<string, Json> = { theme: 'system', readerFontSize: 18 };

export interface SimulatedBrowser {
  readonly name: string;
  readonly area: FakeSyncArea;
  readonly engine: SyncEngine;
  /** Its saved items by id (named so as not to read like the database's `items` table). */
  readonly library: Map<string, SyncItem>;
  readonly preferences: Map<string, Json>;
  readonly reports: SyncStatus[];
  save(url: string, title: string): string;
  edit(id: string, patch: Partial<Pick<SyncItem, 'status' | 'title' | 'tags' | 'note'>>): void;
  setProgress(id: string, fraction: number): void;
  remove(id: string): void;
  setPreference(name: string, value: Json): void;
  /** Whether this browser has synced the item (its replica holds it, shown or removed). */
  hasSynced(id: string): boolean;
  /** The replica text its adapter keeps (`encodeReplica`), to read or replace as an older Shelf kept it. */
  storedReplica: string | null;
  /** What the user sees: items and preferences, without change times. */
  view(): { items: Record<string, unknown>; preferences: Record<string, Json> };
  /** Replaces the adapter's read/apply/save behaviour (to make them fail). */
  readonly faults: { apply?: Error; read?: Error };
}

export function createSimulatedBrowser(
  shared: SharedSyncStorage,
  clock: TestClock,
  name: string,
  deviceId = `dev-${name}`,
  initial: SyncItem[] = [],
): SimulatedBrowser {
  const area = shared.connect(name);
  const library = new Map(initial.map((item) => [item.id, structuredClone(item)]));
  const preferences = new Map(Object.entries(PREFERENCE_DEFAULTS));
  const preferenceChangedAt = new Map<string, number>();
  const removedAt: Record<string, number> = {};
  const watchers = new Set<() => void>();
  const changed = () => {
    for (const watcher of watchers) watcher();
  };
  const faults: SimulatedBrowser['faults'] = {};
  let replica: string | null = null;

  const local: SyncLocalAdapter = {
    async read(): Promise<LocalSnapshot> {
      if (faults.read) throw faults.read;
      return {
        removedAt: { ...removedAt },
        items: [...library.values()].map((item) => structuredClone(item)),
        preferences: Object.fromEntries(
          [...preferences].map(([key, value]) => [
            key,
            { value, isDefault: value === PREFERENCE_DEFAULTS[key], changedAt: preferenceChangedAt.get(key) },
          ]),
        ),
      };
    },
    async apply(changes: LocalChanges) {
      if (faults.apply) throw faults.apply;
      for (const incoming of changes.put) applyItem(library, incoming, changes.readAt);
      for (const { id } of changes.remove) {
        const item = library.get(id);
        if (item && lastChange(item) <= changes.readAt) library.delete(id);
      }
      for (const [key, value] of Object.entries(changes.preferences))
        if ((preferenceChangedAt.get(key) ?? 0) <= changes.readAt) preferences.set(key, value);
      changed();
      return undefined;
    },
    async loadReplica() {
      return replica;
    },
    async saveReplica(text) {
      replica = text;
    },
    watch(onChange) {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
  };

  const reports: SyncStatus[] = [];
  const engine = createSyncEngine({ area, local, deviceId, clock, onReport: (status) => reports.push(status) });

  return {
    name,
    area,
    engine,
    library,
    preferences,
    reports,
    faults,
    save(url, title) {
      const id = pageItemId(url);
      const now = clock.now();
      if (!library.has(id)) {
        library.set(id, {
          id,
          url,
          title,
          status: 'unread',
          tags: [],
          note: '',
          addedAt: now,
          changedAt: { status: now, title: now, tags: now, note: now },
          progress: null,
        });
        changed();
      }
      return id;
    },
    edit(id, patch) {
      const item = library.get(id);
      if (!item) throw new Error(`${name} has no item ${id}`);
      const now = clock.now();
      for (const [field, value] of Object.entries(patch) as [keyof typeof patch, never][]) {
        Object.assign(item, { [field]: value });
        item.changedAt[field] = now;
      }
      changed();
    },
    setProgress(id, fraction) {
      const item = library.get(id);
      if (!item) throw new Error(`${name} has no item ${id}`);
      item.progress = {
        fraction,
        scrollFraction: fraction,
        scrollY: Math.round(fraction * 5000),
        updatedAt: clock.now(),
      };
      changed();
    },
    get storedReplica() {
      return replica;
    },
    set storedReplica(text) {
      replica = text;
    },
    hasSynced(id) {
      return decodeReplica(replica, clock.now())?.doc.has(entityKey(ITEM_KIND, id)) ?? false;
    },
    remove(id) {
      library.delete(id);
      removedAt[id] = clock.now();
      changed();
    },
    setPreference(key, value) {
      preferences.set(key, value);
      preferenceChangedAt.set(key, clock.now());
      changed();
    },
    view() {
      const shown = [...library.values()]
        .map(({ changedAt: _changedAt, progress, ...rest }) => ({
          ...rest,
          progress: progress && [Math.round(progress.fraction * 1000) / 1000, Math.round(progress.scrollY)],
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      return {
        items: Object.fromEntries(shown.map((item) => [item.id, item])),
        preferences: Object.fromEntries([...preferences].sort()),
      };
    },
  };
}

const lastChange = (item: SyncItem) =>
  Math.max(item.addedAt, ...Object.values(item.changedAt), item.progress?.updatedAt ?? 0);

/** What `apply` does to one item: each field from sync unless this browser changed it since `readAt`. */
function applyItem(library: Map<string, SyncItem>, incoming: SyncItem, readAt: number): void {
  const mine = library.get(incoming.id);
  if (!mine) {
    library.set(incoming.id, structuredClone(incoming));
    return;
  }
  for (const field of ['status', 'title', 'tags', 'note'] as const) {
    if (mine.changedAt[field] > readAt) continue;
    Object.assign(mine, { [field]: structuredClone(incoming[field]) });
    mine.changedAt[field] = incoming.changedAt[field];
  }
  if (mine.addedAt <= readAt) {
    mine.url = incoming.url;
    mine.addedAt = incoming.addedAt;
  }
  if ((mine.progress?.updatedAt ?? 0) <= readAt) mine.progress = structuredClone(incoming.progress);
}
