import { describe, expect, it } from 'vitest';
import { getArticleById } from '@/lib/corpus/catalog';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { createLibraryIndex } from '@/lib/search/library-index';
import { quotedPhrases } from '@/lib/search/quoted';
import { makeSnippet, type Snippet } from '@/lib/search/snippet';
import { mergeSearch, withCopiesRead, withQueryPhrase } from '@/lib/search/unified';
import { librarySearchToJson } from '@/scripts/eval/library-json';
import { searchToJson } from '@/scripts/eval/query-json';
import { savedPageDocument } from '@/tests/unit/helpers/one-page-library';
import { popupResponse } from '@/tests/unit/helpers/popup-response';
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

// QA pass: passages pasted from news stories hold quote marks. `pittance,” Forte said` read the
// closing mark as opening a quoted "Forte said", and `misuse the word “literally” just to annoy`
// opened the page at its first "literally", far from the passage the page holds word for word.
describe('a passage pasted with its quote marks', () => {
  const words = (query: string) => quotedPhrases(query).map((phrase) => phrase.words.join(' '));

  it('opens a quoted phrase only where a quote mark begins a word, as a quotation does', () => {
    expect(words('bought the ingredients for a pittance,” Forte said.')).toEqual([]);
    expect(words('a 27" screen for coding')).toEqual([]);
    expect(words('herd” of retries')).toEqual([]);
    expect(words('misuse the word “literally” just to annoy')).toEqual(['literally']);
    expect(words('ignorance to misuse the word “literally.”')).toEqual(['literally']);
    expect(words('„Zeitzonen“ und (“clock skew”)')).toEqual(['zeitzonen', 'clock skew']);
    expect(words('« mot clé » et »Wort«')).toEqual(['mot cle', 'wort']);
    expect(words('"standalone mode')).toEqual(['standalone mode']);
    // Review: a phrase may begin with punctuation, and stand after an operator or a space inside.
    expect(words('".NET core" on linux')).toEqual(['net core']);
    expect(words('"!important" in css')).toEqual(['important']);
    expect(words('title:"foo bar"')).toEqual(['foo bar']);
    expect(words('" foo bar"')).toEqual(['foo bar']);
    expect(words('(see above)” he said')).toEqual([]);
    expect(words('a stray " mark')).toEqual([]);
  });

  const filler = 'The committee met on Tuesday to discuss the budget for the coming year. ';
  const text = `On “literally”: the word has its defenders. ${filler.repeat(12)}Do you misuse the word “literally” just to annoy your friends? ${filler.repeat(4)}Bought the ingredients for a pittance, Forte said. ${filler}`;
  const snippetFor = (query: string) => {
    const library = createLibraryIndex();
    library.put(savedPageDocument({ id: 'page:words', title: 'On behalf of a word', text }));
    const merged = popupResponse(library, query);
    expect(merged.hits.map((hit) => hit.key)).toContain('page:words');
    return makeSnippet(text, merged.pageTerms ?? merged.matchedTerms, merged.prefix, { phrase: merged.phrase });
  };

  it('shows, and opens at, the passage holding all of it; else the quoted part', () => {
    for (const query of ['misuse the word “literally” just to annoy', 'misuse the word "literally" just to annoy']) {
      expect(snippetFor(query)?.passage, query).toContain('Do you misuse the word “literally” just to annoy');
    }
    expect(snippetFor('bought the ingredients for a pittance,” Forte said.')?.passage).toContain(
      'Bought the ingredients for a pittance',
    );
    // The whole query is held nowhere: the quoted phrase is where the page opens, as before; holding
    // only that, the page is not put first as one holding the whole passage would be (review).
    const quotedOnly = snippetFor('committee “literally” annoyed');
    expect(quotedOnly?.holdsPhrase).toBeUndefined();
    expect(quotedOnly?.passage).toContain('On “literally”');
    expect(snippetFor('misuse the word “literally” just to annoy')?.holdsPhrase).toBe(true);
  });
});
