import { quoteBlocksSchema, selectorSetSchema } from '@/lib/annotations/selectors';
import { MAX_STORED_TAG_LENGTH, MAX_STORED_TAGS } from '@/lib/annotations/tags';
import { capturedPageSchema } from '@/lib/capture/schema';
import { updateCursorSchema } from '@/lib/catalog-updates/overlay-schema';
import { MAX_ITEM_URL_LENGTH } from '@/lib/db/limits';
import type { LibraryIndexSnapshot } from '@/lib/search/library-index';
import { z } from '@/lib/zod/classic';

/**
 * The shapes Shelf keeps in IndexedDB. Zod is their source of truth: backups are validated with
 * these schemas, and every type below is inferred from them.
 */
export const itemStatusSchema = z.enum(['unread', 'reading', 'done', 'archived']);
export type ItemStatus = z.infer<typeof itemStatusSchema>;
export const ITEM_STATUSES = itemStatusSchema.options;

const timestamp = z.number().int().nonnegative();

/**
 * When each field the user edits last changed. Undo restores a field only if nothing changed it
 * since, and merges (imports, backups, sync) can take the newer side field by field.
 */
export const itemChangeTimesSchema = z.strictObject({
  status: timestamp,
  title: timestamp,
  tags: timestamp,
  note: timestamp,
});
export type ItemChangeTimes = z.infer<typeof itemChangeTimesSchema>;
export type ItemField = keyof ItemChangeTimes;

export const savedItemSchema = z.strictObject({
  /** `article:<catalog id>` for a bundled article, `page:<hash of the address>` for any other page. */
  id: z.string().min(1).max(300),
  kind: z.enum(['article', 'page']),
  /** The bundled article this item is, when it is one. */
  articleId: z.string().max(200).nullable(),
  url: z.string().max(MAX_ITEM_URL_LENGTH).nullable(),
  title: z.string().min(1).max(1000),
  status: itemStatusSchema,
  /** The user's own tags (not the article's). */
  tags: z.array(z.string().min(1).max(MAX_STORED_TAG_LENGTH)).max(MAX_STORED_TAGS),
  note: z.string().max(20_000),
  addedAt: timestamp,
  updatedAt: timestamp,
  changedAt: itemChangeTimesSchema,
});
export type SavedItem = z.infer<typeof savedItemSchema>;

/** Change times for a record made at `at`, or one that only knew its last change (older data). */
export function changeTimesAt(at: number): ItemChangeTimes {
  return { status: at, title: at, tags: at, note: at };
}

/** A status the user never chose: set when an item's reading began (progress), chosen by no one. */
export const STATUS_SET_BY_READING = 1;

type ItemFieldValues = Pick<SavedItem, 'status' | 'tags' | 'note' | 'addedAt' | 'changedAt'>;

/**
 * When the user chose a field's value, for telling which of two versions wins (sync, a backup's
 * merge): a value as saving left it (unread, no tags, no note, unchanged since) was chosen by no
 * one, at 0, so saving a page again elsewhere never outvotes its status, tags or note.
 */
export function chosenAt(item: ItemFieldValues, field: ItemField): number {
  const at = item.changedAt[field];
  if (field === 'title' || at > item.addedAt) return at;
  const isAsSaved =
    field === 'status' ? item.status === 'unread' : field === 'tags' ? item.tags.length === 0 : item.note === '';
  return isAsSaved ? 0 : at;
}

export const readingProgressSchema = z.strictObject({
  itemId: z.string().min(1).max(300),
  /** 0 = not started, 1 = read to the end. */
  fraction: z.number().min(0).max(1),
  /** Where to return to: the scroll offset, as a fraction of the scrollable height, and in pixels. */
  anchor: z.strictObject({ scrollFraction: z.number().min(0).max(1), scrollY: z.number().nonnegative() }),
  updatedAt: timestamp,
});
export type ReadingProgress = z.infer<typeof readingProgressSchema>;

/** The readable copy of a saved page (one per item), sanitized when captured and again when shown. */
export const captureRecordSchema = capturedPageSchema.extend({
  itemId: z.string().min(1).max(300),
  capturedAt: timestamp,
  updatedAt: timestamp,
});
export type CaptureRecord = z.infer<typeof captureRecordSchema>;

/**
 * An image of a saved copy, kept so the reader shows it offline ("Keep images offline"): the
 * address the copy names it by (`data-shelf-src`) and its bytes, as a Blob of an image type.
 */
export const storedImageSchema = z.strictObject({
  itemId: z.string().min(1).max(300),
  url: z.string().max(4096),
  blob: z.instanceof(Blob),
  bytes: z.number().int().nonnegative(),
  storedAt: timestamp,
});
export type StoredImage = z.infer<typeof storedImageSchema>;

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/**
 * A passage the user highlighted in a saved item (in the reader or on the live page): where it is,
 * as W3C Web Annotation selectors (found again after small edits to the page or copy), the user's
 * optional note and a color.
 */
export const highlightSchema = z.strictObject({
  id: z.string().min(1).max(64),
  itemId: z.string().min(1).max(300),
  selectors: selectorSetSchema,
  /**
   * The quote's paragraphs and code lines as it read when highlighted, for the Markdown export (the
   * quote has every line break as a space). Absent when it was one line, and on highlights made
   * before Shelf kept it (exported as their quote); set once, never indexed, so no new database version.
   */
  quoteBlocks: quoteBlocksSchema.optional(),
  note: z.string().max(10_000),
  color: z.enum(HIGHLIGHT_COLORS),
  createdAt: timestamp,
  updatedAt: timestamp,
  /**
   * Whether it was found on the article's own web page the last time that page was open (absent:
   * never looked for there). Kept per browser, not synced: another browser may see another page.
   */
  pageAnchor: z.enum(['found', 'not-found']).optional(),
  /**
   * The highlights this one took the place of, joined by a wider selection: a comment another window
   * saves on one of them meanwhile comes here. Synced (other browsers hide those and fold their
   * comments in: `lib/sync/local-state.ts`); never indexed.
   */
  joinedFrom: z.array(z.string().min(1).max(64)).max(5000).optional(),
});
export type Highlight = z.infer<typeof highlightSchema>;

