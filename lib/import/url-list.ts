import { collect, isWebUrl, type ParsedImport, toEntry } from '@/lib/import/entry';
import { ImportFileError } from '@/lib/import/import-error';

/** A plain text file with one address per line (blank lines and `#` comments are ignored). */
export function parseUrlList(text: string): ParsedImport {
  const results = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\n|\r/)
    .map((raw, i) => ({ line: i + 1, value: raw.trim() }))
    .filter(({ value }) => value && !value.startsWith('#'))
    .map(({ line, value }) =>
      toEntry({
        where: `line ${line}`,
        url: value,
        title: '',
        tags: [],
        status: 'unread',
        addedAt: null,
        updatedAt: null,
        note: '',
        progress: null,
        content: null,
      }),
    );
  const parsed = collect('url-list', results);
  if (parsed.entries.length === 0)
    throw new ImportFileError(
      parsed.skipped[0]
        ? `No web addresses found (${parsed.skipped[0].where}: ${parsed.skipped[0].reason}).`
        : 'The file is empty.',
    );
  return parsed;
}

/** Whether most non-blank lines of a text are web addresses. */
export function looksLikeUrlList(text: string): boolean {
  const lines = text
    .split(/\r?\n|\r/, 200)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  return lines.length > 0 && lines.filter(isWebUrl).length * 2 >= lines.length;
}
