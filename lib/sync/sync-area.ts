import type { LocalChanges, LocalSnapshot } from '@/lib/sync/local-state';

/**
 * What the sync engine needs from its surroundings, so that it runs as well over `storage.sync`
 * and the real library as over fakes in tests.
 */

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** The part of `browser.storage.sync` sync uses (pass `browser.storage.sync` itself). */
export interface SyncArea {
  get(keys?: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  onChanged: {
    addListener(listener: (changes: Record<string, StorageChange>) => void): void;
    removeListener(listener: (changes: Record<string, StorageChange>) => void): void;
  };
}

/** What `apply` could not store: values this library refuses. They stay in the area, untouched. */
export interface AppliedChanges {
  refusedItems: string[];
  refusedHighlights: string[];
  /**
   * Synced preferences whose value this version refuses (a newer Shelf's theme, say): this browser
   * keeps its own, quietly (not counted in Settings), and never sends it back over the other's choice.
   */
  refusedPreferences?: string[];
}

/**
 * This browser's library and synced preferences, for the engine. The lead implements it over
 * `lib/db` and `lib/settings/preferences.ts` (lib/sync/library-adapter.ts).
 */
export interface SyncLocalAdapter {
  /** Every saved item (with its progress) and every synced preference, as they are now. */
  read(): Promise<LocalSnapshot>;
  /**
   * Stores what sync brought, as one transaction for the items: each field with the value and
   * change time given, except a field changed here after `changes.readAt` (while the sync ran),
   * which keeps its value and goes out with the next sync. An item is removed unless it changed
   * after `readAt`; a preference is set unless it changed after `readAt` (and skipped when its
   * schema refuses the value).
   */
  apply(changes: LocalChanges): Promise<AppliedChanges | undefined>;
  /** The engine's own record of the last sync (`encodeReplica` text), kept in `storage.local`. */
  loadReplica(): Promise<string | null>;
  saveReplica(text: string): Promise<void>;
  /** Calls `onChange` after anything in the library or a synced preference changes; returns an unsubscribe. */
  watch(onChange: () => void): () => void;
}

/** Time and timers, injected so tests can run an hour of syncing in a moment. */
export interface SyncClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SyncClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
