import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSnippets } from '@/components/hooks/use-library-search';
import { getArticleById } from '@/lib/corpus/catalog';
import { pauseForPage } from '@/lib/dom/time-slices';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { createLibraryIndex } from '@/lib/search/library-index';
import { getSnippetSources } from '@/lib/search/library-live';
import { holdsQuoted } from '@/lib/search/quoted';
import { mergeSearch, type UnifiedResponse, withQueryPhrase } from '@/lib/search/unified';
import { savedPageDocument } from '@/tests/unit/helpers/one-page-library';

// A slice of no time: the search pauses after every item, wherever it pauses at all.
vi.mock('@/lib/dom/time-slices', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/dom/time-slices')>();
  return { ...actual, SLICE_MS: 0, pauseForPage: vi.fn(actual.pauseForPage) };
});
vi.mock('@/lib/search/quoted', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/search/quoted')>();
  return { ...actual, holdsQuoted: vi.fn(actual.holdsQuoted) };
});
vi.mock('@/lib/search/library-live', () => ({ getSnippetSources: vi.fn() }));

const COUNT = 5;
const documents = Array.from({ length: COUNT }, (_, at) =>
  savedPageDocument({
    id: `page:runner-${at}`,
    title: `Runner ${at}`,
    text: `The runtime starts in standalone mode, flag ${at}.`,
  }),
);
const library = createLibraryIndex();
for (const document of documents) library.put(document);

function popupResponse(query: string): UnifiedResponse {
  const engine = getBundledSearchEngine();
  const found = library.search(query, { limit: 20, suggest: true });
  return withQueryPhrase(
    mergeSearch(engine.search(query, { typing: false, suggest: true }), found, getArticleById),
    query,
  );
}

afterEach(() => vi.clearAllMocks());

// Red-team pass: the popup looked through every listed page's copy for a quoted phrase in one go (twenty
// copies of 3 MB, seconds on its main thread), and went on with a search the user had already changed.
describe('the popup’s search for a quoted phrase', () => {
  it('pauses between the copies it looks through, and gives up a search that changed', async () => {
    vi.mocked(getSnippetSources).mockImplementation(async (ids) => ({
      texts: new Map(documents.filter(({ id }) => ids.includes(id)).map(({ id, text }) => [id, text])),
      notes: new Map(),
    }));
    // The first pause is held: what was looked through before it is all that ran in one go.
    let release = () => {};
    vi.mocked(pauseForPage).mockImplementationOnce(() => new Promise<void>((resolve) => (release = resolve)));
    const first = popupResponse('"standalone mode"');
    expect(first.hits.filter((hit) => hit.kind === 'page')).toHaveLength(COUNT);
    const { result, rerender } = renderHook(({ response }) => useSnippets(response), {
      initialProps: { response: first },
    });
    await waitFor(() => expect(pauseForPage).toHaveBeenCalled());
    const copiesChecked = () =>
      vi.mocked(holdsQuoted).mock.calls.filter(([texts]) => texts.some((text) => text.includes('standalone mode')));
    expect(copiesChecked()).toHaveLength(1);
    // The user types on: the first search is given up at its pause, its other copies never looked through.
    const second = popupResponse('"flag 3"');
    rerender({ response: second });
    release();
    await waitFor(() => expect(result.current.madeFor).toBe(second));
    expect(result.current.quotedHolders).toEqual(new Set(['page:runner-3']));
    const ofFirst = vi.mocked(holdsQuoted).mock.calls.filter(([, phrases]) => phrases === first.quoted);
    expect(ofFirst).toHaveLength(1);
  });
});
