import { describe, expect, it } from 'vitest';
import { ARTICLES, getArticleLink } from '@/lib/corpus/catalog';
import { changeTimesAt, type SavedItem } from '@/lib/db/schema';
import {
  countExport,
  describeExport,
  neutralizeFormula,
  toLibraryCsv,
  toNetscapeBookmarks,
} from '@/lib/export/library-export';
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

  // QA pass: a first tag such as "@home" came back as "'@home".
  it('gives back tags whose first one starts with a formula character', async () => {
    const { readImportFile } = await import('@/lib/import/read-import-file');
    const csv = toLibraryCsv([{ ...item('Tagged'), tags: ['@home', '-later', 'plain'] }]);
    const [entry] = readImportFile('shelf.csv', new TextEncoder().encode(csv)).entries;
    expect(entry?.tags).toEqual(['@home', '-later', 'plain']);
  });

  // Red team: a cell the user began with an apostrophe lost it on the way back.
  it('gives back cells that begin with an apostrophe, formula character or not', async () => {
    const { readImportFile } = await import('@/lib/import/read-import-file');
    const csv = toLibraryCsv([{ ...item("'=x quoted"), note: "'-- a quote", tags: ["'=x", 'b'] }]);
    const [entry] = readImportFile('shelf.csv', new TextEncoder().encode(csv)).entries;
    expect(entry).toMatchObject({ title: "'=x quoted", note: "'-- a quote", tags: ["'=x", 'b'] });
  });
});

describe('exports leave nothing out silently', () => {
  // #15: 26 saved items, 10 of them bundled articles the catalog has no address for → 21 rows, no message.
  const withoutUrl = ARTICLES.filter((article) => article.url === null).slice(0, 10);
  const items: SavedItem[] = [
    ...Array.from({ length: 16 }, (_, i) => ({
      ...item(`Page ${i}`),
      id: `page:${i}`,
      url: `https://example.org/${i}`,
    })),
    ...withoutUrl.map((article) => ({
      ...item(article.title),
      id: `article:${article.id}`,
      kind: 'article' as const,
      articleId: article.id,
      url: null,
    })),
  ];

  it('writes every item of 26, the 10 without an address as the search link the cards offer, and counts them', () => {
    expect(withoutUrl).toHaveLength(10);
    const rows = parseCsv(toLibraryCsv(items)).slice(1);
    expect(rows).toHaveLength(26);
    for (const article of withoutUrl) {
      const row = rows.find((r) => r.fields[0] === article.title);
      expect(row?.fields[1]).toBe(getArticleLink(article).href);
      expect(decodeURIComponent(row?.fields[1] ?? '')).toContain(`site:webcoderspeed.com ${article.title}`);
    }
    const html = toNetscapeBookmarks(items);
    expect(html.match(/<DT><A HREF=/g)).toHaveLength(26);
    expect(html).toContain(`HREF="${getArticleLink(withoutUrl[0]!).href.replace(/&/g, '&amp;')}"`);

    const counts = countExport(items);
    expect(counts).toEqual({ written: 26, asSearchLink: 10, leftOut: 0 });
    expect(describeExport('shelf.csv', counts)).toBe(
      'Exported 26 items to shelf.csv (10 without an address of their own, as a webcoderspeed.com search that finds them).',
    );
  });

  it('says so when an item cannot be written at all', () => {
    const odd = { ...item('A bookmarklet'), url: 'javascript:alert(1)' };
    const counts = countExport([odd, ...items.slice(0, 1)]);
    expect(counts).toEqual({ written: 1, asSearchLink: 0, leftOut: 1 });
    expect(describeExport('x.html', counts)).toBe('Exported 1 item to x.html (1 item left out: no web address).');
  });
});
