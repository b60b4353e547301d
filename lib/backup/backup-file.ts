import { catalogOverlaySchema } from '@/lib/catalog-updates/overlay-schema';
import type { BackupRecords } from '@/lib/db/backup';
import { articleItemId, pageItemId } from '@/lib/db/ids';
import { mergeSamePage, newerCopy, newerRecord } from '@/lib/db/merge';
import {
  captureRecordSchema,
  changeTimesAt,
  type Highlight,
  highlightSchema,
  legacySettingRecordSchema,
  readingProgressSchema,
  type SavedItem,
  savedItemSchema,
} from '@/lib/db/schema';
import type { SkippedRecord } from '@/lib/import/entry';
import { isWebUrl } from '@/lib/net/web-url';
import { z } from '@/lib/zod/classic';

/**
 * Shelf's own backup file: everything the user keeps, versioned. Version 2 carries the saved
 * items (with when each field changed), their progress and readable copies, and every preference
 * the inventory (`lib/settings/preferences.ts`) marks for backups. Version 1 files (the database's
 * settings record instead of preferences, ids cut from addresses) are read and brought up to date.
 *
 * A backup is a file from outside like any import: it is validated whole before anything is
 * written (an invalid file changes nothing), and records Shelf would not accept from any other
 * format (non-web addresses, progress or copies of items that are not there) are skipped and reported.
 */
export const BACKUP_FORMAT = 'shelf-backup';
export const BACKUP_VERSION = 2;

const exportedAt = z.iso.datetime();

const backupV2Schema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(2),
  exportedAt,
  items: z.array(savedItemSchema),
  progress: z.array(readingProgressSchema),
  captures: z.array(captureRecordSchema),
  // One record per id, as the database keeps them: a repeated id is refused here, not by every merge.
  catalogOverlay: catalogOverlaySchema.default([]),
  highlights: z.array(highlightSchema).default([]),
  preferences: z.record(z.string().max(100), z.unknown()),
});
export type Backup = z.infer<typeof backupV2Schema>;

const backupV1Schema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt,
  items: z.array(savedItemSchema.extend({ changedAt: savedItemSchema.shape.changedAt.optional() })),
  progress: z.array(readingProgressSchema),
  settings: z.array(legacySettingRecordSchema),
  captures: z.array(captureRecordSchema).default([]),
});

export function createBackup(records: BackupRecords, preferences: Record<string, unknown>, now = new Date()): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    ...records,
    preferences,
  };
}

/** A backup ready to restore: valid records only, and what was left out with why. */
export interface CheckedBackup {
  records: BackupRecords;
  preferences: Record<string, unknown>;
  skipped: SkippedRecord[];
  /**
   * Items of the file that are the same page as one before them in it (one under an address with
   * tracking parameters, or one an older backup cut): where each is in the file. Each is joined to that
   * item (its tags, note, highlights, the newer progress and copy), restored and counted with it.
   */
  joined: string[];
}

export type ParsedBackup = { ok: true; backup: CheckedBackup } | { ok: false; error: string };

/**
 * The largest backup Shelf reads, and so the largest it writes (`backupText`): near the longest
 * string a browser's JavaScript holds (V8: 2^29 − 24 characters). It was 200 MB, below what an
 * export of a few thousand saved copies writes, so a backup Shelf made could not be restored.
 */
export const MAX_BACKUP_BYTES = 500 * 1024 * 1024;
export const BACKUP_TOO_LARGE = 'The file is larger than 500 MB; it is not a Shelf backup.';

/** How many bytes `text` takes in UTF-8, without encoding it (a backup is hundreds of megabytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one character beyond the first 65,536
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A backup's text as its file holds it; refused, saying why, when Shelf could not read it back. */
export function backupText(backup: Backup, maxLength = MAX_BACKUP_BYTES): string {
  let text: string;
  try {
    text = JSON.stringify(backup, null, 1);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    text = '';
  }
  // In bytes, as the restore measures the file (a character of Chinese text is three).
  if (!text || utf8Length(text) > maxLength) {
    const mb = Math.round(maxLength / (1024 * 1024));
    throw new Error(
      `the backup would be larger than ${mb} MB, more than Shelf can restore. Its readable copies take most of it: Export bookmarks (HTML) or Export CSV keeps your list, tags and notes.`,
    );
  }
  return text;
}

/** Parses a backup file's text; the error names the record and the field that are wrong. */
export function parseBackup(text: string): ParsedBackup {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, error: BACKUP_TOO_LARGE };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // Most often another app's export chosen here: the import takes those.
    return {
      ok: false,
      error: `The file is not a Shelf backup: it is not JSON (${(error as Error).message}). An export from Pocket, Instapaper, Omnivore, Raindrop.io or a browser goes under "Import a file".`,
    };
  }
  const header = z.object({ format: z.literal(BACKUP_FORMAT), version: z.unknown() }).safeParse(data);
  if (!header.success)
    // Most often another app's JSON (QA pass: a browser's bookmarks backup, its profile's Bookmarks file).
    return {
      ok: false,
      error:
        'The file is JSON but not a Shelf backup (its "format" is not "shelf-backup"). Browser bookmarks are read from the HTML file a browser exports ("Export bookmarks"), not from its JSON backup.',
    };
  const { version } = header.data;
  if (version !== 1 && version !== 2) {
    return {
      ok: false,
      error: `This backup is version ${String(version).slice(0, 20)}; this version of Shelf reads versions 1 and 2. Update Shelf to restore it.`,
    };
  }
  const result = version === 2 ? backupV2Schema.safeParse(data) : backupV1Schema.safeParse(data);
  if (!result.success) return { ok: false, error: describeIssue(data, result.error.issues[0]) };
  const backup = result.data.version === 2 ? result.data : fromVersion1(result.data);
  return { ok: true, backup: checkRecords(backup) };
}

