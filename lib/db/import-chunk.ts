import type { ShelfDatabase } from '@/lib/db/database';
import { reportingFullStorage } from '@/lib/db/errors';
import { takeFormerProgress } from '@/lib/db/former-page-ids';
import { assertEpoch } from '@/lib/db/meta';
import { withNotesAfterRemoval, withNotesTypedAfterRemoval } from '@/lib/db/notes-after-removal';
import type { CaptureRecord, Highlight, ReadingProgress, SavedItem } from '@/lib/db/schema';

/** The records already saved under a chunk's ids (same order as the ids; undefined where none). */
export interface ExistingRecords {
  items: (SavedItem | undefined)[];
  progress: (ReadingProgress | undefined)[];
  /** Whether each id already has a readable copy. */
  hasCapture: boolean[];
  /** The quotes of each id's highlights (empty unless the chunk brings highlights). */
  highlightQuotes: Set<string>[];
}

export interface ChunkWrites {
  items: SavedItem[];
  progress: ReadingProgress[];
  captures: CaptureRecord[];
  highlights: Highlight[];
}

export interface ImportChunkOptions {
  db: ShelfDatabase;
  /** The epoch when the import began: if everything was deleted since, the chunk writes nothing. */
  epoch: string;
  /** Look progress and copies up only when the chunk brings some (most exports have neither). */
  readProgress: boolean;
  readCaptures: boolean;
  readHighlights?: boolean;
  /**
   * By id, the ids versions 4 to 11 gave the addresses an item comes as (tracking parameters kept): one
   * not saved takes the note typed after its removal and the reading progress kept under them then.
   */
  formerIds?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Writes one chunk of an import in one transaction: reads what is saved under its ids, lets `plan`
 * decide what to write (pure merge logic lives with the import), and writes it. Throws
 * `DataDeletedError` when everything was deleted since the import began, `StorageFullError` when
 * the disk is full; in both cases nothing of the chunk is kept.
 */
export function writeImportChunk<T>(
  ids: string[],
  { db, epoch, readProgress, readCaptures, readHighlights = false, formerIds = new Map() }: ImportChunkOptions,
  plan: (existing: ExistingRecords) => { writes: ChunkWrites; result: T },
): Promise<T> {
  return reportingFullStorage(() =>
    db.transaction('rw', [db.items, db.progress, db.captures, db.highlights, db.meta], async () => {
      await assertEpoch(db, epoch);
      const withCopy = new Set<string>(readCaptures ? await db.captures.where('itemId').anyOf(ids).primaryKeys() : []);
      const items = await db.items.bulkGet(ids);
      const saved = new Set(ids.filter((_, i) => items[i] !== undefined));
      // Before progress is read: the plan weighs the file's against it.
      const returningFormerIds = [...formerIds].filter(([id]) => !saved.has(id));
      if (returningFormerIds.length > 0) await takeFormerProgress(db, new Map(returningFormerIds));
      const existing: ExistingRecords = {
        items,
        progress: readProgress ? await db.progress.bulkGet(ids) : ids.map(() => undefined),
        hasCapture: ids.map((id) => withCopy.has(id)),
        highlightQuotes: ids.map(() => new Set<string>()),
      };
      if (readHighlights) {
        const index = new Map(ids.map((id, i) => [id, i]));
        await db.highlights
          .where('itemId')
          .anyOf(ids)
          .each((highlight) => {
            existing.highlightQuotes[index.get(highlight.itemId) ?? -1]?.add(highlight.selectors.quote.exact);
          });
      }
      const { writes, result } = plan(existing);
      // Items the import brings back (removed here, a note typed on them after in another window) come
      // with that note, as a Save, Undo, sync and a restore bring them (kept under their former id too,
      // as their progress, taken above); so do the highlights it adds.
      const returning = await withNotesTypedAfterRemoval(
        db,
        writes.items.filter((item) => !saved.has(item.id)),
        (item) => formerIds.get(item.id) ?? [],
      );
      await db.items.bulkPut([...writes.items.filter((item) => saved.has(item.id)), ...returning]);
      if (writes.progress.length) await db.progress.bulkPut(writes.progress);
      if (writes.captures.length) await db.captures.bulkPut(writes.captures);
      const { highlights } = await withNotesAfterRemoval(db, [], writes.highlights);
      if (highlights.length) await db.highlights.bulkAdd(highlights);
      return result;
    }),
  );
}
