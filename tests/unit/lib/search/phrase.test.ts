import { beforeEach, describe, expect, it } from 'vitest';
import { ARTICLES, getArticleById } from '@/lib/corpus/catalog';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { createLibraryIndex, type LibraryDocument } from '@/lib/search/library-index';
import { holdsPhrase, phraseReader, phrasesAgree, queryPhrase } from '@/lib/search/phrase';
import { makeSnippet, type Snippet } from '@/lib/search/snippet';
import { isStopWord, normalizeText, termsOfWord, tokenize } from '@/lib/search/text';
import {
  mergeSearch,
  readerViewOf,
  type SearchHit,
  type UnifiedResponse,
  withCopiesRead,
  withPassagesFirst,
  withPhraseFirst,
  withQueryPhrase,
} from '@/lib/search/unified';
import { savedSharedPages } from '@/scripts/eval/library-report';
import { MISSING_SHARED_REASON, realPageNames } from '@/scripts/eval/shared-data';
import { createRandom } from '@/scripts/eval/synthetic-corpus';
import { savedPageDocument } from '@/tests/unit/helpers/one-page-library';

const termsOf = (query: string) => new Set(tokenize(normalizeText(query)).flatMap((t) => termsOfWord(t.surface)));

describe('a query as a phrase', () => {
  it('is the query’s words in order, stop words kept, from three words on', () => {
    expect(queryPhrase('By an Update to the', false)?.words).toEqual(['by', 'an', 'update', 'to', 'the']);
    expect(queryPhrase('retry storm', false)).toBeNull();
  });

  it('is found only where the text holds every word in a row, punctuation and case aside', () => {
    const phrase = queryPhrase('by an update to the', false)!;
    expect(holdsPhrase('Fixed by an update, to the kernel.', phrase)).toBe(true);
    expect(holdsPhrase('by an update of the kernel', phrase)).toBe(false);
    expect(holdsPhrase('an update to the kernel by', phrase)).toBe(false);
  });

  it('takes a word that completes the last one while it is typed', () => {
    expect(holdsPhrase('fixed by an update to the kernel', queryPhrase('update to the ker', true)!)).toBe(true);
    expect(holdsPhrase('fixed by an update to the kernel', queryPhrase('update to the ker', false)!)).toBe(false);
  });

  it('takes a last stop word or single letter as written, even while typing', () => {
    expect(holdsPhrase('fixed by an update to them', queryPhrase('by an update to the', true)!)).toBe(false);
    expect(holdsPhrase('fixed by an update to the kernel', queryPhrase('by an update to the', true)!)).toBe(true);
    expect(queryPhrase('shipped in version a', true)?.lastIsPrefix).toBe(false);
  });

  it('is no phrase past the words a search reads', () => {
    expect(queryPhrase('word '.repeat(33), false)).toBeNull();
    expect(queryPhrase('word '.repeat(32), false)?.words).toHaveLength(32);
  });

  it('agrees with itself typed further or taken back, not with other words', () => {
    const agree = (a: string, b: string) => phrasesAgree(queryPhrase(a, true)!, queryPhrase(b, true)!);
    expect(agree('lines of code, b', 'lines of code, but')).toBe(true);
    expect(agree('lines of code, but', 'lines of code, but as')).toBe(true);
    expect(agree('lines of code, but as', 'lines of code')).toBe(true);
    expect(agree('lines of code', 'lines of coal')).toBe(false);
    expect(agree('lines of code', 'rows of code')).toBe(false);
  });

  it('says where the phrase began', () => {
    const read = phraseReader(queryPhrase('a b c', false)!);
    const at = ['x', 'a', 'a', 'b', 'c'].map((word, index) => read(word, index * 10));
    expect(at).toEqual([null, null, null, null, 20]);
  });
});

const filler = 'The committee met on Tuesday to discuss the budget for the coming year and raised questions. ';
const update = `${filler.repeat(30)}Our deploys broke twice, then were fixed by an update to the runner. ${filler.repeat(30)}Update the runner, update it now: the update update runner. ${filler.repeat(5)}`;

describe('a snippet of a text holding the query as a phrase', () => {
  it('shows the phrase, even where another passage has more of its words', () => {
    const phrase = queryPhrase('by an update to the', false);
    // What the search matched: the one specific word.
    const snippet = makeSnippet(update, termsOf('update'), null, { phrase });
    expect(snippet?.holdsPhrase).toBe(true);
    expect(snippet?.passage).toContain('fixed by an update to the runner');
    expect(makeSnippet(update, termsOf('update'), null)?.passage).toContain('update update runner');
  });

  it('does not claim the phrase when the words are apart', () => {
    const phrase = queryPhrase('update to the kernel', false);
    expect(makeSnippet(update, termsOf('update kernel'), null, { phrase })?.holdsPhrase).toBeUndefined();
  });
});

