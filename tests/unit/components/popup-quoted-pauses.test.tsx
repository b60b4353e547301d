import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSnippets } from '@/components/hooks/use-library-search';
import { getArticleById } from '@/lib/corpus/catalog';
import { pauseForPage } from '@/lib/dom/time-slices';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { createLibraryIndex } from '@/lib/search/library-index';
import { getSnippetSources } from '@/lib/search/library-live';
import { holdsQuoted, holdsQuotedSteps, quotedPhrases } from '@/lib/search/quoted';
import { normalizeText } from '@/lib/search/text';
import { mergeSearch, readQuotedHolders, type UnifiedResponse, withQueryPhrase } from '@/lib/search/unified';
import { savedPageDocument } from '@/tests/unit/helpers/one-page-library';

// A slice of no time: the search pauses after every item, wherever it pauses at all.
vi.mock('@/lib/dom/time-slices', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/dom/time-slices')>();
  return { ...actual, SLICE_MS: 0, pauseForPage: vi.fn(actual.pauseForPage) };
});
vi.mock('@/lib/search/quoted', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/search/quoted')>();
  return { ...actual, holdsQuoted: vi.fn(actual.holdsQuoted), holdsQuotedSteps: vi.fn(actual.holdsQuotedSteps) };
});
vi.mock('@/lib/search/library-live', () => ({ getSnippetSources: vi.fn() }));
vi.mock('@/lib/search/text', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/search/text')>();
  return { ...actual, normalizeText: vi.fn(actual.normalizeText) };
});

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
    // Looked for in a copy, whole (`holdsQuoted`) or in slices (`holdsQuotedSteps`).
    const checks = () => [...vi.mocked(holdsQuoted).mock.calls, ...vi.mocked(holdsQuotedSteps).mock.calls];
    const copiesChecked = () => checks().filter(([texts]) => texts.some((text) => text.includes('standalone mode')));
    expect(copiesChecked()).toHaveLength(1);
    // The user types on: the first search is given up at its pause, its other copies never looked through.
    const second = popupResponse('"flag 3"');
    rerender({ response: second });
    release();
    await waitFor(() => expect(result.current.madeFor).toBe(second));
    expect(result.current.quotedHolders).toEqual(new Set(['page:runner-3']));
    const ofFirst = checks().filter(([, phrases]) => phrases === first.quoted);
    expect(ofFirst).toHaveLength(1);
  });
});

// Red-team pass: pausing between copies still left one 3 MB copy looked through in one go (~0.3 s).
describe('looking for a quoted phrase in one long copy', () => {
  const long = `${'The committee met on Tuesday to discuss the budget. '.repeat(2_000)}It starts in standalone mode.`;
  const phrases = quotedPhrases('"standalone mode"');
  const read = async () => ({ texts: new Map([['page:long', long]]), notes: new Map() });

  it('pauses inside it, and finds the phrase at its end', async () => {
    const pause = vi.fn(() => Promise.resolve());
    expect(await readQuotedHolders(['page:long'], phrases, read, { pause })).toEqual(new Set(['page:long']));
    // 100,000 characters read 4,000 at a time.
    expect(pause.mock.calls.length).toBeGreaterThanOrEqual(20);
  });

  it('stops inside it once the search changed', async () => {
    const stale = new AbortController();
    const pause = vi.fn(async () => stale.abort());
    vi.mocked(normalizeText).mockClear();
    expect(await readQuotedHolders(['page:long'], phrases, read, { pause, signal: stale.signal })).toBeNull();
    expect(pause).toHaveBeenCalledTimes(1);
    // A slice of the copy was read, not the 100,000 characters.
    const normalized = vi.mocked(normalizeText).mock.calls.reduce((sum, [text]) => sum + text.length, 0);
    expect(normalized).toBeLessThanOrEqual(4_000);
  });

  // The reading list's search finds every item it can: their copies were read all at once.
  it('reads the copies of many items found 40 at a time', async () => {
    const ids = Array.from({ length: 100 }, (_, at) => `page:many-${at}`);
    const readSome = vi.fn(async (batch: readonly string[]) => ({
      texts: new Map(batch.map((id) => [id, id === 'page:many-99' ? 'It starts in standalone mode.' : 'Nothing.'])),
      notes: new Map(),
    }));
    const pause = () => Promise.resolve();
    expect(await readQuotedHolders(ids, phrases, readSome, { pause })).toEqual(new Set(['page:many-99']));
    expect(readSome.mock.calls.map(([batch]) => batch.length)).toEqual([40, 40, 20]);
  });

  it('finds a phrase cut by a slice’s end, as read whole', () => {
    for (let at = 0; at < 12; at++) {
      const text = `${'x'.repeat(3_990 + at)} standalone mode`;
      expect(holdsQuoted([text], phrases), `${at}`).toBe(true);
    }
  });
});
