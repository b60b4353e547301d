import { useRef, useState } from 'react';
import { FileInput } from '@/components/file-input';
import { type Message, useImport } from '@/components/hooks/use-import';
import { ImportPanel } from '@/components/import-panel';
import { MessageLine } from '@/components/message-line';
import { ConfirmQuestion } from '@/components/settings/confirm-question';
import { DeleteEverything } from '@/components/settings/delete-everything';
import type { CheckedBackup } from '@/lib/backup/backup-file';
import type { ShelfDatabase } from '@/lib/db/database';
import { exportBackupFile, exportLibraryFile } from '@/lib/export/export-file';

/**
 * The user's data: exports, Shelf backups, imports from other apps, and deleting everything.
 * `focusImport`: the focus taken to importing from another app.
 */
export function DataSettings({ db, focusImport = false }: { db: ShelfDatabase; focusImport?: boolean }) {
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  // A file to replace everything with, waiting for the user's yes (QA pass: choosing the file wiped the library);
  // read and checked first (QA pass: a file that is no backup was offered to replace everything).
  const [replaceWith, setReplaceWith] = useState<{ file: File; backup: CheckedBackup } | null>(null);
  const backupInput = useRef<HTMLInputElement>(null);
  // A backup chosen while an import runs is not restored: said (review: it was refused in silence).
  const [refused, setRefused] = useState<Message | null>(null);
  const imports = useImport(db);
  const [exported, setExported] = useState<Message | null>(null);
  const [deleted, setDeleted] = useState<Message | null>(null);
  // A result line stays only until the next action on the data starts: "Everything … was deleted" stood
  // on after a restore brought everything back (QA pass). One still running reports when it ends.
  const clearResults = () => {
    setRefused(null);
    setExported(null);
    setDeleted(null);
    imports.clearResults();
  };
  const exportWith = (write: () => Promise<string>) => {
    clearResults();
    void write().then(
      (text) => setExported({ kind: 'ok', text }),
      (error: unknown) => setExported({ kind: 'error', text: `Nothing was exported: ${(error as Error).message}` }),
    );
  };
  const restore = (file: File, mode: 'merge' | 'replace') => {
    clearResults();
    void imports.restore(file, mode);
  };
  const askToReplaceWith = (file: File) => {
    clearResults();
    setReplaceWith(null);
    void imports.checkBackup(file).then((backup) => backup && setReplaceWith({ file, backup }));
  };
  return (
    <section aria-labelledby="data-heading">
      <h3 id="data-heading">Your data</h3>
      <p className="muted small">
        Everything Shelf keeps stays in this browser, unless you turn on “Sync between browsers”. Exports are files you
        keep.
      </p>
      <p>
        <button type="button" className="button" onClick={() => exportWith(() => exportBackupFile(db))}>
          Export backup
        </button>{' '}
        <button type="button" className="button" onClick={() => exportWith(() => exportLibraryFile('html', db))}>
          Export bookmarks (HTML)
        </button>{' '}
        <button type="button" className="button" onClick={() => exportWith(() => exportLibraryFile('csv', db))}>
          Export CSV
        </button>
      </p>
      <MessageLine message={exported} />
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
            {/* One import at a time: they share one progress bar, and a restore's "replace" would
                look to a running import like everything was deleted. */}
            <FileInput
              inputRef={backupInput}
              accept="application/json,.json"
              unavailable={imports.progress !== null}
              onFile={(file) => (mode === 'replace' ? askToReplaceWith(file) : restore(file, mode))}
              onRefused={() =>
                setRefused({ kind: 'error', text: 'An import is running: choose the backup again once it ends.' })
              }
            />
          </label>
        </p>
        {replaceWith && (
          <ConfirmQuestion
            lines={[
              `Replace everything Shelf keeps in this browser with ${replaceWith.file.name}?`,
              'Items saved, and changes made, since that backup are lost. Export a backup first if you may want them.',
            ]}
            confirmLabel="Yes, replace everything"
            // An import started meanwhile would see everything deleted under it (review).
            confirmDisabled={imports.progress !== null}
            onConfirm={() => {
              clearResults();
              void imports.restore(replaceWith.file, 'replace', replaceWith.backup);
              setReplaceWith(null);
              // Back where the user chose the file: the question goes (QA pass: the focus went to the body).
              backupInput.current?.focus();
              // Back to the choice that loses nothing, for the next file.
              setMode('merge');
            }}
            onCancel={() => setReplaceWith(null)}
          />
        )}
        <MessageLine message={refused ?? imports.restoreMessage} />
      </fieldset>
      <ImportPanel
        onFile={(file) => {
          clearResults();
          void imports.importLibrary(file);
        }}
        progress={imports.progress}
        outcome={imports.outcome}
        takeFocus={focusImport}
      />
      <DeleteEverything db={db} message={deleted} onStart={clearResults} onMessage={setDeleted} />
    </section>
  );
}
