import { useEffect, useState } from 'react';
import type { ImportOutcome, ImportProgress } from '@/components/import-panel';
import { BACKUP_TOO_LARGE, type CheckedBackup, MAX_BACKUP_BYTES, parseBackup } from '@/lib/backup/backup-file';
import { describeRestore, describeRestoreFailure, restoreBackup } from '@/lib/backup/restore';
import type { ShelfDatabase } from '@/lib/db/database';
import { getEpoch } from '@/lib/db/meta';
import { describeStoppedImport, watchStoppedImports, whileImporting } from '@/lib/import/imports-under-way';
import { MAX_IMPORT_BYTES } from '@/lib/import/limits';

/** A line for the user: what happened, and whether it went wrong. */
export type Message = { kind: 'ok' | 'error'; text: string };

/**
 * Importing files: another app's export (`importLibrary`) or a Shelf backup (`restore`, merging or
 * replacing), with progress while it runs and a report when it ends.
 */
export function useImport(db: ShelfDatabase) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [restoreMessage, setRestoreMessage] = useState<Message | null>(null);
  // Imports another page was running when it closed: said here, once (lib/import/imports-under-way.ts).
  useEffect(
    () =>
      watchStoppedImports((stopped) => {
        const text = describeStoppedImport(stopped);
        const say = (shown: Message | ImportOutcome | null) => ({
          kind: 'error' as const,
          text: shown?.kind === 'error' ? `${shown.text} ${text}` : text,
        });
        if (stopped.kind === 'import') setOutcome(say);
        else setRestoreMessage(say);
      }),
    [],
  );

  async function importLibrary(file: File) {
    setOutcome(null);
    // Refused before it is read: reading a file of gigabytes is what fails ("permission problems").
    if (file.size > MAX_IMPORT_BYTES) {
      setOutcome({ kind: 'error', text: `${file.name}: The file is larger than 300 MB. Nothing was imported.` });
      return;
    }
    setProgress({ done: 0, total: 0 });
    try {
      // Before the file is read: "Delete everything" from now on stops the import.
      const epoch = await getEpoch(db);
      // Loaded on use: parsers and zip code stay out of the page's start-up.
      const [{ importFile }, bytes] = await Promise.all([
        import('@/lib/import/import-file'),
        file.arrayBuffer().then((buffer) => new Uint8Array(buffer)),
      ]);
      const result = await whileImporting({ fileName: file.name, kind: 'import' }, (listProgress) =>
        importFile(
          { name: file.name, bytes },
          {
            db,
            epoch,
            onProgress: (done, total) => {
              setProgress({ done, total });
              listProgress(done, total);
            },
          },
        ),
      );
      setOutcome(
        result.ok
          ? {
              // Stopped for a full disk, or the file was cut short: an alert, though what was written is kept and counted.
              kind: result.summary.outOfSpace || result.summary.cutShort ? 'error' : 'ok',
              text: result.message,
              skipped: result.summary.skipped,
            }
          : { kind: 'error', text: result.error },
      );
    } catch (error) {
      setOutcome({ kind: 'error', text: `${file.name} could not be read: ${(error as Error).message}` });
    } finally {
      setProgress(null);
    }
  }

  /** Reads and checks a backup file: its records, or null once the line says why (nothing is changed). */
  async function checkBackup(file: File): Promise<CheckedBackup | null> {
    setRestoreMessage(null);
    if (file.size > MAX_BACKUP_BYTES) {
      setRestoreMessage({ kind: 'error', text: `${file.name}: ${BACKUP_TOO_LARGE} Nothing was changed.` });
      return null;
    }
    const parsed = parseBackup(await file.text());
    if (parsed.ok) return parsed.backup;
    setRestoreMessage({ kind: 'error', text: `${file.name}: ${parsed.error}` });
    return null;
  }

  /** Restores a backup file, read and checked here unless `checked` (`checkBackup`) already was. */
  async function restore(file: File, mode: 'merge' | 'replace', checked?: CheckedBackup) {
    setRestoreMessage(null);
    const epoch = await getEpoch(db);
    const backup = checked ?? (await checkBackup(file));
    if (!backup) return;
    try {
      // Its first frame of progress is reported before anything is awaited.
      const report = await whileImporting({ fileName: file.name, kind: mode }, (listProgress, listStep) =>
        restoreBackup(backup, mode, {
          db,
          epoch,
          onRecordsWritten: () => listStep('recordsWritten'),
          onProgress: (done, total, counting) => {
            setProgress({ done, total, counting });
            if (counting !== 'copies') listProgress(done, total);
          },
        }),
      );
      setRestoreMessage({ kind: 'ok', text: describeRestore(file.name, report, mode) });
    } catch (error) {
      setRestoreMessage({ kind: 'error', text: describeRestoreFailure(file.name, error, mode) });
    } finally {
      setProgress(null);
    }
  }

  /** Forgets the last import's and restore's results: another action on the data has started. */
  function clearResults() {
    setOutcome(null);
    setRestoreMessage(null);
  }

  return { progress, outcome, restoreMessage, importLibrary, checkBackup, restore, clearResults };
}
