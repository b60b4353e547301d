import Dexie, { type EntityTable } from 'dexie';
import type { CaptureRecord, ReadingProgress, SavedItem, SettingRecord } from '@/lib/db/schema';

export const DATABASE_NAME = 'shelf';

/**
 * The one IndexedDB database of Shelf. Opened by extension pages and the service worker only: a
 * content script's IndexedDB would belong to the web page's origin, so content scripts ask the
 * background. Versions are appended, never edited; only queried fields are indexed.
 */
export class ShelfDatabase extends Dexie {
  items!: EntityTable<SavedItem, 'id'>;
  progress!: EntityTable<ReadingProgress, 'itemId'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  captures!: EntityTable<CaptureRecord, 'itemId'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    defineSchemaVersions(this);
  }
}

/** Every schema version Shelf has shipped, in order. */
export function defineSchemaVersions(db: Dexie): void {
  // v1: saved bundled articles, progress and settings.
  db.version(1).stores({
    items: 'id, status, addedAt, updatedAt, *tags',
    progress: 'itemId, updatedAt',
    settings: 'key',
  });
  // v2: items get a `kind` (article | page) ahead of captured pages, and an articleId index.
  db.version(2)
    .stores({
      items: 'id, kind, articleId, status, addedAt, updatedAt, *tags',
    })
    .upgrade((tx) =>
      tx
        .table('items')
        .toCollection()
        .modify((item: Record<string, unknown>) => {
          item.kind ??= 'article';
          item.articleId ??= typeof item.id === 'string' && item.id.startsWith('article:') ? item.id.slice(8) : null;
        }),
    );
  // v3: readable copies of captured pages, and items looked up by URL (saving a page twice).
  db.version(3).stores({
    items: 'id, kind, articleId, url, status, addedAt, updatedAt, *tags',
    captures: 'itemId, capturedAt',
  });
}

let instance: ShelfDatabase | undefined;

/** The shared connection of this context (page or service worker), opened on first use. */
export function getDatabase(): ShelfDatabase {
  instance ??= new ShelfDatabase();
  return instance;
}

/** For tests: forget the shared connection (after deleting the database, say). */
export function resetDatabaseConnection(): void {
  instance?.close();
  instance = undefined;
}
