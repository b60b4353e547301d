import { describe, expect, it } from 'vitest';
import asideJson from '@/assets/data/search-aside.json';
import indexJson from '@/assets/data/search-index.json';
import { ARTICLES } from '@/lib/corpus/catalog';
import { PLAIN_WORDS } from '@/lib/corpus/plain-words';
import { SUBJECT_VOCABULARY } from '@/lib/corpus/subject-vocabulary';
import { ASIDE_MARK, asideEntriesOf, asideFor, buildAsideIndex, type SerializedAsideIndex } from '@/lib/search/aside';
import type { SerializedSearchIndex } from '@/lib/search/build-index';
import { getEngineOptions } from '@/lib/search/bundled';
import { createSearchEngine } from '@/lib/search/engine';

const index = indexJson as unknown as SerializedSearchIndex;
const aside = asideJson as SerializedAsideIndex;
const withAside = createSearchEngine(index, ARTICLES, getEngineOptions());
const withoutAside = createSearchEngine(index, ARTICLES, { ...getEngineOptions(), aside: undefined });
const top5 = (engine: typeof withAside, query: string) =>
  engine.search(query, { limit: 5, typing: false }).results.map((result) => result.article.id);

describe('the aside field (subject vocabulary and plain phrases: ranks and lists, never decides)', () => {
  it('ships exactly what `npm run index` builds (never stale)', () => {
    const built = buildAsideIndex(
      ARTICLES.map(({ id }) => ({ id, entries: asideEntriesOf(id, SUBJECT_VOCABULARY, PLAIN_WORDS) })),
    );
    expect(built).toEqual(aside);
  });

  it('marks its terms so that they sort before the index’s own, and maps them onto another index’s articles', () => {
    const mapped = asideFor(aside, index.docIds);
    // The index's own articles in its order are read as shipped; mapped one by one they come out the same.
    expect(asideFor(aside, [...index.docIds, 'an-article-the-field-does-not-know'])).toEqual(mapped);
    expect(mapped.terms.every((term) => term.startsWith(ASIDE_MARK))).toBe(true);
    expect([...mapped.terms].sort()).toEqual(mapped.terms);
    expect((mapped.terms.at(-1) as string) < (index.terms[0] as string)).toBe(true);
    // An index without some articles (a catalog the blog changed) keeps only the postings of the ones it has.
    const first = aside.docIds[0] as string;
    const without = asideFor(
      aside,
      index.docIds.filter((id) => id !== first),
    );
    const firstPostings = aside.postings.filter((list) => list.some((value, at) => at % 2 === 0 && value === 0));
    expect(firstPostings.length).toBeGreaterThan(0);
    expect(without.postings.flat().length).toBeLessThan(mapped.postings.flat().length);
  });

  it.each([
    // "training data" is in Fine-Tuning vs RAG's subject vocabulary, not in its title, summary or tags.
    [
      'should we train our own model or just feed it our docs',
      'fine-tuning-vs-rag-a-decision-framework-with-costs-and-evaluation-metrics',
    ],
    [
      'stop paying openai for the same question twice',
      'llm-response-caching-exact-match-and-semantic-caching-to-cut-cost-and-latency',
    ],
  ])('lists the article a question’s words name only in its vocabulary: "%s"', (query, article) => {
    expect(top5(withoutAside, query)).not.toContain(article);
    expect(top5(withAside, query)).toContain(article);
  });

  it('never decides that a query has results: a word only the field holds finds nothing by itself, finished or being typed', () => {
    const own = new Set(index.terms);
    const asideOnly = aside.terms.filter((term) => !own.has(term));
    expect(asideOnly.length).toBeGreaterThan(1000);
    // Short words too ("eat", "max", "x", "17"): a query of words under four letters is judged on the
    // share of its words an article has, which counted the field's until a review found it.
    const queries = [...asideOnly, 'eat fit', 'x y', '17 y', 'why d', 'max s', 'eat a', 'law f'];
    for (const typing of [false, true]) {
      const answered = queries.filter(
        (query) =>
          withAside.search(query, { typing }).results.length > 0 &&
          withoutAside.search(query, { typing }).results.length === 0,
      );
      expect(answered, `typing: ${typing}`).toEqual([]);
    }
  });

  it('highlights none of its terms', () => {
    const { matchedTerms } = withAside.search('should we train our own model or just feed it our docs', {
      typing: false,
    });
    expect(matchedTerms.size).toBeGreaterThan(0);
    expect([...matchedTerms].some((term) => term.startsWith(ASIDE_MARK))).toBe(false);
  });
});
