import { parseBackup } from '@/lib/backup/backup-file';
import { describeRestoreFailure, isSettingSkip, restoreBackup, settingsLines } from '@/lib/backup/restore';
import { getArticleByImportedUrl } from '@/lib/corpus/catalog';
import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import { isQuotaError, STORAGE_FULL_MESSAGE, writeFailureReason } from '@/lib/db/errors';
import { getEpoch } from '@/lib/db/meta';
import { type ApplyImportOptions, applyImport, describeImport, type ImportSummary } from '@/lib/import/apply-import';
import { type PreparedImport, validateImportInSlices } from '@/lib/import/entry';
import { ImportFileError } from '@/lib/import/import-error';
import { prepareImportFile } from '@/lib/import/read-import-file';

export type ImportFileResult =
  | { ok: true; summary: ImportSummary; message: string }
  | { ok: false; error: string; changed: boolean };

/** Whether the file is JSON (a Shelf backup): its first character after a byte-order mark and whitespace is `{`. */
function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    i < 4096 &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return bytes[i] === 0x7b;
}

type ImportFileOptions = {
  db?: ShelfDatabase;
  onProgress?: ApplyImportOptions['onProgress'];
  win?: Window & typeof globalThis;
  /** When the user chose the file (see `ApplyImportOptions.epoch`); else read here, before the file is. */
  epoch?: string;
};

/** Shelf's own backup dropped on the import: merged like any import (newer changes win). */
async function importBackupFile(
  file: { name: string; bytes: Uint8Array },
  options: ImportFileOptions,
): Promise<ImportFileResult> {
  const epoch = options.epoch ?? (await getEpoch(options.db ?? getDatabase()));
  const parsed = parseBackup(new TextDecoder().decode(file.bytes));
  if (!parsed.ok) return { ok: false, error: `${file.name}: ${parsed.error}`, changed: false };
  try {
    const report = await restoreBackup(parsed.backup, 'merge', { ...options, epoch });
    const summary: ImportSummary = {
      format: 'Shelf backup',
      total: parsed.backup.records.items.length + parsed.backup.skipped.length + report.joined.length,
      added: report.added,
      merged: report.updated,
      unchanged: report.unchanged,
      // The import's line counts every item of the file (added, merged or already in Shelf) and every record
      // skipped, and lists one joined to the same page earlier in the file as its other formats list a second
      // row of an address. The file's settings are no records: said after the line (review: a reader theme
      // this browser kept made "2 records — 2 added, …, 1 skipped").
      skipped: [
        ...report.skipped.filter((record) => !isSettingSkip(record)),
        ...report.joined.map((where) => ({
          where,
          reason: 'the same page as an item earlier in the file (merged into it)',
        })),
      ],
      ...(report.joined.length > 0 && { repeated: report.joined.length }),
      stoppedEarly: null,
      outOfSpace: false,
    };
    const message = [describeImport(file.name, summary), ...settingsLines(report.skipped)].join(' ');
    return { ok: true, summary, message };
  } catch (error) {
    return { ok: false, error: describeRestoreFailure(file.name, error, 'merge'), changed: true };
  }
}

function describeWriteError(error: unknown): string {
  if (isQuotaError(error)) return STORAGE_FULL_MESSAGE;
  return `The import stopped part-way (${writeFailureReason(error)}). Items written before the error were kept; importing the file again completes it without duplicates.`;
}

/**
 * Imports an export file of another app into the reading list: reads and validates the whole file
 * first (a file it cannot read changes nothing), then writes it in chunks with progress.
 */
export async function importFile(
  file: { name: string; bytes: Uint8Array },
  options: ImportFileOptions = {},
): Promise<ImportFileResult> {
  if (looksLikeJson(file.bytes)) return importBackupFile(file, options);
  // Before the file is read and checked (seconds for a large one): "Delete everything" meanwhile stops it.
  const epoch = options.epoch ?? (await getEpoch(options.db ?? getDatabase()));
  let prepared: PreparedImport;
  try {
    prepared = prepareImportFile(file.name, file.bytes, options.win);
  } catch (error) {
    if (error instanceof ImportFileError)
      return { ok: false, error: `${file.name}: ${error.message} Nothing was imported.`, changed: false };
    return {
      ok: false,
      error: `${file.name} could not be read (${(error as Error).message}). Nothing was imported.`,
      changed: false,
    };
  }
  try {
    const parsed = await validateImportInSlices(prepared);
    const summary = await applyImport(parsed, {
      db: options.db,
      onProgress: options.onProgress,
      findArticleId: (url) => getArticleByImportedUrl(url)?.id,
      epoch,
    });
    return { ok: true, summary, message: describeImport(file.name, summary) };
  } catch (error) {
    return { ok: false, error: `${file.name}: ${describeWriteError(error)}`, changed: true };
  }
}