/**
 * Settings as versions 1–3 kept them, in the database's `settings` table. Preferences now live in
 * `lib/settings/preferences.ts`; this shape is read only to carry old settings and old backups over.
 */
export const legacySettingRecordSchema = z.strictObject({
  key: z.literal('settings'),
  value: z.looseObject({
    showBadge: z.boolean().optional(),
    readerFontSize: z.number().int().min(12).max(32).optional(),
    readerWidth: z.enum(['narrow', 'medium', 'wide']).optional(),
    readerTheme: z.enum(['system', 'light', 'dark', 'sepia']).optional(),
    allowRemoteImages: z.boolean().optional(),
  }),
  updatedAt: timestamp,
});
export type LegacySettingRecord = z.infer<typeof legacySettingRecordSchema>;

/**
 * Small facts about the database itself. `epoch` changes whenever everything is deleted, so that
 * long writes begun before (an import) can tell and stop instead of bringing data back.
 */
export const metaRecordSchema = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('epoch'), value: z.string().max(100) }),
  /** Where an update of the catalog from the blog stopped, to go on from there next time. */
  z.strictObject({ key: z.literal('catalogUpdateCursor'), value: updateCursorSchema }),
  /**
   * When items were removed in this browser, by id, so that sync sends each removal dated when the
   * user made it (lib/db/removals.ts); the newest few thousand, for 30 days.
   */
  z.strictObject({ key: z.literal('removedAt'), value: z.record(z.string().max(2_100), timestamp) }),
  /**
   * Which rule the stored copies' searched text was read by (lib/db/copies.ts), and while copies are
   * being read again, the last one done: a stopped worker goes on from there.
   */
  z.strictObject({
    key: z.literal('copyText'),
    value: z.strictObject({ rule: z.number().int().nonnegative(), after: z.string().max(300).nullable() }),
  }),
  /**
   * Sync's record of the library after its last sync (`encodeReplica` text, lib/sync/replica.ts,
   * after the epoch it describes): here, not in `storage.local`, which content scripts can read.
   */
  z.strictObject({ key: z.literal('syncReplica'), value: z.string().max(20_000_000) }),
  /**
   * When the library was last replaced from a backup ("Replace everything"): sync dates the restored
   * items' presence then, so that a removal made elsewhere before the restore does not take them again.
   */
  z.strictObject({ key: z.literal('restoredAt'), value: timestamp }),
  /**
   * Notes and highlight comments typed (and highlight colours chosen) on an item after another window removed
   * it (lib/db/notes-after-removal.ts),
   * so that Undo there puts them back with it; the newest few.
   */
  z.strictObject({
    key: z.literal('notesAfterRemoval'),
    value: z
      .array(
        z.strictObject({
          target: z.enum(['item', 'highlight']),
          id: z.string().max(2_100),
          note: z.string().max(20_000),
          base: z.string().max(20_000),
          at: timestamp,
          /** An item's: the removal it was typed after (an item removed again since is another removal). */
          removedAt: timestamp.optional(),
          /** A highlight's: the colour chosen for it after its removal (its Undo brings it back in that colour). */
          color: z.enum(HIGHLIGHT_COLORS).optional(),
        }),
      )
      .max(50),
  }),
]);
export type MetaRecord = z.infer<typeof metaRecordSchema>;

/**
 * A note (or a highlight's comment) typed in one window on an item another window removed meanwhile:
 * the editor saves it as its pause in typing ends, or as it closes, when the item is gone. Kept in meta
 * (lib/db/notes-after-removal.ts), not dropped, so that the removal's Undo puts the item back with it,
 * and the window it was typed in can still show it. An item's is kept only with a removal recorded
 * here (not after "Delete everything"), and only while it is that item's last removal; a highlight's
 * not in an emptied library.
 */
export type NoteAfterRemoval = Extract<MetaRecord, { key: 'notesAfterRemoval' }>['value'][number];

/**
 * The library search index's analysis of one saved item (derived data, rebuilt from the items when
 * missing): `stamp` is the analysis format and the item's fingerprint it was made from.
 */
export interface LibraryPostingsRecord {
  itemId: string;
  stamp: string;
  document: {
    id: string;
    articleId: string | null;
    title: string;
    url: string | null;
    siteName: string | null;
    byline: string | null;
    tags: string[];
    note: string;
    highlights: string[];
    fingerprint: string;
  };
  /** Index terms joined by newlines (one string clones far faster than thousands). */
  terms: string;
  weights: Float64Array;
  /** Per term, the segments of the text holding it (`AnalyzedLibraryDocument.segments`). */
  segments: Int32Array;
  /** Words for typos, joined by newlines. */
  words: string;
}

/** The library search index stored whole by the background (derived data, made again when missing). */
export type LibrarySnapshotRecord =
  | { name: 'library'; snapshot: LibraryIndexSnapshot }
  /** A digest of the fingerprints the stored index was made from: read alone, to learn whether it is current without reading it. */
  | { name: 'library-digest'; digest: string };