function describeIssue(data: unknown, issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'The backup is invalid. Nothing was imported.';
  const [collection, index] = issue.path;
  let where = issue.path.slice(0, 2).join('.') || 'the file';
  if (typeof collection === 'string' && typeof index === 'number') {
    const record = (data as Record<string, unknown[]>)[collection]?.[index] as Record<string, unknown> | undefined;
    const key = record?.id ?? record?.itemId ?? record?.key;
    where = `${collection}[${index}]${typeof key === 'string' ? ` ("${key.slice(0, 80)}")` : ''}`;
  }
  const field = issue.path.slice(2).join('.');
  return `${where}${field ? `, field "${field}"` : ''}: ${issue.message}. Nothing was imported.`;
}

/** A version-1 backup in version 2's shape: change times from each item's last change, settings as preferences. */
function fromVersion1(v1: z.infer<typeof backupV1Schema>): Backup {
  const settings = v1.settings.find((record) => record.key === 'settings')?.value ?? {};
  const preferences: Record<string, unknown> = {};
  for (const name of ['showBadge', 'readerFontSize', 'readerWidth', 'readerTheme', 'allowRemoteImages'] as const) {
    if (settings[name] !== undefined) preferences[name] = settings[name];
  }
  return {
    format: BACKUP_FORMAT,
    version: 2,
    exportedAt: v1.exportedAt,
    items: v1.items.map((item) => ({ ...item, changedAt: item.changedAt ?? changeTimesAt(item.updatedAt) })),
    progress: v1.progress,
    captures: v1.captures,
    catalogOverlay: [],
    highlights: [],
    preferences,
  };
}

/** One record per item: of two (two items of the file merged into one), the newer. */
function newestOfEach<T extends { itemId: string }>(
  records: readonly T[],
  newer: (kept: T | undefined, record: T) => T | null,
): T[] {
  const byItem = new Map<string, T>();
  for (const record of records)
    byItem.set(record.itemId, newer(byItem.get(record.itemId), record) ?? (byItem.get(record.itemId) as T));
  return [...byItem.values()];
}

/**
 * Where a highlight repeats the id of one before it in the file (edited by hand), listed as skipped: stored,
 * the second replaced the first, or was left out unsaid where the first was stored before it.
 */
function repeatedIds(highlights: readonly Highlight[], skipped: SkippedRecord[]): Set<number> {
  const seen = new Set<string>();
  const repeated = new Set<number>();
  highlights.forEach(({ id }, index) => {
    if (!seen.has(id)) {
      seen.add(id);
      return;
    }
    repeated.add(index);
    skipped.push({
      where: `highlights[${index}] ("${id.slice(0, 80)}")`,
      reason: 'has the id of another highlight earlier in the file (that one was kept)',
    });
  });
  return repeated;
}

/**
 * Keeps the records Shelf accepts from any import: items at web addresses (or bundled articles),
 * each id the one Shelf gives that address (older backups cut long addresses; they are renamed),
 * one item per id, and progress and copies only of items that are there.
 */
function checkRecords(backup: Backup): CheckedBackup {
  const skipped: SkippedRecord[] = [];
  const joined: string[] = [];
  const renamed = new Map<string, string>();
  const items = new Map<string, SavedItem>();
  backup.items.forEach((item, index) => {
    const where = `items[${index}] ("${item.title.slice(0, 80)}")`;
    if (item.url !== null && !isWebUrl(item.url)) {
      skipped.push({
        where,
        reason: `not a web address (${item.url.slice(0, 40)}…): Shelf keeps http and https pages only`,
      });
      return;
    }
    let id: string;
    if (item.kind === 'article') {
      if (!item.articleId) {
        skipped.push({ where, reason: 'a bundled article without its article id' });
        return;
      }
      id = articleItemId(item.articleId);
    } else if (item.url) {
      id = pageItemId(item.url);
    } else {
      skipped.push({ where, reason: 'a saved page without an address' });
      return;
    }
    const earlier = items.get(id);
    if (earlier) {
      // The same page under another address (one with tracking parameters, or one an older backup
      // cut): one item, with the tags, notes, highlights and newer progress and copy of both.
      items.set(id, mergeSamePage(earlier, { ...item, id }));
      if (!renamed.has(item.id)) renamed.set(item.id, id);
      joined.push(where);
      return;
    }
    // Two pages under one id (a file edited by hand): the records filed under it go to the first,
    // never to a page they were not made on.
    if (renamed.has(item.id)) {
      skipped.push({ where, reason: 'has the id of another page earlier in the file (that one was kept)' });
      return;
    }
    renamed.set(item.id, id);
    items.set(id, { ...item, id });
  });
  const attached = <T extends { itemId: string }>(
    records: readonly T[],
    collection: string,
    left = new Set<number>(),
  ) =>
    records.flatMap((record, index) => {
      if (left.has(index)) return [];
      const id = renamed.get(record.itemId);
      if (id) return [{ ...record, itemId: id }];
      skipped.push({
        where: `${collection}[${index}] ("${record.itemId.slice(0, 80)}")`,
        reason: 'belongs to no item in the file',
      });
      return [];
    });
  return {
    records: {
      items: [...items.values()],
      progress: newestOfEach(attached(backup.progress, 'progress'), newerRecord),
      captures: newestOfEach(attached(backup.captures, 'captures'), newerCopy),
      catalogOverlay: backup.catalogOverlay,
      highlights: attached(backup.highlights, 'highlights', repeatedIds(backup.highlights, skipped)),
    },
    preferences: backup.preferences,
    skipped,
    joined,
  };
}
