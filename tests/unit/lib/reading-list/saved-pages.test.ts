import { describe, expect, it } from 'vitest';
import type { SavedItem } from '@/lib/db/schema';
import { matchSavedPages } from '@/lib/reading-list/match-saved-pages';

const page = (id: string, title: string, url: string): SavedItem => ({
  id,
  kind: 'page',
  articleId: null,
  url,
  title,
  status: 'unread',
  tags: [],
  note: '',
  addedAt: 0,
  updatedAt: 0,
  changedAt: { status: 0, title: 0, tags: 0, note: 0 },
});
const pages = [
  page('page:1', 'Backpressure in Practice', 'https://www.streams.example/backpressure'),
  page('page:2', 'Café résumé tips', 'https://blog.example.org/cafe'),
];

describe('matchSavedPages', () => {
  it('matches every query word in the title or the site, ignoring case and accents', () => {
    expect(matchSavedPages(pages, 'backpressure streams.example').map((h) => h.itemId)).toEqual(['page:1']);
    expect(matchSavedPages(pages, 'CAFE resume').map((h) => h.site)).toEqual(['blog.example.org']);
    expect(matchSavedPages(pages, 'backpressure cafe')).toEqual([]);
    expect(matchSavedPages(pages, '   ')).toEqual([]);
  });
});
