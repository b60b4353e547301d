import type { ItemStatus } from '@/lib/db/schema';
import { type CsvRecord, detectSeparator, parseCsv } from '@/lib/import/csv';
import {
  type ImportEntryInput,
  type ImportFormat,
  type ParsedImport,
  type PreparedImport,
  parseDate,
  type SkippedRecord,
  statusFromName,
  validateImport,
} from '@/lib/import/entry';
import { ImportFileError } from '@/lib/import/import-error';
import { isWebUrl } from '@/lib/net/web-url';

type Row = (column: string) => string;

/** Maps one row of a known export to an entry; `column` reads a field by (lower-case) header name. */
type RowMapper = (column: Row, where: string) => ImportEntryInput;

function splitTags(value: string, separator: RegExp): string[] {
  return value.split(separator).filter((tag) => tag.trim());
}

/**
 * Pocket's CSV export (`title,url,time_added,cursor,tags,status`, tags joined with `|`; newer files
 * drop `cursor`). Shelf's own CSV export uses the same columns plus `note` and `time_updated`.
 */
/** Shelf's CSV export writes `'=…` for a cell that a spreadsheet would run (see `neutralizeFormula`). */
const unneutralize = (cell: string) => (/^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell);

const pocketRow: RowMapper = (column, where) => ({
  where,
  url: column('url'),
  title: unneutralize(column('title')),
  tags: splitTags(unneutralize(column('tags')), /\|/),
  status: statusFromName(column('status')),
  addedAt: parseDate(column('time_added')),
  updatedAt: parseDate(column('time_updated')),
  note: unneutralize(column('note')),
  progress: null,
  content: null,
});

/** Instapaper's tags column is a JSON array (`["a","b"]`) in newer exports, plain text in older ones. */
function instapaperTags(value: string): string[] {
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map((tag) => String(typeof tag === 'object' ? (tag?.name ?? '') : tag));
    } catch {
      // Not JSON after all: fall through to comma-separated.
    }
  }
  return splitTags(text, /,/);
}

/** Instapaper (`URL,Title,Selection,Folder,Timestamp[,Tags]`): Unread, Archive, Starred or a folder. */
const instapaperRow: RowMapper = (column, where) => {
  const folder = column('folder').trim();
  const named = statusFromName(folder);
  // Starred and the user's own folders say nothing about reading: they leave a saved item's status.
  const status: ItemStatus | null = named === 'archived' || named === 'unread' ? named : null;
  const folderTags = folder && !named ? [folder] : [];
  return {
    where,
    url: column('url'),
    title: column('title'),
    tags: [...instapaperTags(column('tags')), ...folderTags],
    status,
    addedAt: parseDate(column('timestamp')),
    updatedAt: null,
    note: column('selection'),
    progress: null,
    content: null,
  };
};

/** Raindrop.io (`id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite`). */
const raindropRow: RowMapper = (column, where) => {
  const folder = column('folder').trim();
  const tags = splitTags(column('tags'), /,/);
  if (folder && folder.toLowerCase() !== 'unsorted') tags.push(folder);
  if (column('favorite').trim().toLowerCase() === 'true') tags.push('favorite');
  const highlights = column('highlights').trim();
  return {
    where,
    url: column('url'),
    title: column('title'),
    tags,
    status: null, // Raindrop keeps no reading status
    addedAt: parseDate(column('created')),
    updatedAt: null,
    note: [column('note').trim(), highlights && `Highlights:\n${highlights}`].filter(Boolean).join('\n\n'),
    progress: null,
    content: null,
  };
};

const URL_COLUMNS = ['url', 'href', 'link', 'address', 'uri'];

function firstColumn(column: Row, names: readonly string[]): string {
  for (const name of names) {
    const value = column(name);
    if (value) return value;
  }
  return '';
}

/** Any other CSV with an address column: title, tags, status, note and a date where it has them. */
const genericRow: RowMapper = (column, where) => ({
  where,
  url: firstColumn(column, URL_COLUMNS),
  title: firstColumn(column, ['title', 'name']),
  tags: splitTags(firstColumn(column, ['tags', 'labels', 'tag']), /[|,;]/),
  status: statusFromName(firstColumn(column, ['status', 'state', 'folder'])),
  addedAt: parseDate(firstColumn(column, ['time_added', 'added', 'created', 'date', 'timestamp', 'saved'])),
  updatedAt: parseDate(firstColumn(column, ['time_updated', 'updated', 'modified'])),
  note: firstColumn(column, ['note', 'notes', 'description', 'comment', 'excerpt']),
  progress: null,
  content: null,
});

