import { ImportFileError } from '@/lib/import/import-error';

/** One CSV record and the line of the file it starts on (1-based), for messages that say where. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF, LF or CR line
 * ends; a UTF-8 byte order mark is dropped; blank lines are skipped. Hand-written rather than a
 * library so that every record knows the line it starts on.
 */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && field === '') {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new ImportFileError(`line ${quoteLine}: a quoted field is never closed.`);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      // Text after a closing quote (`"a"b`) is kept, as spreadsheets do.
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (char === '\n' || char === '\r') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += char;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes rows as CSV (CRLF line ends, as RFC 4180 and spreadsheets expect). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(quoteField).join(',')).join('\r\n')}\r\n`;
}
