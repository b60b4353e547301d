import { looksLikeCsvExport, prepareCsvExport } from '@/lib/import/csv-formats';
import { type ParsedImport, type PreparedImport, validateImport } from '@/lib/import/entry';
import { prepareLinksHtml } from '@/lib/import/html-links';
import { ImportFileError } from '@/lib/import/import-error';
import { MAX_IMPORT_BYTES } from '@/lib/import/limits';
import { prepareOmnivoreZip } from '@/lib/import/omnivore';
import { looksLikeUrlList, prepareUrlList } from '@/lib/import/url-list';
import { type DecodedText, decodeTextFile, isZip, readZip, STRAY_LINES_NAMED } from '@/lib/import/zip';

/** A zip of Pocket's CSV parts (`part_000000.csv`, …): every part has its own header. */
function prepareCsvZip(files: Map<string, Uint8Array>): PreparedImport {
  const csvFiles = [...files.keys()].filter((name) => /\.csv$/i.test(name)).sort();
  if (csvFiles.length === 0) throw new ImportFileError('The zip has no CSV or HTML export, nor Omnivore metadata.');
  const read = csvFiles.map((name): PreparedImport | ImportFileError => {
    try {
      const { text, strayBytes } = decodeZipped(name, files.get(name) as Uint8Array);
      if (text.includes('\u0000'))
        throw new ImportFileError(`${name} in the zip is not a text file (it looks binary).`);
      return { ...prepareCsvExport(text, name), ...(strayBytes && { strayBytes }) };
    } catch (error) {
      if (error instanceof ImportFileError) return error;
      throw error;
    }
  });
  const parts = read.filter((part): part is PreparedImport => !(part instanceof ImportFileError));
  const refused = read.filter((part): part is ImportFileError => part instanceof ImportFileError);
  // A CSV beside the export's (someone's notes.csv zipped with it) is left out and named (QA pass: it
  // refused the whole zip); a zip of no readable CSV at all is refused, saying why.
  const [first] = parts;
  if (!first) throw refused[0] as ImportFileError;
  return {
    format: parts.every((part) => part.format === first.format) ? first.format : 'csv-links',
    records: parts.flatMap((part) => part.records),
    ...joinStrayBytes(parts),
    ...(refused.length > 0 && {
      filesLeftOut: `Left out of the zip: ${refused.map(({ message }) => message).join(' ')}`,
    }),
  };
}

/**
 * Reads any export Shelf imports, recognised by content rather than by name: a zip (Pocket's CSV
 * parts or Omnivore's export), HTML (Pocket or bookmarks), CSV (by its header), or a list of
 * addresses. Throws `ImportFileError` for a file it cannot read; nothing has been written then.
 */
export function readImportFile(
  fileName: string,
  bytes: Uint8Array,
  win: Window & typeof globalThis = window,
): ParsedImport {
  return validateImport(prepareImportFile(fileName, bytes, win));
}

/** `readImportFile` without the per-record validation (see `validateImportInSlices`). */
export function prepareImportFile(
  fileName: string,
  bytes: Uint8Array,
  win: Window & typeof globalThis = window,
): PreparedImport {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportFileError('The file is larger than 300 MB.');
  if (bytes.byteLength === 0) throw new ImportFileError('The file is empty.');
  if (isZip(bytes)) {
    const files = readZip(bytes);
    const names = [...files.keys()];
    if (names.some((name) => /(^|\/)metadata_[^/]*\.json$/i.test(name))) return prepareOmnivoreZip(files, win);
    // A zipped HTML export (Pocket's ril_export.html, a bookmarks file) when there is no CSV.
    const html = names.filter((name) => /\.html?$/i.test(name)).sort();
    if (html.length > 0 && !names.some((name) => /\.csv$/i.test(name))) {
      const parts = html.map((name) => {
        const { text, strayBytes } = decodeZipped(name, files.get(name) as Uint8Array);
        return { ...prepareLinksHtml(text, win), ...(strayBytes && { strayBytes }) };
      });
      return {
        format: parts[0]?.format ?? 'bookmarks',
        records: parts.flatMap((part) => part.records),
        ...joinStrayBytes(parts),
      };
    }
    return prepareCsvZip(files);
  }
  const { text, endsMidCharacter, stray } = decodeTextFile(bytes);
  if (text.includes('\u0000'))
    throw new ImportFileError('The file is not a text file (it looks binary, or is a damaged zip).');
  const read = prepareText(fileName, text, win);
  const prepared = stray ? { ...read, strayBytes: describeStrayBytes(stray) } : read;
  if (!endsMidCharacter || prepared.cutShort) return prepared;
  return {
    ...prepared,
    cutShort: `The file seems cut short: it ends in the middle of a character, after ${prepared.records.length} records (the last may be incomplete). Export the file again to import the rest.`,
  };
}

/** What the import report says of a UTF-8 file's stray bytes (`decodeTextFile`). */
function describeStrayBytes({ count, lines }: NonNullable<DecodedText['stray']>, file = 'The file'): string {
  const named = lines.slice(0, STRAY_LINES_NAMED);
  const where = `line${named.length === 1 ? '' : 's'} ${named.join(', ')}${lines.length > named.length ? '…' : ''}`;
  const what = count === 1 ? 'one byte sequence is' : `${count.toLocaleString('en-US')} byte sequences are`;
  return `${file} is UTF-8, but ${what} not (${where}): read as “�”. Check the titles, tags and notes there.`;
}

/** A zipped file's text, and what is said of its stray bytes (`decodeTextFile`), named. */
function decodeZipped(name: string, bytes: Uint8Array): { text: string; strayBytes?: string } {
  const { text, stray } = decodeTextFile(bytes);
  return stray ? { text, strayBytes: describeStrayBytes(stray, name) } : { text };
}

/** What is said of the stray bytes of a zip's files, in one line. */
function joinStrayBytes(parts: ReadonlyArray<{ strayBytes?: string }>): { strayBytes?: string } {
  const said = parts.flatMap((part) => (part.strayBytes ? [part.strayBytes] : []));
  return said.length > 0 ? { strayBytes: said.join(' ') } : {};
}

function prepareText(fileName: string, text: string, win: Window & typeof globalThis): PreparedImport {
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<')) return prepareLinksHtml(text, win);
  if (looksLikeCsvExport(text)) return prepareCsvExport(text);
  if (/\.csv$/i.test(fileName)) return prepareCsvExport(text); // reports the header it did not recognise
  if (looksLikeUrlList(text)) return prepareUrlList(text);
  throw new ImportFileError(
    `This is not an export Shelf knows (Pocket, Instapaper, Omnivore, Raindrop.io, a bookmarks file, a CSV with a "url" column, or a list of addresses).`,
  );
}
