import { createLibraryIndex, type LibraryDocument } from '@/lib/search/library-index';

/**
 * A library index holding one saved page, for tests that mock `@/lib/search/library-live`
 * (imported inside the mock's factory: `vi.mock` runs before the test file's imports).
 */
export function onePageLibrary(page: Pick<LibraryDocument, 'id' | 'title' | 'url' | 'text'>) {
  const index = createLibraryIndex();
  index.put({
    articleId: null,
    siteName: null,
    byline: null,
    tags: [],
    note: '',
    highlights: [],
    fingerprint: '1',
    ...page,
  });
  return index;
}
