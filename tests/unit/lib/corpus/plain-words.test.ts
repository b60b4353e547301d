import { describe, expect, it } from 'vitest';
import plainWordSynonymsJson from '@/assets/data/plain-word-synonyms.json';
import indexJson from '@/assets/data/search-index.json';
import { ARTICLES } from '@/lib/corpus/catalog';
import { PLAIN_WORDS } from '@/lib/corpus/plain-words';
import type { SerializedSearchIndex } from '@/lib/search/build-index';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { createSearchEngine } from '@/lib/search/engine';
import { createLibraryIndex } from '@/lib/search/library-index';
import { searchableFields } from '@/lib/search/searchable-fields';
import { buildPlainWordSynonyms } from '@/lib/search/synonyms';
import { analyzeField, analyzeQueryWords } from '@/lib/search/text';
import { mergeSearch, NO_LIBRARY_RESPONSE } from '@/lib/search/unified';
import { createVocabulary, documentCount } from '@/lib/search/vocabulary';

const bundledVocabulary = createVocabulary(indexJson as unknown as SerializedSearchIndex);
const terms = (text: string) => analyzeQueryWords(text).map((word) => word.term);

describe('PLAIN_WORDS (editorial data: plain phrases for articles’ terms)', () => {
  const byId = new Map(ARTICLES.map((article) => [article.id, article]));
  const entries = Object.entries(PLAIN_WORDS).flatMap(([id, pairs]) =>
    pairs.map(([plain, term]) => ({ id, plain, term })),
  );

  it('covers most of the catalog, only bundled articles, a few phrases each', () => {
    expect(Object.keys(PLAIN_WORDS).length).toBeGreaterThan(ARTICLES.length * 0.8);
    for (const [id, pairs] of Object.entries(PLAIN_WORDS)) {
      expect(byId.has(id), id).toBe(true);
      expect(pairs.length, id).toBeLessThanOrEqual(5);
    }
  });

  it('stands each plain phrase for the article’s own words, so that the phrase finds the article', () => {
    for (const { id, term } of entries) {
      const { title, keywords, summary } = searchableFields(byId.get(id)!);
      const own = new Set(analyzeField(`${title} ${keywords} ${summary}`));
      for (const word of terms(term)) expect(own.has(word), `${id}: "${term}"`).toBe(true);
    }
  });

  it('has two words or more in each plain phrase, and never the term itself', () => {
    for (const { plain, term } of entries) {
      expect(terms(plain).length, plain).toBeGreaterThanOrEqual(2);
      expect(terms(plain).length, plain).toBeLessThanOrEqual(4);
      expect(terms(plain).join(' '), plain).not.toBe(terms(term).join(' '));
    }
  });

  it('looks each term up in the form fewest articles hold, and leaves out what cannot point at an article', () => {
    const articles: Record<string, number> = { oncal: 3, call: 17, 'cloud cost': 19, 'cost explos': 1, tool: 30 };
    const articlesWith = (term: string) => articles[term] ?? 0;
    const built = buildPlainWordSynonyms(
      {
        a: [
          ['paged every night', 'on-call'],
          ['aws bill skyrocketed', 'Cloud Cost Explosion'],
          ['model calls functions', 'tool use'],
          ['piece by piece', 'strangler fig'],
        ],
        b: [['paged every night', 'Cloud Cost Explosion']],
      },
      articlesWith,
    );
    expect(built).toEqual([
      // One phrase for two terms looks for both.
      [terms('paged every night'), ['oncal', 'cost explos']],
      [terms('aws bill skyrocketed'), ['cost explos']],
      // "tool use" is "tool" alone (30 articles): left out; "piece by piece" is one word twice: left out.
    ]);
    for (const [, found] of plainWordSynonymsJson as Array<[string[], string[]]>)
      for (const term of found) expect(documentCount(bundledVocabulary, term), term).toBeLessThanOrEqual(8);
  });

  // 31 of 985 phrases were left out silently: their term was a word or pair of many articles ("rate
  // limiting" for four of *No Rate Limiting*'s five, "streaming" for "chatgpt typing effect").
  it('keeps every phrase: each stands for a term specific enough to point at its article', () => {
    const built = new Set(
      buildPlainWordSynonyms(PLAIN_WORDS, (term) => documentCount(bundledVocabulary, term)).map(([phrase]) =>
        phrase.join(' '),
      ),
    );
    const leftOut = entries.filter(({ plain }) => !built.has(terms(plain).join(' ')));
    expect(leftOut).toEqual([]);
  });

  it('ships exactly what `npm run index` builds from it (never stale)', () => {
    expect(buildPlainWordSynonyms(PLAIN_WORDS, (term) => documentCount(bundledVocabulary, term))).toEqual(
      plainWordSynonymsJson,
    );
  });
});