describe('the one list, once the copies are read', () => {
  const article = ARTICLES.find((a) => /update/i.test(a.title)) ?? ARTICLES[0]!;
  const page = (itemId: string): SearchHit => ({
    kind: 'page',
    key: itemId,
    confidence: 1,
    page: { itemId, articleId: null, title: itemId, site: '', url: null, score: 1, confidence: 1, reasons: ['text'] },
  });
  const response: UnifiedResponse = {
    hits: [
      { kind: 'article', key: `article:${article.id}`, article, reasons: [], itemId: null, confidence: 1 },
      page('page:other'),
      page('page:runner'),
    ],
    loose: false,
    matchedTerms: termsOf('update'),
    prefix: null,
    suggestion: null,
  };
  const phrase = queryPhrase('by an update to the', false);
  const snippetHolding = { text: '', ranges: [], passage: '', holdsPhrase: true } as Snippet;
  const snippetNot = { text: '', ranges: [], passage: '' } as Snippet;

  it('puts a saved page whose copy holds the phrase above an article that only shares its words', () => {
    const ordered = withPhraseFirst(
      { ...response, phrase },
      new Map([
        ['page:other', snippetNot],
        ['page:runner', snippetHolding],
      ]),
    );
    expect(ordered.hits.map((hit) => hit.key)).toEqual(['page:runner', `article:${article.id}`, 'page:other']);
  });

  // QA pass: a phrase remembered with a slip ("the qutlity of the") matched no copy word for word, and a
  // page saying "quality" more often, never in that phrase, came first.
  it('puts first the saved page holding the phrase whose misspelled word is read as the page writes it', () => {
    const filler = 'The committee met on Tuesday to discuss the budget for the coming year. ';
    const documents = [
      savedPageDocument({
        id: 'page:review',
        text: `${filler.repeat(30)}Judge it by the quality of the display. ${filler}`,
      }),
      savedPageDocument({
        id: 'page:audit',
        text: `${filler.repeat(2)}Quality checks, quality gates and quality metrics.`,
      }),
    ];
    const library = createLibraryIndex();
    for (const document of documents) library.put(document);
    const engine = getBundledSearchEngine();
    for (const query of ['by the qutlity of the', 'the quality of the dsiplay', 'by the quaility of the']) {
      const merged = withQueryPhrase(
        mergeSearch(engine.search(query, { typing: false }), library.search(query, { typing: false }), getArticleById),
        query,
      );
      const snippets = new Map<string, Snippet>();
      for (const { id, text } of documents) {
        const snippet = makeSnippet(text, merged.pageTerms ?? merged.matchedTerms, merged.prefix, {
          phrase: merged.phrase,
        });
        if (snippet) snippets.set(id, snippet);
      }
      expect(snippets.get('page:review')?.holdsPhrase, query).toBe(true);
      expect(snippets.get('page:review')?.text).toContain('by the quality of the');
      const { response } = withCopiesRead(merged, { snippets, madeFor: merged });
      expect(response.hits[0], query).toMatchObject({ kind: 'page', page: { itemId: 'page:review' } });
    }
    // Read as written, a word is no misspelling: the phrase holds only where the text writes it.
    expect(queryPhrase('by the quality of the', false)).not.toHaveProperty('misread');
  });

  // QA pass on unseen pages (SQLite's "Isolation In SQLite"): "the same database", nine times in the page,
  // listed another saved page and nineteen of the blog's articles on databases, and not the page: its
  // key was under theirs, the list was full, and only a page in the list is lifted by the phrase it holds.
  it('keeps room for saved pages the articles would crowd out, so the one holding the phrase comes first', () => {
    const filler = 'The committee met on Tuesday to discuss the budget for the coming year. ';
    const documents = [
      savedPageDocument({ id: 'page:notes', text: 'Database notes: a database, its database tables, database files.' }),
      savedPageDocument({
        id: 'page:isolation',
        text: `${filler.repeat(300)}Readers on the same database connection see its changes. ${filler.repeat(5)}`,
      }),
    ];
    const library = createLibraryIndex();
    for (const document of documents) library.put(document);
    const query = 'the same database';
    const blog = getBundledSearchEngine().search(query, { typing: false });
    expect(blog.results.length).toBeGreaterThanOrEqual(20);
    const merged = withQueryPhrase(mergeSearch(blog, library.search(query, { typing: false }), getArticleById), query);
    expect(merged.hits).toHaveLength(20);
    expect(merged.hits.filter((hit) => hit.kind === 'page').map((hit) => hit.key)).toEqual([
      'page:notes',
      'page:isolation',
    ]);
    const snippets = new Map<string, Snippet>();
    for (const { id, text } of documents) {
      const snippet = makeSnippet(text, merged.pageTerms ?? merged.matchedTerms, merged.prefix, {
        phrase: merged.phrase,
      });
      if (snippet) snippets.set(id, snippet);
    }
    const { response } = withCopiesRead(merged, { snippets, madeFor: merged });
    expect(response.hits[0]).toMatchObject({ kind: 'page', page: { itemId: 'page:isolation' } });
  });

  it('leaves out what covers under half of what the page covers, for a long phrase a page holds word for word', () => {
    const weak = (hit: SearchHit, confidence: number): SearchHit => ({ ...hit, confidence });
    const articleHit = response.hits[0] as SearchHit;
    const hits = [weak(articleHit, 0.3), weak(page('page:other'), 0.6), weak(page('page:runner'), 0.9)];
    const snippets = new Map([['page:runner', snippetHolding]]);
    // Pasted from the page (five words besides stop words): the article, at a third of the page, is left out.
    const sentence = queryPhrase('the runner shipped a fixed update to every client machine', false);
    const pasted = withPhraseFirst({ ...response, hits, phrase: sentence }, snippets);
    expect(pasted.hits.map((hit) => hit.key)).toEqual(['page:runner', 'page:other']);
    // A remembered phrase of stop words and four others: only reordered, nothing left out.
    for (const remembered of [phrase, queryPhrase('528,000 lines of code, but', false)]) {
      const reordered = withPhraseFirst({ ...response, hits, phrase: remembered }, snippets);
      expect(reordered.hits.map((hit) => hit.key)).toEqual(['page:runner', `article:${article.id}`, 'page:other']);
    }
    // No page holds it: the same list.
    const asked = { ...response, hits, phrase: sentence };
    expect(withPhraseFirst(asked, new Map([['page:runner', snippetNot]]))).toBe(asked);
  });

  it('puts a saved page whose passage holds most of a question above the articles, not one holding a few of its words', () => {
    // A question of four words: the passage of page:runner marks three of them, page:other's two.
    const marked = (text: string, words: string[]): Snippet => ({
      text,
      passage: text,
      ranges: words.map((word) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length })),
    });
    const question = {
      ...response,
      hits: [response.hits[0] as SearchHit, page('page:other'), page('page:runner')],
      questionWords: 4,
    };
    const snippets = new Map([
      ['page:runner', marked('drained traffic before test deployments', ['drained', 'traffic', 'test'])],
      ['page:other', marked('traffic went up; the test passed', ['traffic', 'test'])],
    ]);
    expect(withPassagesFirst(question, snippets).hits.map((hit) => hit.key)).toEqual([
      'page:runner',
      `article:${article.id}`,
      'page:other',
    ]);
    // Not a question (a name, a short query): the list as it was.
    expect(withPassagesFirst({ ...question, questionWords: undefined }, snippets)).toEqual({
      ...question,
      questionWords: undefined,
    });
    // Typed on to six words before this question's snippets are read: the last ones, made for four
    // words, still lift the page they lifted (the share they met), so the list does not flicker.
    const typedOn = { ...question, questionWords: 6 };
    expect(withPassagesFirst(typedOn, snippets).hits[0]?.key).toBe(`article:${article.id}`);
    expect(withPassagesFirst(typedOn, snippets, question).hits[0]?.key).toBe('page:runner');
  });

  it('lists a saved page its text alone matched to a question after the articles, one its tag matched among them', () => {
    const engine = getBundledSearchEngine();
    const query = 'events show up in the wrong order';
    const listed = (tags: string[]) => {
      const index = createLibraryIndex();
      index.put(savedPageDocument({ id: 'page:long', tags, text: 'Then the events show up in the wrong order.' }));
      const merged = mergeSearch(
        engine.search(query, { typing: false }),
        index.search(query, { typing: false }),
        getArticleById,
      );
      const articles = merged.hits.filter((hit) => hit.kind === 'article').length;
      return {
        articles,
        page: merged.hits.findIndex((hit) => hit.kind === 'page'),
        questionWords: merged.questionWords,
      };
    };
    const byText = listed([]);
    expect(byText.questionWords).toBeGreaterThanOrEqual(3);
    expect(byText.articles).toBeGreaterThan(0);
    expect(byText.page).toBe(byText.articles);
    const byTag = listed(['events order']);
    expect(byTag.page).toBeLessThan(byTag.articles);
    // A short list keeps half its places for the articles.
    const index = createLibraryIndex();
    for (const n of [1, 2, 3, 4, 5, 6])
      index.put(savedPageDocument({ id: `page:${n}`, text: `Page ${n}: then the events show up in the wrong order.` }));
    const short = mergeSearch(
      engine.search(query, { typing: false }),
      index.search(query, { typing: false }),
      getArticleById,
      4,
    );
    expect(short.hits.map((hit) => hit.kind)).toEqual(['article', 'article', 'page', 'page']);
  });

  it('lists a page whose title shares one or two everyday words of a question after the articles, as its text alone', () => {
    // Unseen real pages: "The Spectacular Story Of Metroid, One Of Gaming's Richest Universes" came first
    // for "deleted one test customer and thousands of related rows vanished" (its long text holds the rest
    // here and there), and "New Zealand" for a question on time zones, above the blog's answer.
    const engine = getBundledSearchEngine();
    const query = 'kafka events show up in the wrong order';
    const listed = (title: string) => {
      const index = createLibraryIndex();
      const text = 'Kafka, then the events show up in the wrong order.';
      index.put(savedPageDocument({ id: 'page:long', title, text }));
      const merged = mergeSearch(
        engine.search(query, { typing: false }),
        index.search(query, { typing: false }),
        getArticleById,
      );
      const articles = merged.hits.filter((hit) => hit.kind === 'article').length;
      return { articles, page: merged.hits.findIndex((hit) => hit.kind === 'page') };
    };
    // "show", an everyday word (worth 0.53 in speech): chance.
    const byChance = listed('The show must go on');
    expect(byChance.articles).toBeGreaterThan(0);
    expect(byChance.page).toBe(byChance.articles);
    // Two everyday words too ("wrong", 0.54; "order", 0.60): "Even Though" of a title on tracking.
    const twoWords = listed('The order was wrong');
    expect(twoWords.page).toBe(twoWords.articles);
    // Three of its words, or one speech seldom uses ("kafka"), name its subject: among the articles.
    // (The user's own words, a tag, say so with one word: the test above.)
    const threeWords = listed('Events in the wrong order');
    expect(threeWords.page).toBeLessThan(threeWords.articles);
    const telling = listed('Kafka');
    expect(telling.page).toBeLessThan(telling.articles);
  });

  it('puts a saved page whose title holds the phrase above an article that only shares its words', () => {
    // "site reliability engineering": a saved page titled "Google - Site Reliability Engineering", its copy not saying it.
    const sre = page('page:sre') as SearchHit & { kind: 'page' };
    const titled: SearchHit = { ...sre, page: { ...sre.page, title: 'Google - Site Reliability Engineering' } };
    const asked = {
      ...response,
      hits: [response.hits[0] as SearchHit, titled],
      phrase: queryPhrase('site reliability engineering', false),
    };
    const ordered = withPhraseFirst(asked, new Map([['page:sre', snippetNot]]));
    expect(ordered.hits.map((hit) => hit.key)).toEqual(['page:sre', `article:${article.id}`]);
  });

  it('puts a saved blog article whose saved copy holds the phrase first, as a page', () => {
    const other = ARTICLES.find((a) => a.id !== article.id)!;
    const savedArticle: SearchHit = {
      kind: 'article',
      key: `article:${other.id}`,
      article: other,
      reasons: ['text'],
      itemId: `article:${other.id}`,
      confidence: 1,
    };
    const asked = { ...response, hits: [response.hits[0] as SearchHit, savedArticle], phrase };
    const ordered = withPhraseFirst(asked, new Map([[`article:${other.id}`, snippetHolding]]));
    expect(ordered.hits.map((hit) => hit.key)).toEqual([`article:${other.id}`, `article:${article.id}`]);
  });

  it('is the same list when no copy holds the phrase, or the query is two words', () => {
    const none = new Map([['page:runner', snippetNot]]);
    const asked = { ...response, phrase };
    expect(withPhraseFirst(asked, none)).toBe(asked);
    expect(
      withPhraseFirst(withQueryPhrase(response, 'update runner'), new Map([['page:runner', snippetHolding]])).hits,
    ).toBe(response.hits);
  });

  it('opens a page at a passage only from snippets made for this very query', () => {
    const snippets = new Map([['page:runner', { ...snippetHolding, passage: 'fixed by an update to the runner' }]]);
    const hit = response.hits[2] as SearchHit & { kind: 'page' };
    const asked = { ...response, phrase };
    const now = withCopiesRead(asked, { snippets, madeFor: asked });
    expect(now.response.hits[0]?.key).toBe('page:runner');
    expect(readerViewOf(hit.page.itemId, now.openingSnippets, now.response)).toEqual({
      kind: 'reader',
      itemId: 'page:runner',
      passage: 'fixed by an update to the runner',
    });
    // The phrase typed on: the order holds, but the reader looks for this query's phrase itself.
    const typedOn = withQueryPhrase({ ...response, hits: [...response.hits] }, 'by an update to the runner');
    const next = withCopiesRead(typedOn, { snippets, madeFor: asked });
    expect(next.response.hits[0]?.key).toBe('page:runner');
    expect(readerViewOf(hit.page.itemId, next.openingSnippets, next.response)).toMatchObject({
      kind: 'reader',
      itemId: 'page:runner',
      phrase: { words: ['by', 'an', 'update', 'to', 'the', 'runner'], lastIsPrefix: false },
    });
    expect(readerViewOf(hit.page.itemId, next.openingSnippets, next.response)).not.toHaveProperty('passage');
    // Another query altogether: its order, and no passage from the last one.
    const other = withCopiesRead(withQueryPhrase(typedOn, 'lines of code, but'), { snippets, madeFor: asked });
    expect(other.response.hits.map((h) => h.key)).toEqual(typedOn.hits.map((h) => h.key));
    expect(other.openingSnippets.size).toBe(0);
  });

  it('keeps an article first whose title holds the phrase too', () => {
    const titled = queryPhrase(article.title.split(/\s+/).slice(0, 3).join(' '), false);
    const ordered = withPhraseFirst({ ...response, phrase: titled }, new Map([['page:runner', snippetHolding]]));
    expect(ordered.hits[0]?.key).toBe(`article:${article.id}`);
    expect(ordered.hits[1]?.key).toBe('page:runner');
  });
});

