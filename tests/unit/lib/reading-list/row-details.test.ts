import { describe, expect, it } from 'vitest';
import { ARTICLES } from '@/lib/corpus/catalog';
import type { SavedItem } from '@/lib/db/schema';
import { getRowDetails } from '@/lib/reading-list/row-details';
import { savedItem } from '@/tests/unit/helpers/saved-item';

const page = (id: string, url: string): SavedItem => savedItem({ id, url });

describe('a reading-list row’s details', () => {
  it('names a saved page’s site as its copy does (as the popup does), else by the address', () => {
    const copies = new Map([
      ['page:bbc', { readMinutes: 4, siteName: 'BBC News' }],
      ['page:plain', { readMinutes: 2, siteName: null }],
      ['page:odd', { readMinutes: 1, siteName: ' \u202eevil\u202c ' }],
    ]);
    const details = (id: string, url: string) =>
      getRowDetails({ item: page(id, url), article: undefined, progress: 0 }, copies);
    expect(details('page:bbc', 'http://127.0.0.1:8080/bbc-1/source.html')).toEqual({
      site: 'BBC News',
      readMinutes: 4,
    });
    expect(details('page:plain', 'https://www.example.org/a')).toEqual({ site: 'example.org', readMinutes: 2 });
    // A name the page wrote is shown as one plain line: no bidi overrides.
    expect(details('page:odd', 'https://odd.example/')?.site).toBe('evil');
    // Not captured: the address, and no reading time.
    expect(details('page:none', 'https://news.example.com/x')).toEqual({ site: 'news.example.com', readMinutes: null });
    const article = ARTICLES[0]!;
    expect(
      getRowDetails(
        { item: { ...page('article:x', article.url ?? ''), kind: 'article' }, article, progress: 0 },
        copies,
      ).site,
    ).toBe('webcoderspeed.com');
  });
});
