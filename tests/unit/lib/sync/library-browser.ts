import Dexie from 'dexie';
import { ShelfDatabase } from '@/lib/db/database';
import { getReaderData } from '@/lib/db/queries';
import { readSyncLibrary } from '@/lib/db/sync';
import type { Json } from '@/lib/sync/document';
import { createSyncEngine, type SyncEngine } from '@/lib/sync/engine';
import { createLibraryAdapter, type SyncedPreferences } from '@/lib/sync/library-adapter';
import type { SyncStatus } from '@/lib/sync/sync-status';
import { createSharedSyncStorage, type SharedSyncStorage } from './fake-sync-storage';
import { createTestClock, type TestClock } from './test-clock';

/**
 * A browser for sync tests over the real library: its own Shelf database (lib/db over
 * fake-indexeddb), the real adapter, preferences in memory, on a shared quota-enforcing area.
 */
export interface LibraryBrowser {
  db: ShelfDatabase;
  engine: SyncEngine;
  reports: SyncStatus[];
  preferences: Map<string, Json>;
}

export interface LibraryWorld {
  clock: TestClock;
  shared: SharedSyncStorage;
  /** `preferences`: the synced preferences' adapter, else values in memory that take anything. */
  open(name: string, options?: { preferences?: SyncedPreferences }): LibraryBrowser;
  close(): Promise<void>;
}

function memoryPreferences(values: Map<string, Json>): SyncedPreferences {
  return {
    async read() {
      return Object.fromEntries([...values].map(([name, value]) => [name, { value, isDefault: value === 'system' }]));
    },
    async apply(incoming) {
      for (const [name, value] of Object.entries(incoming)) if (values.has(name)) values.set(name, value);
      return [];
    },
    watch: () => () => {},
  };
}

/** Preferences that sync nothing: a library alone. */
const NO_PREFERENCES: SyncedPreferences = { read: async () => ({}), apply: async () => [], watch: () => () => {} };

/** A library adapter over `db` whose record of the last sync lives in memory, as a test browser's does. */
export function memoryLibraryAdapter(db: ShelfDatabase, preferences: SyncedPreferences = NO_PREFERENCES) {
  let replica: string | null = null;
  return createLibraryAdapter({
    db,
    preferences,
    replica: {
      load: async () => replica,
      save: async (text) => {
        replica = text;
      },
    },
    watchLibrary: () => () => {},
  });
}

export function createLibraryWorld(): LibraryWorld {
  const clock = createTestClock();
  const shared = createSharedSyncStorage(clock);
  const opened: LibraryBrowser[] = [];
  return {
    clock,
    shared,
    open(name, options = {}) {
      const db = new ShelfDatabase(`shelf-sync-${name}-${crypto.randomUUID()}`);
      const preferences = new Map<string, Json>([['theme', 'system']]);
      const reports: SyncStatus[] = [];
      const engine = createSyncEngine({
        area: shared.connect(name),
        deviceId: `dev-${name}`,
        clock,
        onReport: (status) => reports.push(status),
        local: memoryLibraryAdapter(db, options.preferences ?? memoryPreferences(preferences)),
      });
      const browser = { db, engine, reports, preferences };
      opened.push(browser);
      return browser;
    },
    async close() {
      for (const { db, engine } of opened.splice(0)) {
        engine.stop();
        db.close();
        await Dexie.delete(db.name);
      }
    },
  };
}

/** What the user sees of a library, without change times. */
export async function libraryView(db: ShelfDatabase) {
  const { items, highlights } = await readSyncLibrary(db);
  return Promise.all(
    items
      .sort((x, y) => (x.id < y.id ? -1 : 1))
      .map(async (item) => {
        const { item: saved, capture } = await getReaderData(item.id, db);
        return {
          id: item.id,
          kind: saved?.kind,
          url: item.url,
          title: item.title,
          status: item.status,
          tags: item.tags,
          note: item.note,
          progress: item.progress && [item.progress.fraction, item.progress.scrollY],
          copy: capture !== undefined,
          highlights: highlights
            .filter((h) => h.itemId === item.id)
            .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
            .map((h) => [h.id, (h.selectors as { quote: { exact: string } }).quote.exact, h.note, h.color]),
        };
      }),
  );
}
