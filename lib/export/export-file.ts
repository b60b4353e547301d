import { backupText, createBackup } from '@/lib/backup/backup-file';
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

/** Downloads the reading list as a bookmarks file (HTML) or a CSV; returns what it wrote, for the user. */
export async function exportLibraryFile(kind: 'html' | 'csv', db?: ShelfDatabase, now = Date.now()): Promise<string> {
  // Loaded on use: the export code stays out of the page's start-up.
  const { countExport, describeExport, toLibraryCsv, toNetscapeBookmarks } = await import(
    '@/lib/export/library-export'
  );
  const items = await getItemsForExport(db);
  const fileName = kind === 'html' ? `shelf-bookmarks-${today(now)}.html` : `shelf-${today(now)}.csv`;
  if (kind === 'html') downloadText(toNetscapeBookmarks(items), 'text/html', fileName);
  else downloadText(toLibraryCsv(items), 'text/csv', fileName);
  return describeExport(fileName, countExport(items));
}

/** Downloads a Shelf backup: every saved item with its progress and copy, and the preferences. */
export async function exportBackupFile(db?: ShelfDatabase): Promise<string> {
  const [records, preferences] = await Promise.all([readBackupRecords(db), snapshotPreferences()]);
  const backup = createBackup(records, preferences);
  const fileName = `shelf-backup-${backup.exportedAt.slice(0, 10)}.json`;
  downloadText(backupText(backup), 'application/json', fileName);
  const count = records.items.length;
  return `Exported a backup of ${count.toLocaleString('en')} item${count === 1 ? '' : 's'} and your settings to ${fileName}.`;
}
