import { useEffect, useRef, useState } from 'react';
import { type ImportOutcome, ImportPanel, type ImportProgress } from '@/components/import-panel';
import { createBackup, parseBackup } from '@/lib/backup/backup-file';
import { describeRestore, restoreBackup } from '@/lib/backup/restore';
import { readBackupRecords } from '@/lib/db/backup';
import type { ShelfDatabase } from '@/lib/db/database';
import { isQuotaError } from '@/lib/db/errors';
import { getItemsForExport } from '@/lib/db/queries';
import { snapshotPreferences } from '@/lib/settings/preferences';

type Message = { kind: 'ok' | 'error'; text: string };

function download(text: string, type: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function MessageLine({ message }: { message: Message | null }) {
  if (!message) return null;
  return (
    <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'notice' : ''}>
      {message.text}
    </p>
  );
}

/** The user's data: exports, Shelf backups, imports from other apps, and deleting everything. */
export function DataSettings({ db }: { db: ShelfDatabase }) {
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [message, setMessage] = useState<Message | null>(null);
  const [importProgress, setImportProgress] = useState<ImportProgress | null>(null);
  const [importOutcome, setImportOutcome] = useState<ImportOutcome | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleteMessage, setDeleteMessage] = useState<Message | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The safe choice takes the focus when the confirmation appears.
  useEffect(() => {
    if (confirmingDelete) cancelRef.current?.focus();
  }, [confirmingDelete]);

  async function onBackupFile(file: File) {
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: `${file.name}: ${parsed.error}` });
      return;
    }
    setImportProgress({ done: 0, total: parsed.backup.records.items.length });
    try {
      const report = await restoreBackup(parsed.backup, mode, {
        db,
        onProgress: (done, total) => setImportProgress({ done, total }),
      });
      setMessage({ kind: 'ok', text: describeRestore(file.name, report, mode) });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: isQuotaError(error)
          ? 'The browser has no room left for Shelf’s data; nothing was imported.'
          : `Import failed and nothing was changed: ${(error as Error).message}`,
      });
    } finally {
      setImportProgress(null);
    }
  }

  async function onLibraryFile(file: File) {
    setImportOutcome(null);
    setImportProgress({ done: 0, total: 0 });
    try {
      // Loaded on use: parsers and zip code stay out of the page's start-up.
      const [{ importFile }, bytes] = await Promise.all([
        import('@/lib/import/import-file'),
        file.arrayBuffer().then((buffer) => new Uint8Array(buffer)),
      ]);
      const result = await importFile(
        { name: file.name, bytes },
        { db, onProgress: (done, total) => setImportProgress({ done, total }) },
      );
      setImportOutcome(
        result.ok
          ? { kind: 'ok', text: result.message, skipped: result.summary.skipped }
          : { kind: 'error', text: result.error },
      );
    } catch (error) {
      setImportOutcome({ kind: 'error', text: `${file.name} could not be read: ${(error as Error).message}` });
    } finally {
      setImportProgress(null);
    }
  }

  async function exportLibrary(kind: 'html' | 'csv') {
    const { toLibraryCsv, toNetscapeBookmarks } = await import('@/lib/export/library-export');
    const items = await getItemsForExport(db);
    const date = new Date().toISOString().slice(0, 10);
    if (kind === 'html') download(toNetscapeBookmarks(items), 'text/html', `shelf-bookmarks-${date}.html`);
    else download(toLibraryCsv(items), 'text/csv', `shelf-${date}.csv`);
  }

  async function deleteAll() {
    setConfirmingDelete(false);
    try {
      const { deleteEverything } = await import('@/lib/settings/delete-everything');
      await deleteEverything(db);
      setDeleteMessage({ kind: 'ok', text: 'Everything Shelf kept in this browser was deleted.' });
    } catch (error) {
      setDeleteMessage({ kind: 'error', text: `Nothing was deleted: ${(error as Error).message}` });
    }
  }

  return (
    <section aria-labelledby="data-heading">
      <h3 id="data-heading">Your data</h3>
      <p className="muted small">Everything Shelf keeps stays in this browser. Exports are files you keep.</p>
      <p>
        <button
          type="button"
          className="button"
          onClick={() =>
            void Promise.all([readBackupRecords(db), snapshotPreferences()]).then(([records, preferences]) => {
              const backup = createBackup(records, preferences);
              download(
                JSON.stringify(backup, null, 1),
                'application/json',
                `shelf-backup-${backup.exportedAt.slice(0, 10)}.json`,
              );
            })
          }
        >
          Export backup
        </button>{' '}
        <button type="button" className="button" onClick={() => void exportLibrary('html')}>
          Export bookmarks (HTML)
        </button>{' '}
        <button type="button" className="button" onClick={() => void exportLibrary('csv')}>
          Export CSV
        </button>
      </p>
      <fieldset className="import-fieldset">
        <legend>Import a Shelf backup</legend>
        <label>
          <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge
          (newer changes win)
        </label>{' '}
        <label>
          <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />{' '}
          Replace everything
        </label>
        <p>
          <label>
            Backup file{' '}
            <input
              type="file"
              accept="application/json,.json"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void onBackupFile(file);
                e.target.value = '';
              }}
            />
          </label>
        </p>
        <MessageLine message={message} />
      </fieldset>
      <ImportPanel onFile={(file) => void onLibraryFile(file)} progress={importProgress} outcome={importOutcome} />
      <fieldset className="import-fieldset danger-zone">
        <legend>Delete everything</legend>
        <p className="small">Saved articles and pages, reading progress, notes and settings. This cannot be undone.</p>
        {confirmingDelete ? (
          <div>
            <p>Delete everything Shelf keeps in this browser? Export a backup first if you may want it back.</p>
            <button type="button" className="button danger" onClick={() => void deleteAll()}>
              Yes, delete everything
            </button>{' '}
            <button
              type="button"
              className="button secondary"
              onClick={() => setConfirmingDelete(false)}
              ref={cancelRef}
            >
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className="button secondary" onClick={() => setConfirmingDelete(true)}>
            Delete everything…
          </button>
        )}
        <MessageLine message={deleteMessage} />
      </fieldset>
    </section>
  );
}