function detect(header: readonly string[]): { format: ImportFormat; mapRow: RowMapper } | null {
  const has = (name: string) => header.includes(name);
  if (has('url') && has('time_added')) return { format: 'pocket-csv', mapRow: pocketRow };
  if (has('url') && has('folder') && (has('timestamp') || has('selection')))
    return { format: 'instapaper', mapRow: instapaperRow };
  if (has('url') && (has('excerpt') || has('highlights') || has('cover')))
    return { format: 'raindrop', mapRow: raindropRow };
  if (URL_COLUMNS.some(has)) return { format: 'csv-links', mapRow: genericRow };
  return null;
}

/** Whether text looks like a CSV export Shelf reads (its first line names an address column). */
export function looksLikeCsvExport(text: string): boolean {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n|\r/, 1)[0] ?? '';
  const header = firstLine
    .split(detectSeparator(firstLine))
    .map((name) => name.trim().replace(/^"|"$/g, '').toLowerCase());
  return header.length > 1 && detect(header) !== null;
}

/**
 * Reads a CSV export: the format comes from the header (any column order; Pocket's header with or
 * without `cursor`). `source` prefixes locations when the file came out of a zip.
 */
export function parseCsvExport(text: string, source = ''): ParsedImport {
  return validateImport(prepareCsvExport(text, source));
}

export function prepareCsvExport(text: string, source = ''): PreparedImport {
  const prefix = source ? `${source}, ` : '';
  let csvRecords: ReturnType<typeof parseCsv>;
  try {
    csvRecords = parseCsv(text);
  } catch (error) {
    if (error instanceof ImportFileError) throw new ImportFileError(`${prefix}${error.message}`);
    throw error;
  }
  const [headerRecord, ...rows] = csvRecords;
  if (!headerRecord) throw new ImportFileError(`${prefix || 'The file '}is empty.`);
  const header = headerRecord.fields.map((name) => name.trim().toLowerCase());
  const known = detect(header);
  // One column of addresses saved from a spreadsheet has no header: its first row is an address.
  if (!known && isWebUrl(headerRecord.fields[0]?.trim() ?? '')) return prepareHeaderlessCsv(csvRecords, prefix);
  if (!known)
    throw new ImportFileError(
      `${prefix}line ${headerRecord.line}: the header has no "url" column (it has: ${header.join(', ').slice(0, 200)}).`,
    );
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  const records: (ImportEntryInput | SkippedRecord)[] = rows.map(({ line, fields }) => {
    const where = `${prefix}line ${line}`;
    if (fields.length > header.length && fields.slice(header.length).some((field) => field.trim()))
      return { where, reason: `${fields.length} fields, but the header names ${header.length}` };
    const column: Row = (name) => {
      const i = index.get(name);
      return i === undefined ? '' : (fields[i] ?? '');
    };
    return known.mapRow(column, where);
  });
  const cut = cutRow(text, rows.at(-1), rows.at(-2), header.length);
  if (!cut) return { format: known.format, records };
  records[records.length - 1] = {
    where: `${prefix}line ${cut.line}`,
    reason: `cut short: ${cut.fields.length} of the header's ${header.length} fields, where the file ends`,
  };
  return {
    format: known.format,
    records,
    cutShort: `The file seems cut short: its last row (${prefix}line ${cut.line}) stops after ${cut.fields.length} of the header's ${header.length} columns, with no line break after it, so it was skipped. Export the file again to import the rest.`,
  };
}

/**
 * A CSV without a header, its addresses in the first column and titles in the second if any (as a
 * list of addresses reads "address title" lines): refused as "no url column" where the same bytes
 * imported as a .txt file.
 */
function prepareHeaderlessCsv(csvRecords: readonly CsvRecord[], prefix: string): PreparedImport {
  const records = csvRecords.map(({ line, fields }) => {
    const [url = '', title = ''] = fields;
    return genericRow((name) => (name === 'url' ? url : name === 'title' ? title : ''), `${prefix}line ${line}`);
  });
  return { format: 'url-list', records };
}

/**
 * The last row, when the file was cut inside it (a download or copy interrupted): no line break at the
 * end, and fewer fields than both the header and the row before. Many whole CSVs lack a final line
 * break, but their last row is complete; a file whose rows all leave out trailing empty fields has
 * its last row as long as the one before.
 */
function cutRow(
  text: string,
  last: CsvRecord | undefined,
  before: CsvRecord | undefined,
  columns: number,
): CsvRecord | undefined {
  // Judged against an earlier row of data: a lone row may leave out empty trailing fields whole.
  if (!last || !before || /[\r\n]$/.test(text)) return undefined;
  return last.fields.length < columns && last.fields.length < before.fields.length ? last : undefined;
}
