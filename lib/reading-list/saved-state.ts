import { liveQuery } from 'dexie';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import type { ItemStatus } from '@/lib/db/schema';

export interface SavedMarker {
  itemId: string;
  status: ItemStatus;
  /** 0..1, or null when never opened. */
  progress: number | null;
}

/** Saved bundled articles by article id, with status and progress: what result lists mark. */
export async function getSavedMarkers(db: ShelfDatabase = getDatabase()): Promise<Map<string, SavedMarker>> {
  return db.transaction('r', db.items, db.progress, async () => {
    const [items, progress] = await Promise.all([
      db.items.where('kind').equals('article').toArray(),
      db.progress.toArray(),
    ]);
    const fractions = new Map(progress.map((p) => [p.itemId, p.fraction]));
    return new Map(
      items.flatMap((item) =>
        item.articleId
          ? [[item.articleId, { itemId: item.id, status: item.status, progress: fractions.get(item.id) ?? null }]]
          : [],
      ),
    );
  });
}

/** Calls `onChange` with the markers now and after every change, from any context. */
export function watchSavedMarkers(
  onChange: (markers: Map<string, SavedMarker>) => void,
  db?: ShelfDatabase,
): () => void {
  const subscription = liveQuery(() => getSavedMarkers(db)).subscribe({
    next: onChange,
    error: (error: unknown) => console.warn('Shelf: could not read the reading list', error),
  });
  return () => subscription.unsubscribe();
}
