import type { ImportEntryInput, PreparedImport } from '@/lib/import/entry';
import { ImportFileError } from '@/lib/import/import-error';
import { isWebUrl } from '@/lib/net/web-url';

/** A plain text file with one address per line (blank lines and `#` comments are ignored). */
export function prepareUrlList(text: string): PreparedImport {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\n|\r/)
    .map((raw, i) => ({ line: i + 1, value: raw.trim() }))
    .filter(({ value }) => value && !value.startsWith('#'));
  if (lines.length === 0) throw new ImportFileError('The file is empty.');
  if (!lines.some(({ value }) => startsWithWebUrl(value)))
    throw new ImportFileError(`No web addresses found (line ${lines[0]?.line}: not a web address).`);
  const records = lines.map(({ line, value }): ImportEntryInput => {
    // "https://a.example/post  A title" (space or tab): the address, then its title.
    const [first = '', ...rest] = value.split(/\s+/);
    const titled = isWebUrl(first);
    return {
      where: `line ${line}`,
      url: titled ? first : value,
      title: titled ? rest.join(' ') : '',
      tags: [],
      status: null, // a list of addresses says nothing about reading
      addedAt: null,
      updatedAt: null,
      note: '',
      progress: null,
      content: null,
    };
  });
  return { format: 'url-list', records };
}

/** Whether most non-blank lines of a text are web addresses. */
export function looksLikeUrlList(text: string): boolean {
  const lines = text
    .split(/\r?\n|\r/, 200)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  return lines.length > 0 && lines.filter(startsWithWebUrl).length * 2 >= lines.length;
}

/** A line such as "https://a.example/post" or "https://a.example/post  Its title". */
function startsWithWebUrl(line: string): boolean {
  return isWebUrl(line.split(/\s+/, 1)[0] ?? '');
}
