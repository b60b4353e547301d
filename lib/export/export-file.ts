import { createBackup } from '@/lib/backup/backup-file';
import { readBackupRecords } from '@/lib/db/backup';
import type { ShelfDatabase } from '@/lib/db/database';
import { getItemsForExport } from '@/lib/db/queries';
import { snapshotPreferences } from '@/lib/settings/preferences';

/** Hands `text` to the browser as a file download named `fileName`. */
export function downloadText(text: string, type: string, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(doc.createElement('a'), { href: url, download: fileName });
  link.click();
  // Revoked later, not at once: the download may not have started reading the blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = (now: number) => new Date(now).toISOString().slice(0, 10);

/** Downloads the reading list as a bookmarks file (HTML) or a CSV. */
export async function exportLibraryFile(kind: 'html' | 'csv', db?: ShelfDatabase, now = Date.now()): Promise<void> {
  // Loaded on use: the export code stays out of the page's start-up.
  const { toLibraryCsv, toNetscapeBookmarks } = await import('@/lib/export/library-export');
  const items = await getItemsForExport(db);
  if (kind === 'html') downloadText(toNetscapeBookmarks(items), 'text/html', `shelf-bookmarks-${today(now)}.html`);
  else downloadText(toLibraryCsv(items), 'text/csv', `shelf-${today(now)}.csv`);
}

/** Downloads a Shelf backup: every saved item with its progress and copy, and the preferences. */
export async function exportBackupFile(db?: ShelfDatabase): Promise<void> {
  const [records, preferences] = await Promise.all([readBackupRecords(db), snapshotPreferences()]);
  const backup = createBackup(records, preferences);
  downloadText(
    JSON.stringify(backup, null, 1),
    'application/json',
    `shelf-backup-${backup.exportedAt.slice(0, 10)}.json`,
  );
}