describe('search with plain words', () => {
  const engine = getBundledSearchEngine();
  const topIds = (query: string) =>
    engine.search(query, { limit: 5, typing: false }).results.map((result) => result.article.id);

  it('orders first the article a plain phrase stands for, in the question’s own order and words', () => {
    // "retire old api version" stands for "deprecation"; without it the article is not in the top 5.
    const article = 'api-design-developers-love-defaults-cursor-pagination-problem-details-and-deprecation';
    expect(PLAIN_WORDS[article]).toContainEqual(['retire old api version', 'deprecation']);
    expect(topIds('retiring an old version of our api and telling the clients')[0]).toBe(article);
    expect(topIds('retiring an old api version without breaking our clients')[0]).toBe(article);
  });

  it('looks one way: the plain words look for the term, the term not for them', () => {
    expect(engine.search('retiring an old api version').matchedTerms.has('deprec')).toBe(true);
    const matched = engine.search('deprecation').matchedTerms;
    expect(matched.has('deprec')).toBe(true);
    for (const plain of ['retir', 'old', 'version']) expect(matched.has(plain)).toBe(false);
  });

  // Found in the blind sets: helpers who never saw each other's sets kept asking these, and the
  // article their plain words name ranked but was left out of the results, below the share of the
  // query the best article's own words cover.
  it.each([
    [
      'users trick the chatbot into ignoring its instructions',
      'prompt-injection-defense-direct-and-indirect-attacks-and-how-to-stop-them',
    ],
    [
      "ai assistant makes up answers that aren't in our documents",
      'production-rag-semantic-chunking-reranking-and-hallucination-detection',
    ],
    [
      'a copy of the database for every pull request',
      'database-branching-pr-per-database-workflows-with-neon-and-planetscale',
    ],
  ])('lists the article a plain phrase names once the query is about something here: "%s"', (query, article) => {
    expect(topIds(query).slice(0, 2)).toContain(article);
    // The share an article reports counts plain words too: the popup's list mixes saved pages in by it.
    const response = engine.search(query, { limit: 20, typing: false });
    expect(response.results.find((result) => result.article.id === article)?.confidence).toBeGreaterThan(0);
    const popup = mergeSearch(response, NO_LIBRARY_RESPONSE, (id) => ARTICLES.find((a) => a.id === id));
    const listed = popup.hits.map((hit) => (hit.kind === 'article' ? hit.article.id : hit.key));
    expect(listed.slice(0, 2)).toContain(article);
  });

  // Found in the blind sets: questions whose own words decided nothing here got no results at all,
  // though a plain phrase of their article, with a word of software in it ("chatbot", "ai"), names it.
  it.each([
    [
      'chatbot forgets what was said earlier in long chats',
      'multi-turn-conversation-architecture-context-windows-memory-and-topic-tracking',
    ],
    [
      'people trick our chatbot into ignoring its instructions',
      'prompt-injection-defense-direct-and-indirect-attacks-and-how-to-stop-them',
    ],
    [
      'people can trick our ai assistant into ignoring its instructions',
      'prompt-injection-defense-direct-and-indirect-attacks-and-how-to-stop-them',
    ],
    [
      'have several ai bots split a big job between them',
      'multi-agent-systems-the-orchestrator-worker-pattern-in-production',
    ],
  ])('lets a plain phrase with a word of software decide when the query’s own words do not: "%s"', (query, article) => {
    expect(topIds(query)[0]).toBe(article);
    // As the popup reads it too, its last word perhaps unfinished.
    expect(engine.search(query, { limit: 5 }).results[0]?.article.id).toBe(article);
  });

  // Found in blind set 21: the word of software may stand beside the phrase ("aws" beside "committed"
  // and "repo" of "password committed repo").
  it('lets a plain phrase decide when a word of software stands elsewhere in the query', () => {
    const query = 'intern committed an aws key to a public repo last spring, now what';
    expect(topIds(query).slice(0, 3)).toContain(
      'hardcoded-secrets-in-git-why-a-leaked-api-key-is-a-permanent-compromise',
    );
    expect(engine.search(query, { limit: 5 }).results.map((hit) => hit.article.id)).toContain(
      'hardcoded-secrets-in-git-why-a-leaked-api-key-is-a-permanent-compromise',
    );
    // Not without it: "key", "public" and "repo" are everyday words.
    expect(engine.search('lost my house key in a public park', { typing: false }).results).toEqual([]);
  });

  it('keeps the results a plain phrase decided while the next word is typed', () => {
    // A word being typed ("instructi") is no word the library does not know yet: results stay.
    const query = 'people trick our chatbot into ignoring its instructions';
    for (let end = 'people trick our chatbot'.length; end <= query.length; end++)
      expect(engine.search(query.slice(0, end), { limit: 5 }).results.length, query.slice(0, end)).toBeGreaterThan(0);
  });

  // Found in a review: made sure, a phrase's words made any article covering a fifth of the query
  // decide (with a topic chosen, one of that topic), and an uncommon word the library does not know
  // went unheard beside a phrase.
  it.each([
    ['chatbot forgets earlier messages about crochet patterns', undefined],
    ['swap in a new llm version without users noticing any outage', 'security'],
    ['user wants all their personal info erased from every system', 'databases'],
  ])(
    'leaves "%s" (topic %s) about nothing here: only an article a phrase names decides, and not beside an uncommon unknown word',
    (query, topic) => {
      expect(engine.search(query, { typing: false, topic }).results).toEqual([]);
      expect(engine.search(query, { topic }).results).toEqual([]);
    },
  );

  // Found in two reviews: counted as covering the query's words, plain words made articles about
  // everyday queries, through two of a phrase's words ("not arriving" of "sms codes not arriving",
  // "keep up") or a whole phrase of everyday words ("paged every night" for on-call).
  it.each([
    'package not arriving',
    'cant keep up with laundry',
    'throw away old clothes',
    'doctor gets paged every night during residency',
    'nursing temporary credentials expire',
    // Decided by plain words made sure everywhere; not with a word of software needed in the phrase
    // ("babysitter": no such phrase is found) and a thing of everyday life deciding against ("restaurant").
    'babysitter interview questions to ask',
    'restaurant server hourly wage',
    // Everyday words alone ("invent facts" of "chatbot invents facts"), a long query: nor at a fifth of it.
    'kids invent facts that are not in their school documents',
  ])(
    'says nothing is about "%s" (plain words of everyday speech alone never decide that there are results)',
    (query) => {
      expect(engine.search(query, { typing: false }).results).toEqual([]);
      expect(engine.search(query).results).toEqual([]);
    },
  );

  it('is the blog’s: a user’s library, and an engine built without the blog’s options, look for the general synonyms only', () => {
    const general = createSearchEngine(indexJson as unknown as SerializedSearchIndex, ARTICLES);
    expect(general.search('retiring an old api version').matchedTerms.has('deprec')).toBe(false);
    expect(general.search('k8s').matchedTerms.has('kubernet')).toBe(true);
    const library = createLibraryIndex();
    library.put({
      id: 'page:versions',
      articleId: null,
      title: 'Deprecation notes',
      url: 'https://notes.example.org/versions',
      siteName: null,
      byline: null,
      tags: [],
      note: '',
      highlights: [],
      text: 'Deprecation of the v1 endpoints, announced with a sunset header.',
      fingerprint: '1',
    });
    expect(library.search('retiring an old api version', { typing: false }).matchedTerms.has('deprec')).toBe(false);
    expect(library.search('deprecation', { typing: false }).results.map((hit) => hit.itemId)).toEqual([
      'page:versions',
    ]);
  });
});
