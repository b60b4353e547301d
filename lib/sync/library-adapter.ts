import type { ShelfDatabase } from '@/lib/db/database';
import { applySyncChanges, readSyncEpoch, readSyncLibrary } from '@/lib/db/sync';
import type { Json } from '@/lib/sync/document';
import type { LocalChanges, LocalSnapshot, SyncedPreference } from '@/lib/sync/local-state';
import type { SyncLocalAdapter } from '@/lib/sync/sync-area';

/**
 * The engine's view of this browser (`SyncLocalAdapter`), over the library in `lib/db` (the only
 * code that touches the database) and the synced preferences. Every part comes in as an argument,
 * so tests run two of them, each with its own database, on one shared sync area.
 */
export interface SyncedPreferences {
  read(): Promise<Record<string, SyncedPreference>>;
  /**
   * Sets each known synced preference whose value its schema accepts; skips one changed here after
   * `readAt`. Returns the names of those whose value was refused.
   */
  apply(values: Record<string, Json>, readAt: number): Promise<string[]>;
  watch(onChange: () => void): () => void;
}

export interface LibraryAdapterOptions {
  db?: ShelfDatabase;
  preferences: SyncedPreferences;
  replica: { load(): Promise<string | null>; save(text: string): Promise<void> };
  /** Calls back after the library changes (`watchDatabaseChanges`); returns an unsubscribe. */
  watchLibrary(onChange: () => void): () => void;
  /**
   * Called after sync stored highlights another browser added, recoloured or removed (or removed an
   * item, with its highlights): web pages showing them draw them anew, as after a change made here.
   */
  onHighlightsChanged?: () => void;
}

export function createLibraryAdapter({
  db,
  preferences,
  replica,
  watchLibrary,
  onHighlightsChanged,
}: LibraryAdapterOptions): SyncLocalAdapter {
  /** The epoch of the last read: changes based on it are refused after "Delete everything". */
  let epoch: string | null = null;
  return {
    async read(): Promise<LocalSnapshot> {
      const library = await readSyncLibrary(db);
      epoch = library.epoch;
      return {
        items: library.items,
        highlights: library.highlights,
        removedAt: library.removedAt,
        preferences: await preferences.read(),
      };
    },
    async apply({ preferences: values, ...changes }: LocalChanges) {
      if (epoch === null) throw new Error('sync applied changes before reading the library');
      const report = await applySyncChanges(changes, epoch, db);
      // Telling too often costs an open page a redraw that finds nothing new (an item removed without
      // highlights, a highlight refused or kept as changed here meanwhile).
      if (changes.putHighlights.length + changes.removeHighlights.length + changes.remove.length > 0)
        onHighlightsChanged?.();
      const refusedPreferences = await preferences.apply(values, changes.readAt);
      return { ...report, refusedPreferences };
    },
    // The record of the last sync is kept with the database's epoch: after "Delete everything" (or
    // "Replace everything") it no longer describes this library, and its items missing here must
    // not read as removals to send to every browser. Sync then starts afresh, from the area.
    async loadReplica() {
      const stored = await replica.load();
      const cut = stored?.indexOf('\n') ?? -1;
      if (!stored || cut < 0) return null;
      return stored.slice(0, cut) === (await readSyncEpoch(db)) ? stored.slice(cut + 1) : null;
    },
    async saveReplica(text) {
      if (epoch !== null) await replica.save(`${epoch}\n${text}`);
    },
    watch(onChange) {
      const stops = [watchLibrary(onChange), preferences.watch(onChange)];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
