import { describe, expect, it } from 'vitest';
import { getArticleById } from '@/lib/corpus/catalog';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { createLibraryIndex } from '@/lib/search/library-index';
import { makeSnippet, type Snippet } from '@/lib/search/snippet';
import { mergeSearch, withCopiesRead, withQueryPhrase } from '@/lib/search/unified';
import { librarySearchToJson } from '@/scripts/eval/library-json';
import { searchToJson } from '@/scripts/eval/query-json';
import { savedPageDocument } from '@/tests/unit/helpers/one-page-library';
import { quotedHoldersIn } from '@/tests/unit/helpers/quoted-holders';

// QA pass: `"standalone mode"` in quotes listed the SRE book's page for its "failure modes" too.
describe('a quoted phrase is required, as in every search box', () => {
  const filler = 'The committee met on Tuesday to discuss the budget for the coming year. ';
  const documents = [
    savedPageDocument({
      id: 'page:sre',
      title: 'Site Reliability Engineering',
      text: `${filler.repeat(20)}Standalone services have failure modes of their own; each mode is drilled. ${filler}`,
    }),
    savedPageDocument({
      id: 'page:wasm',
      title: 'Outside the web: standalone WebAssembly binaries',
      text: `${filler.repeat(5)}The runtime starts in standalone mode when no host is given. ${filler}`,
    }),
    savedPageDocument({ id: 'page:noted', title: 'Runtime flags', note: 'Read about standalone mode here' }),
  ];
  const library = createLibraryIndex();
  for (const document of documents) library.put(document);
  const texts = new Map(documents.map(({ id, text }) => [id, text]));
  const notes = new Map(documents.map(({ id, note }) => [id, note ? [{ note }] : []]));

  /** The popup's list once the listed pages' copies and notes are read. */
  async function popupList(query: string) {
    const engine = getBundledSearchEngine();
    const merged = withQueryPhrase(
      mergeSearch(
        engine.search(query, { typing: false, suggest: true }),
        library.search(query, { typing: false, suggest: true }),
        getArticleById,
      ),
      query,
    );
    const ids = merged.hits.flatMap((hit) => (hit.kind === 'page' ? [hit.page.itemId] : []));
    const snippets = new Map<string, Snippet>();
    for (const id of ids) {
      const snippet = makeSnippet(texts.get(id) ?? '', merged.pageTerms ?? merged.matchedTerms, merged.prefix, {
        phrase: merged.phrase,
      });
      if (snippet) snippets.set(id, snippet);
    }
    const quotedHolders = await quotedHoldersIn(ids, texts, notes, merged.quoted);
    return { merged, ...withCopiesRead(merged, { snippets, quotedHolders, madeFor: merged }) };
  }
  const keys = async (query: string) => (await popupList(query)).response.hits.map((hit) => hit.key);

  it('lists only what holds the phrase, in straight or curly quotes, or a quote still open', async () => {
    expect(await keys('standalone mode')).toContain('page:sre');
    for (const query of ['"standalone mode"', '“standalone mode”', '"standalone mode', 'runtime "standalone mode"']) {
      expect((await keys(query)).sort(), query).toEqual(['page:noted', 'page:wasm']);
    }
    // Two of the blog's articles say "failure modes" too; no other saved page does.
    expect((await keys('"failure modes"')).filter((key) => key.startsWith('page:'))).toEqual(['page:sre']);
  });

  it('does not list a page whose copy is not read yet unless its title holds the phrase', async () => {
    const { merged } = await popupList('"standalone webassembly"');
    const { response } = withCopiesRead(merged, { snippets: new Map(), madeFor: null });
    expect(response.hits.map((hit) => hit.key)).toEqual(['page:wasm']);
  });

  it('does not list a saved blog article its note matched word by word, unless the note holds the phrase', async () => {
    const saved = async (note: string) => {
      const index = createLibraryIndex();
      const title = getArticleById('cold-start-latency')?.title ?? '';
      index.put(savedPageDocument({ id: 'article:cold-start-latency', articleId: 'cold-start-latency', title, note }));
      const query = '"standalone mode"';
      const bundled = getBundledSearchEngine().search(query, { typing: false });
      const merged = withQueryPhrase(
        mergeSearch(bundled, index.search(query, { typing: false }), getArticleById),
        query,
      );
      expect(merged.hits.map((hit) => hit.key)).toEqual(['article:cold-start-latency']);
      const notes = new Map([['article:cold-start-latency', [{ note }]]]);
      const quotedHolders = await quotedHoldersIn(['article:cold-start-latency'], new Map(), notes, merged.quoted);
      return withCopiesRead(merged, { snippets: new Map(), quotedHolders, madeFor: merged }).response.hits.length;
    };
    expect(await saved('The mode of the standalone runner')).toBe(0);
    expect(await saved('Runs in standalone mode')).toBe(1);
  });

  it('reads a quoted single word as written: no typo reading, no "Did you mean"', async () => {
    expect(await keys('standalnoe')).toContain('page:wasm');
    const { response } = await popupList('"standalnoe"');
    expect(response.hits).toEqual([]);
    expect(response.suggestion).toBeNull();
    expect((await popupList('"standalnoe mode"')).response.suggestion).toBeNull();
  });

  it('answers the same from the command line, for the blog and for a folder of pages', () => {
    const engine = getBundledSearchEngine();
    const titles = (query: string) => {
      const { results, loose } = searchToJson(engine, query, { limit: 20 });
      return [...results, ...loose].map((result) => result.title);
    };
    // The blog's articles sharing "standalone" or "mode" hold neither phrase.
    expect(titles('standalone mode').length).toBeGreaterThan(0);
    expect(titles('"standalone mode"')).toEqual([]);
    expect(titles('"split brain"').length).toBeGreaterThan(0);
    expect(titles('stampde').length).toBeGreaterThan(0);
    expect(titles('"stampde"')).toEqual([]);
    const folder = (query: string) => {
      const { results, loose } = librarySearchToJson(library, texts, query, { limit: 20 });
      return [...results, ...loose].map((result) => result.id);
    };
    expect(folder('standalone mode')).toContain('page:sre');
    expect(folder('"standalone mode"')).toEqual(['page:wasm']);
  });
});
