import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { type ImportOutcome, ImportPanel, type ImportProgress } from '@/components/import-panel';
import {
  disableRelatedAnywhere,
  enableRelatedAnywhere,
  isRelatedAnywhereEnabled,
} from '@/lib/background/related-anywhere';
import { exportBackup, importBackup, parseBackup } from '@/lib/db/backup';
import { getDatabase } from '@/lib/db/database';
import { getSettings, updateSettings } from '@/lib/db/repository';

type Message = { kind: 'ok' | 'error'; text: string };

function download(text: string, type: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Settings and the user's data: badge, backup export and import. */
export function SettingsView() {
  const db = getDatabase();
  const settings = useLiveQuery(() => getSettings(db), [db]);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [anywhere, setAnywhere] = useState<boolean | null>(null);
  useEffect(() => {
    void isRelatedAnywhereEnabled().then(setAnywhere);
  }, []);
  const [message, setMessage] = useState<Message | null>(null);
  const [importProgress, setImportProgress] = useState<ImportProgress | null>(null);
  const [importOutcome, setImportOutcome] = useState<ImportOutcome | null>(null);

  async function onLibraryFile(file: File) {
    setImportOutcome(null);
    setImportProgress({ done: 0, total: 0 });
    try {
      // Loaded on use: parsers and zip code stay out of the side panel's start-up.
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
    const { loadItemsForExport, toLibraryCsv, toNetscapeBookmarks } = await import('@/lib/export/library-export');
    const items = await loadItemsForExport(db);
    const date = new Date().toISOString().slice(0, 10);
    if (kind === 'html') download(toNetscapeBookmarks(items), 'text/html', `shelf-bookmarks-${date}.html`);
    else download(toLibraryCsv(items), 'text/csv', `shelf-${date}.csv`);
  }

  async function onImport(file: File) {
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: `${file.name}: ${parsed.error}` });
      return;
    }
    try {
      const report = await importBackup(parsed.backup, mode, db);
      setMessage({
        kind: 'ok',
        text: `Imported ${file.name}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged${
          mode === 'replace' ? `, ${report.removed} replaced` : ''
        }.`,
      });
    } catch (error) {
      const inner = (error as { inner?: { name?: string } }).inner;
      const quota = (error as Error).name === 'QuotaExceededError' || inner?.name === 'QuotaExceededError';
      setMessage({
        kind: 'error',
        text: quota
          ? 'The browser has no room left for Shelf’s data; nothing was imported.'
          : `Import failed and nothing was changed: ${(error as Error).message}`,
      });
    }
  }

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <label className="setting-row">
        <input
          type="checkbox"
          checked={settings?.showBadge ?? true}
          disabled={!settings}
          onChange={(e) => void updateSettings({ showBadge: e.target.checked }, { db })}
        />{' '}
        Show the number of unread saved articles on the toolbar button
      </label>
      <label className="setting-row">
        <input
          type="checkbox"
          checked={anywhere ?? false}
          disabled={anywhere === null}
          onChange={(e) => {
            // The permission prompt needs this click's user gesture: no await before the request.
            const change = e.target.checked ? enableRelatedAnywhere() : disableRelatedAnywhere().then(() => false);
            void change.then(setAnywhere, () => setAnywhere(false));
          }}
        />{' '}
        Show related articles on other sites too (asks to read the sites you visit; the text is matched in your browser
        and sent nowhere)
      </label>
      <h3>Your data</h3>
      <p className="muted small">
        Everything Shelf keeps stays in this browser. A backup is a JSON file you can import here.
      </p>
      <p>
        <button
          type="button"
          className="button"
          onClick={() =>
            void exportBackup(db).then((backup) =>
              download(
                JSON.stringify(backup, null, 1),
                'application/json',
                `shelf-backup-${backup.exportedAt.slice(0, 10)}.json`,
              ),
            )
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
      <ImportPanel onFile={(file) => void onLibraryFile(file)} progress={importProgress} outcome={importOutcome} />
      <fieldset className="import-fieldset">
        <legend>Import a backup</legend>
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
                if (file) void onImport(file);
                e.target.value = '';
              }}
            />
          </label>
        </p>
      </fieldset>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'notice' : ''}>
          {message.text}
        </p>
      )}
    </section>
  );
}
