import { z } from 'zod';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import {
  type CaptureRecord,
  captureRecordSchema,
  type ReadingProgress,
  readingProgressSchema,
  type SavedItem,
  type SettingRecord,
  savedItemSchema,
  settingRecordSchema,
} from '@/lib/db/schema';

/**
 * Shelf's own backup file: everything the user keeps, versioned. Import validates the whole file
 * before touching the database, so an invalid file changes nothing.
 */
export const BACKUP_FORMAT = 'shelf-backup';
export const BACKUP_VERSION = 1;

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  items: z.array(savedItemSchema),
  progress: z.array(readingProgressSchema),
  settings: z.array(settingRecordSchema),
  /** Readable copies of captured pages (absent from backups made before they existed). */
  captures: z.array(captureRecordSchema).default([]),
});
export type Backup = z.infer<typeof backupSchema>;

export async function exportBackup(db: ShelfDatabase = getDatabase(), now = new Date()): Promise<Backup> {
  return db.transaction('r', db.items, db.progress, db.settings, db.captures, async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    items: await db.items.orderBy('id').toArray(),
    progress: await db.progress.orderBy('itemId').toArray(),
    settings: await db.settings.toArray(),
    captures: await db.captures.orderBy('itemId').toArray(),
  }));
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: string };

const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

function describeRecord(data: unknown, path: PropertyKey[]): string {
  const [collection, index] = path;
  if (typeof collection !== 'string' || typeof index !== 'number') return path.join('.') || 'the file';
  const record = (data as Record<string, unknown[]>)[collection]?.[index] as Record<string, unknown> | undefined;
  const key = record?.id ?? record?.itemId ?? record?.key;
  return `${collection}[${index}]${typeof key === 'string' ? ` ("${key.slice(0, 80)}")` : ''}`;
}

/** Parses a backup file's text; the error names the record and the field that are wrong. */
export function parseBackup(text: string): ParsedBackup {
  if (text.length > MAX_BACKUP_BYTES)
    return { ok: false, error: 'The file is larger than 200 MB; it is not a Shelf backup.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON (${(error as Error).message}).` };
  }
  const header = z.object({ format: z.literal(BACKUP_FORMAT) }).safeParse(data);
  if (!header.success)
    return { ok: false, error: 'The file is not a Shelf backup (its "format" is not "shelf-backup").' };
  const result = backupSchema.safeParse(data);
  if (result.success) {
    const duplicate = findDuplicate(result.data.items.map((item) => item.id));
    if (duplicate) return { ok: false, error: `items: the id "${duplicate}" appears twice. Nothing was imported.` };
    return { ok: true, backup: result.data };
  }
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, error: 'The backup is invalid.' };
  const where = describeRecord(data, issue.path.slice(0, 2));
  const field = issue.path.slice(2).join('.');
  return { ok: false, error: `${where}${field ? `, field "${field}"` : ''}: ${issue.message}. Nothing was imported.` };
}

function findDuplicate(ids: string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Records that were here before a "replace" import (all deleted first). */
  removed: number;
}

/**
 * Imports a validated backup in one transaction. "merge" keeps what is here and takes each record
 * from the backup only where it is newer (`updatedAt`), so importing the same file twice changes
 * nothing; "replace" makes the database equal to the backup.
 */
export async function importBackup(
  backup: Backup,
  mode: 'merge' | 'replace',
  db: ShelfDatabase = getDatabase(),
): Promise<ImportReport> {
  return db.transaction('rw', db.items, db.progress, db.settings, db.captures, async () => {
    const report: ImportReport = { added: 0, updated: 0, unchanged: 0, removed: 0 };
    if (mode === 'replace') {
      report.removed =
        (await db.items.count()) +
        (await db.progress.count()) +
        (await db.settings.count()) +
        (await db.captures.count());
      await Promise.all([db.items.clear(), db.progress.clear(), db.settings.clear(), db.captures.clear()]);
    }
    const mergeInto = async <T extends { updatedAt: number }>(
      table: { get(key: string): Promise<T | undefined>; put(record: T): Promise<unknown> },
      records: T[],
      keyOf: (record: T) => string,
    ) => {
      for (const record of records) {
        const existing = await table.get(keyOf(record));
        if (!existing) {
          await table.put(record);
          report.added++;
        } else if (record.updatedAt > existing.updatedAt) {
          await table.put(record);
          report.updated++;
        } else {
          report.unchanged++;
        }
      }
    };
    await mergeInto<SavedItem>(db.items, backup.items, (item) => item.id);
    await mergeInto<ReadingProgress>(db.progress, backup.progress, (progress) => progress.itemId);
    await mergeInto<SettingRecord>(db.settings, backup.settings, (setting) => setting.key);
    await mergeInto<CaptureRecord>(db.captures, backup.captures, (capture) => capture.itemId);
    return report;
  });
}
