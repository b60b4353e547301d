import { describe, expect, it } from 'vitest';
import { ARTICLES } from '@/lib/corpus/catalog';
import { describeHighlightCount, describeResultRows } from '@/lib/popup/popup-results';
import type { LibraryHit } from '@/lib/search/library-index';
import type { SearchHit } from '@/lib/search/unified';

// Issue #16: "the popup result shows a highlight count" — for a saved blog article and a saved page.
describe('a result row shows how many highlights its saved item has', () => {
  const article = ARTICLES[0] as (typeof ARTICLES)[number];
  const articleHit: SearchHit = {
    kind: 'article',
    key: article.id,
    article,
    reasons: [],
    itemId: `article:${article.id}`,
    confidence: 1,
  };
  const pageHit = {
    kind: 'page',
    key: 'page:wal',
    confidence: 1,
    page: { itemId: 'page:wal', title: 'How the WAL works', site: '127.0.0.1', reasons: [] } as unknown as LibraryHit,
  } as SearchHit;
  const response = { matchedTerms: new Set<string>(), prefix: null };
  const marker = { itemId: `article:${article.id}`, status: 'reading' as const, progress: 0.6 };

  it('after the saved state, and alone on a saved page', () => {
    const rows = describeResultRows(
      [articleHit, pageHit],
      response,
      new Map([[article.id, marker]]),
      new Map(),
      new Map([
        [`article:${article.id}`, 2],
        ['page:wal', 1],
      ]),
    );
    expect(rows.map((row) => row.badge)).toEqual(['Reading · 60% · 2 highlights', '1 highlight']);
  });

  it('nothing without highlights', () => {
    const rows = describeResultRows([articleHit, pageHit], response, new Map([[article.id, marker]]), new Map());
    expect(rows.map((row) => row.badge)).toEqual(['Reading · 60%', '']);
    expect(describeHighlightCount(0)).toBe('');
    expect(describeHighlightCount(3)).toBe('3 highlights');
  });
});
