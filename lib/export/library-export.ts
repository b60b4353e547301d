import { ITEM_STATUSES, type ItemStatus, type SavedItem } from '@/lib/db/schema';
import { toCsv } from '@/lib/import/csv';
import { isWebUrl } from '@/lib/import/entry';

const FOLDER_NAMES: Record<ItemStatus, string> = {
  unread: 'Unread',
  reading: 'Reading',
  done: 'Done',
  archived: 'Archived',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

const seconds = (ms: number) => String(Math.floor(ms / 1000));

/** Items that can leave Shelf as links (a bundled article without a known address cannot). */
function exportable(items: readonly SavedItem[]): SavedItem[] {
  return items.filter((item) => item.url && isWebUrl(item.url));
}

/**
 * The Netscape bookmarks file every browser imports: one folder per status under "Shelf" (which
 * is how Shelf reads statuses back), tags in `TAGS`, notes as `<DD>` descriptions.
 */
export function toNetscapeBookmarks(items: readonly SavedItem[], now = Date.now()): string {
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- Exported by Shelf. Import it in a browser (Bookmarks → Import) or in a read-later service. -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    `    <DT><H3 ADD_DATE="${seconds(now)}">Shelf</H3>`,
    '    <DL><p>',
  ];
  for (const status of ITEM_STATUSES) {
    const inFolder = exportable(items).filter((item) => item.status === status);
    if (inFolder.length === 0) continue;
    lines.push(`        <DT><H3>${FOLDER_NAMES[status]}</H3>`, '        <DL><p>');
    for (const item of inFolder) {
      const tags = item.tags.length ? ` TAGS="${escapeHtml(item.tags.join(','))}"` : '';
      lines.push(
        `            <DT><A HREF="${escapeHtml(item.url ?? '')}" ADD_DATE="${seconds(item.addedAt)}" LAST_MODIFIED="${seconds(item.updatedAt)}"${tags}>${escapeHtml(item.title)}</A>`,
      );
      if (item.note) lines.push(`            <DD>${escapeHtml(item.note)}`);
    }
    lines.push('        </DL><p>');
  }
  lines.push('    </DL><p>', '</DL><p>', '');
  return lines.join('\n');
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before them) as
 * a formula: a captured title like `=HYPERLINK(…)` would run when the CSV is opened. As OWASP
 * recommends, such a cell gets a leading apostrophe, which spreadsheets show as text.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** CSV with Pocket's columns (so Pocket-style importers read it) plus Shelf's note and last change. */
export function toLibraryCsv(items: readonly SavedItem[]): string {
  return toCsv(
    [
      ['title', 'url', 'time_added', 'tags', 'status', 'note', 'time_updated'],
      ...exportable(items).map((item) => [
        item.title,
        item.url ?? '',
        seconds(item.addedAt),
        item.tags.join('|'),
        item.status,
        item.note,
        seconds(item.updatedAt),
      ]),
    ].map((row) => row.map(neutralizeFormula)),
  );
}
