import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '@/lib/import/csv';
import { ImportFileError } from '@/lib/import/import-error';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks, and says which line each record starts on', () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\nlast,1');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
      { line: 6, fields: ['last', '1'] },
    ]);
  });

  it('drops a byte order mark and keeps empty fields', () => {
    expect(parseCsv('\ufeffurl,tags\nhttps://a.example,\n')).toEqual([
      { line: 1, fields: ['url', 'tags'] },
      { line: 2, fields: ['https://a.example', ''] },
    ]);
  });

  it('names the line of a quoted field that never closes', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5')).toThrow(
      new ImportFileError('line 3: a quoted field is never closed.'),
    );
  });

  it('writes what it reads back', () => {
    const rows = [
      ['title', 'note'],
      ['Commas, "quotes"', 'two\nlines'],
      [' padded ', ''],
    ];
    expect(parseCsv(toCsv(rows)).map((record) => record.fields)).toEqual(rows);
  });
});
