import { z } from 'zod';

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
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { showBadge: true };

export const settingRecordSchema = z.strictObject({
  key: z.literal('settings'),
  value: settingsSchema,
  updatedAt: timestamp,
});
export type SettingRecord = z.infer<typeof settingRecordSchema>;

export function articleItemId(articleId: string): string {
  return `article:${articleId}`;
}
