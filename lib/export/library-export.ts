import { getArticleById, getArticleLink } from '@/lib/corpus/catalog';
import { ITEM_STATUSES, type ItemStatus, type SavedItem } from '@/lib/db/schema';
import { escapeHtml } from '@/lib/dom/escape-html';
import { toCsv } from '@/lib/import/csv';
import { isWebUrl } from '@/lib/net/web-url';

const FOLDER_NAMES: Record<ItemStatus, string> = {
  unread: 'Unread',
  reading: 'Reading',
  done: 'Done',
  archived: 'Archived',
};

const seconds = (ms: number) => String(Math.floor(ms / 1000));

/** A saved item as exports write it: with the address that leads to it. */
interface ExportedItem {
  item: SavedItem;
  href: string;
  /** True when the item has no address of its own and `href` is a search that finds it. */
  isSearch: boolean;
}

/**
 * Every item with a link to it: its own address, or for a bundled article the catalog has no
 * address for, the same "Find on webcoderspeed.com" search the cards offer. Only an item with
 * neither (not a web address, and not a bundled article) is left out.
 */
function exportable(items: readonly SavedItem[]): ExportedItem[] {
  return items.flatMap((item): ExportedItem[] => {
    if (item.url && isWebUrl(item.url)) return [{ item, href: item.url, isSearch: false }];
    if (item.kind !== 'article' || !item.articleId) return [];
    const link = getArticleLink(getArticleById(item.articleId) ?? { url: null, title: item.title });
    return [{ item, href: link.href, isSearch: link.isSearch }];
  });
}

/** What an export wrote: every item, how many of them as a search link, and any left out. */
export interface ExportCounts {
  written: number;
  asSearchLink: number;
  leftOut: number;
}

export function countExport(items: readonly SavedItem[]): ExportCounts {
  const written = exportable(items);
  return {
    written: written.length,
    asSearchLink: written.filter((entry) => entry.isSearch).length,
    leftOut: items.length - written.length,
  };
}

/** "Exported 26 items to shelf.csv (10 without an address of their own, as a search that finds them)." */
export function describeExport(fileName: string, counts: ExportCounts): string {
  const items = (n: number) => `${n.toLocaleString('en')} item${n === 1 ? '' : 's'}`;
  const notes = [
    counts.asSearchLink > 0 &&
      `${counts.asSearchLink.toLocaleString('en')} without an address of their own, as a webcoderspeed.com search that finds them`,
    counts.leftOut > 0 && `${items(counts.leftOut)} left out: no web address`,
  ].filter(Boolean);
  return `Exported ${items(counts.written)} to ${fileName}${notes.length ? ` (${notes.join('; ')})` : ''}.`;
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
    const inFolder = exportable(items).filter(({ item }) => item.status === status);
    if (inFolder.length === 0) continue;
    lines.push(`        <DT><H3>${FOLDER_NAMES[status]}</H3>`, '        <DL><p>');
    for (const { item, href } of inFolder) {
      const tags = item.tags.length ? ` TAGS="${escapeHtml(item.tags.join(','))}"` : '';
      lines.push(
        `            <DT><A HREF="${escapeHtml(href)}" ADD_DATE="${seconds(item.addedAt)}" LAST_MODIFIED="${seconds(item.updatedAt)}"${tags}>${escapeHtml(item.title)}</A>`,
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
 * recommends, such a cell gets a leading apostrophe, which spreadsheets show as text. A cell that
 * starts with an apostrophe gets one too, so that reading it back removes exactly the one added.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r']/.test(cell) ? `'${cell}` : cell;
}

/** CSV with Pocket's columns (so Pocket-style importers read it) plus Shelf's note and last change. */
export function toLibraryCsv(items: readonly SavedItem[]): string {
  return toCsv(
    [
      ['title', 'url', 'time_added', 'tags', 'status', 'note', 'time_updated'],
      ...exportable(items).map(({ item, href }) => [
        item.title,
        href,
        seconds(item.addedAt),
        item.tags.join('|'),
        item.status,
        item.note,
        seconds(item.updatedAt),
      ]),
    ].map((row) => row.map(neutralizeFormula)),
  );
}
