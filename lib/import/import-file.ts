import { getArticleByUrl } from '@/lib/corpus/catalog';
import { importBackup, parseBackup } from '@/lib/db/backup';
import type { ShelfDatabase } from '@/lib/db/database';
import { type ApplyImportOptions, applyImport, describeImport, type ImportSummary } from '@/lib/import/apply-import';
import { type PreparedImport, validateImportInSlices } from '@/lib/import/entry';
import { ImportFileError } from '@/lib/import/import-error';
import { prepareImportFile } from '@/lib/import/read-import-file';

export type ImportFileResult =
  | { ok: true; summary: ImportSummary; message: string }
  | { ok: false; error: string; changed: boolean };

/**
 * Imports an export file of another app into the reading list: reads and validates the whole file
 * first (a file it cannot read changes nothing), then writes it in chunks with progress.
 */
export async function importFile(
  file: { name: string; bytes: Uint8Array },
  options: { db?: ShelfDatabase; onProgress?: ApplyImportOptions['onProgress']; win?: Window & typeof globalThis } = {},
): Promise<ImportFileResult> {
  // Shelf's own backup dropped here too: merged like any import (newest wins).
  if (file.bytes[0] === 0x7b /* { */ || (file.bytes[3] === 0x7b && file.bytes[0] === 0xef)) {
    const backup = parseBackup(new TextDecoder().decode(file.bytes));
    if (!backup.ok) return { ok: false, error: `${file.name}: ${backup.error}`, changed: false };
    const report = await importBackup(backup.backup, 'merge', options.db);
    return {
      ok: true,
      summary: {
        format: 'Shelf backup',
        total: backup.backup.items.length,
        added: report.added,
        merged: report.updated,
        unchanged: report.unchanged,
        skipped: [],
        stoppedEarly: null,
      },
      message: `${file.name} (Shelf backup): ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged.`,
    };
  }
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
      findArticleId: (url) => getArticleByUrl(url)?.id,
    });
    return { ok: true, summary, message: describeImport(file.name, summary) };
  } catch (error) {
    return {
      ok: false,
      error: `The import stopped part-way (${(error as Error).message}). Items written before the error were kept; importing the file again completes it without duplicates.`,
      changed: true,
    };
  }
}