// A phrase a user remembers from a page they saved may have a single specific word ("by an update to
// the"), which a blog article covers as well: before, the article came first in 23 of 281 such searches.
const realPages = realPageNames();
/** The one list as the popup has it while the last word is typed, with these pages saved. */
function searchAsTyped(library: readonly LibraryDocument[], query: string): UnifiedResponse {
  const index = createLibraryIndex();
  for (const document of library) index.put(document);
  return mergeSearch(
    getBundledSearchEngine().search(query, { limit: 20, typing: true }),
    index.search(query, { limit: 20, typing: true }),
    getArticleById,
  );
}

/** The shared real pages captured as saved pages, once for the tests below (capturing them takes seconds). */
let captured: LibraryDocument[] | undefined;
function savedRealPages(): LibraryDocument[] {
  captured ??= [...savedSharedPages().values()];
  return captured;
}

describe(realPages.length ? 'a phrase from deep in a saved real page' : MISSING_SHARED_REASON, () => {
  beforeEach((context) => context.skip(realPages.length === 0, MISSING_SHARED_REASON));

  it('puts that page first in the one list of a three-page library', () => {
    const documents = savedRealPages();
    // Mulberry32: the multiplier of a linear congruential sequence, 1103515245 times a seed up to 2^31,
    // lost the low digits in a double, and its draws went round in a short cycle (the same queries again).
    const random = createRandom(7);
    // The page the phrase is from is drawn among those of 200 words or more (deep in a page needs a
    // page): drawn among all, how many searches ran said how many short pages the shared folder holds.
    const wordsOf = (document: LibraryDocument) => document.text.split(/\s+/).filter(Boolean);
    const long = documents.filter((document) => wordsOf(document).length >= 200);
    const misses: string[] = [];
    const searches = 120;
    expect(long.length, 'no shared page of 200 words or more').toBeGreaterThan(0);
    let done = 0;
    for (let trial = 0; done < searches && trial < searches * 10; trial++) {
      const target = long[Math.floor(random() * long.length)] as LibraryDocument;
      const others = documents.filter((document) => document !== target).sort(() => random() - 0.5);
      const library = [target, ...others.slice(0, 2)];
      const words = wordsOf(target);
      const at = Math.floor(words.length * (0.5 + random() * 0.4));
      const query = words.slice(at, at + 5 + Math.floor(random() * 3)).join(' ');
      // A phrase of stop words only ("which do the same thing, but") or of symbols ("∞ 1 ( 1 −") is
      // no phrase anyone could find: search indexes none of its words. Another is drawn.
      const indexed = tokenize(normalizeText(query)).filter((token) => !isStopWord(token.surface));
      if (indexed.length === 0 || queryPhrase(query, false) === null) continue;
      done++;
      const merged = searchAsTyped(library, query);
      const phrase = queryPhrase(query, merged.prefix !== null);
      const snippets = new Map<string, Snippet>();
      for (const document of library) {
        const snippet = makeSnippet(document.text, merged.matchedTerms, merged.prefix, { phrase });
        if (snippet) snippets.set(document.id, snippet);
      }
      const first = withPhraseFirst({ ...merged, phrase }, snippets).hits[0];
      // Another page holding the phrase too (a page's lorem ipsum, a quotation) is as right a first.
      const firstHolds = first?.kind === 'page' && snippets.get(first.page.itemId)?.holdsPhrase === true;
      if (first?.kind !== 'page' || (first.page.itemId !== target.id && !firstHolds)) misses.push(query);
    }
    // Every search ran: draws given up on (no phrase search indexes) are no passing searches.
    expect(done, 'phrases drawn that search indexes').toBe(searches);
    // None missed when measured, in 600 draws on the 22 pages the tests were written on and on 108 others.
    expect(misses.length, misses.join(' | ')).toBeLessThanOrEqual(Math.floor(searches * 0.02));
  });
});

