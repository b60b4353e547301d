import { createLibraryIndex, type LibraryDocument, type LibraryIndex } from '@/lib/search/library-index';

type OnePage = Pick<LibraryDocument, 'id' | 'title' | 'url' | 'text'>;

/** A saved page as the library index takes it: `fields`, and nothing else (no tags, note or highlights). */
export function savedPageDocument(fields: Pick<LibraryDocument, 'id'> & Partial<LibraryDocument>): LibraryDocument {
  return {
    articleId: null,
    title: `Page ${fields.id}`,
    url: null,
    siteName: null,
    byline: null,
    tags: [],
    note: '',
    highlights: [],
    text: '',
    fingerprint: '1',
    ...fields,
  };
}

/**
 * A library index holding one saved page, for tests that mock `@/lib/search/library-live`
 * (imported inside the mock's factory: `vi.mock` runs before the test file's imports).
 */
export function onePageLibrary(page: OnePage) {
  const index = createLibraryIndex();
  index.put(savedPageDocument(page));
  return index;
}

/**
 * `@/lib/search/library-live` as a one-page library, for `vi.mock`'s factory: the index arrives when
 * `arrive` delivers it (`afterMs`, or the test's own signal); snippets read `snippetText` when given.
 */
export function onePageLibraryLive(page: OnePage, arrive: (deliver: () => void) => () => void, snippetText?: string) {
  return {
    watchLibraryIndex: (onUpdate: (index: LibraryIndex) => void) => {
      const index = onePageLibrary(page);
      return arrive(() => onUpdate(index));
    },
    getSnippetSources: async () => ({
      texts: new Map(snippetText === undefined ? [] : [[page.id, snippetText]]),
      notes: new Map(),
    }),
  };
}

/** Delivers the library this long after the popup asked for it (as on a busy machine). */
export function afterMs(ms: number) {
  return (deliver: () => void) => {
    const timer = setTimeout(deliver, ms);
    return () => clearTimeout(timer);
  };
}
