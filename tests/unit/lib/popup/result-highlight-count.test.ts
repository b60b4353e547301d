import { describe, expect, it } from 'vitest';
import { ARTICLES } from '@/lib/corpus/catalog';
import { describeHighlightCount, describeResultRows } from '@/lib/popup/popup-results';
import type { LibraryHit, MatchReason } from '@/lib/search/library-index';
import { type SearchHit, savedCopyOf, snippetSourceOf } from '@/lib/search/unified';

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

describe('a saved blog article found by the user’s own words shows them, not the blog’s summary', () => {
  const article = ARTICLES[0] as (typeof ARTICLES)[number];
  const itemId = `article:${article.id}`;
  const hit = (reasons: MatchReason[]) =>
    ({ kind: 'article', key: article.id, article, reasons, itemId, confidence: 1 }) as SearchHit;
  const response = { matchedTerms: new Set<string>(), prefix: null };
  const noteSnippet = { text: 'Note: ask Dana about the zebrafish rollout', ranges: [[27, 36]] } as never;
  const text = (row: { summary: ReadonlyArray<{ text: string }> | null }) =>
    row.summary?.map((part) => part.text).join('');

  it('its note or highlight: the snippet made from them is the row’s text; the row still opens the article', () => {
    expect(snippetSourceOf(hit(['note']))).toBe(itemId);
    expect(snippetSourceOf(hit(['highlight']))).toBe(itemId);
    expect(savedCopyOf(hit(['note']))).toBeNull();
    const [row] = describeResultRows([hit(['note'])], response, new Map(), new Map([[itemId, noteSnippet]]));
    expect(text(row!)).toBe('Note: ask Dana about the zebrafish rollout');
  });

  it('found by the blog’s words or the user’s tag: the summary, as before', () => {
    expect(snippetSourceOf(hit([]))).toBeNull();
    expect(snippetSourceOf(hit(['tag']))).toBeNull();
    const [row] = describeResultRows([hit(['tag'])], response, new Map(), new Map([[itemId, noteSnippet]]));
    expect(text(row!)).toBe(article.summary);
  });
});
