import { z } from 'zod';
import { capturedPageSchema } from '@/lib/capture/schema';

/**
 * The shapes Shelf keeps in IndexedDB. Zod is their source of truth: backups are validated with
 * these schemas, and every type below is inferred from them.
 */
export const itemStatusSchema = z.enum(['unread', 'reading', 'done', 'archived']);
export type ItemStatus = z.infer<typeof itemStatusSchema>;
export const ITEM_STATUSES = itemStatusSchema.options;

const timestamp = z.number().int().nonnegative();

export const savedItemSchema = z.strictObject({
  /** `article:<id>` for a bundled article (later `page:<uuid>` for a captured page). */
  id: z.string().min(1).max(300),
  kind: z.enum(['article', 'page']),
  /** The bundled article this item is, when it is one. */
  articleId: z.string().max(200).nullable(),
  url: z.string().max(4096).nullable(),
  title: z.string().min(1).max(1000),
  status: itemStatusSchema,
  /** The user's own tags (not the article's). */
  tags: z.array(z.string().min(1).max(64)).max(50),
  note: z.string().max(20_000),
  addedAt: timestamp,
  updatedAt: timestamp,
});
export type SavedItem = z.infer<typeof savedItemSchema>;

export const readingProgressSchema = z.strictObject({
  itemId: z.string().min(1).max(300),
  /** 0 = not started, 1 = read to the end. */
  fraction: z.number().min(0).max(1),
  /** Where to return to: the scroll offset, as a fraction of the scrollable height, and in pixels. */
  anchor: z.strictObject({ scrollFraction: z.number().min(0).max(1), scrollY: z.number().nonnegative() }),
  updatedAt: timestamp,
});
export type ReadingProgress = z.infer<typeof readingProgressSchema>;

export const settingsSchema = z.strictObject({
  /** Show the number of unread saved items on the toolbar button. */
  showBadge: z.boolean(),
  /** Reader typography; defaults fill in settings saved before they existed. */
  readerFontSize: z.number().int().min(12).max(32).default(18),
  readerWidth: z.enum(['narrow', 'medium', 'wide']).default('medium'),
  readerTheme: z.enum(['system', 'light', 'dark', 'sepia']).default('system'),
  /** Load images of captured pages from their sites (network requests the user allowed). */
  allowRemoteImages: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({ showBadge: true });

export const settingRecordSchema = z.strictObject({
  key: z.literal('settings'),
  value: settingsSchema,
  updatedAt: timestamp,
});
export type SettingRecord = z.infer<typeof settingRecordSchema>;

export function articleItemId(articleId: string): string {
  return `article:${articleId}`;
}

/** The readable copy of a saved page (one per item), sanitized when captured and again when shown. */
export const captureRecordSchema = capturedPageSchema.extend({
  itemId: z.string().min(1).max(300),
  capturedAt: timestamp,
  updatedAt: timestamp,
});
export type CaptureRecord = z.infer<typeof captureRecordSchema>;