// A word from a saved page's body, misspelled as fingers slip (two neighbours swapped, a letter left
// out, doubled or struck for another), finds that page first: a guard over real pages for the typo
// stage and the one list (the cases it was changed for are in typo.test.ts and library-index.test.ts).
describe(realPages.length ? 'a misspelled word from a saved real page' : MISSING_SHARED_REASON, () => {
  beforeEach((context) => context.skip(realPages.length === 0, MISSING_SHARED_REASON));

  it('puts that page first in the one list of a three-page library', () => {
    const documents = savedRealPages();
    const wordsOf = (document: LibraryDocument) =>
      new Set(tokenize(normalizeText(document.text)).map((token) => token.surface));
    const engine = getBundledSearchEngine();
    // mulberry32: a seeded sequence without the short cycles of a power-of-two modulus.
    let seed = 11;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const misses: string[] = [];
    let searches = 0;
    for (let trial = 0; trial < 100; trial++) {
      const library = [...documents].sort(() => random() - 0.5).slice(0, 3);
      const target = library[0] as LibraryDocument;
      const others = library.slice(1).map(wordsOf);
      // A word of the page alone (of seven letters or more, in letters a–z), as a user remembers one:
      // not in the other pages, and about no blog article (where one is, the article may come first).
      const own = [...wordsOf(target)].filter(
        (word) => /^[a-z]{7,12}$/.test(word) && !isStopWord(word) && !others.some((o) => o.has(word)),
      );
      const word = own
        .sort(() => random() - 0.5)
        .find((candidate) => engine.search(candidate, { typing: false }).results.length === 0);
      if (!word) continue;
      const at = 2 + Math.floor(random() * (word.length - 4));
      const letter = 'etaoinshrl'[Math.floor(random() * 10)] as string;
      const typo = [
        word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
        word.slice(0, at) + word.slice(at + 1),
        word.slice(0, at) + letter + word.slice(at),
        word.slice(0, at) + letter + word.slice(at + 1),
      ][trial % 4] as string;
      if (typo === word) continue;
      const merged = searchAsTyped(library, typo);
      searches++;
      const first = merged.hits[0];
      if (first?.kind !== 'page' || first.page.itemId !== target.id) misses.push(`${word} as ${typo}`);
    }
    // Enough searches ran to say something: a draw of a page with no such word (Chinese, Czech: letters
    // beyond a–z) searches nothing: 97 of the 100 search on the 22 shared pages, 80 on 108 unseen ones.
    expect(searches).toBeGreaterThanOrEqual(60);
    // Misses left: a correction to a word another page holds in another form ("ronuded": "round", "rounds").
    expect(misses.length, misses.join(' | ')).toBeLessThanOrEqual(Math.floor(searches * 0.05));
  });
});
