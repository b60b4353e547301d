import { describe, expect, it } from 'vitest';
import { changeTimesAt, type SavedItem } from '@/lib/db/schema';
import { neutralizeFormula, toLibraryCsv } from '@/lib/export/library-export';
import { parseCsv } from '@/lib/import/csv';

const item = (title: string, note = ''): SavedItem => ({
  id: `page:${title.length}`,
  kind: 'page',
  articleId: null,
  url: 'https://example.org/a',
  title,
  status: 'unread',
  tags: [],
  note,
  addedAt: 0,
  updatedAt: 0,
  changedAt: changeTimesAt(0),
});

describe('CSV export', () => {
  // #14, item 4: a captured title like =HYPERLINK(…) was written as a formula.
  it.each(['=HYPERLINK("https://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'writes a cell starting %j as text, the way OWASP recommends',
    (title) => {
      const [, row] = parseCsv(toLibraryCsv([item(title, title)]));
      expect(row?.fields[0]).toBe(`'${title}`);
      expect(row?.fields[5]).toBe(`'${title}`);
    },
  );

  it('leaves ordinary cells alone', () => {
    expect(neutralizeFormula('Caching at scale')).toBe('Caching at scale');
    expect(neutralizeFormula('a=b')).toBe('a=b');
    expect(neutralizeFormula('')).toBe('');
  });
});

describe('CSV export read back by Shelf', () => {
  it('gives back the title exactly, formula characters included', async () => {
    const { readImportFile } = await import('@/lib/import/read-import-file');
    const csv = toLibraryCsv([item('=HYPERLINK("x")', '+note')]);
    const [entry] = readImportFile('shelf.csv', new TextEncoder().encode(csv)).entries;
    expect(entry).toMatchObject({ title: '=HYPERLINK("x")', note: '+note' });
  });
});
