import type { Article } from '@/lib/corpus/article';
import { SUBJECT_VOCABULARY } from '@/lib/corpus/subject-vocabulary';
import { searchableFields } from '@/lib/search/searchable-fields';
import { analyzeField } from '@/lib/search/text';

/**
 * TF-IDF vectors of the bundled articles, built ahead of time (`npm run index`), for content
 * similarity between any text and the library.
 */
export interface SerializedRelatedModel extends SerializedTfidf {
  version: 2;
  docIds: string[];
  /** For each article: the ids of its 5 most related articles, best first. */
  related: string[][];
  /**
   * The articles' subject vocabulary (`lib/corpus/subject-vocabulary.ts`) as vectors of their own,
   * over the same articles: it helps rank them, while matching reads the articles' own words only.
   */
  subjects: SerializedTfidf;
}

/** TF-IDF vectors of the articles over one vocabulary. */
export interface SerializedTfidf {
  /** Sorted vocabulary. */
  terms: string[];
  /** idf of each term (× 1000). */
  idf: number[];
  /** For each article: flat [termIndex, weight × 10000, …] of its unit-length vector. */
  vectors: number[][];
}

/** Title, tags and topic count more than the summary: they say what the article is about. */
const FIELD_REPEAT = { title: 3, keywords: 2, summary: 1 } as const;

/** An article's terms, each field repeated by how much it says about the article. */
export function termsOfArticle(article: Article): string[] {
  const fields = searchableFields(article);
  const title = analyzeField(fields.title);
  const tagTerms = analyzeField(fields.keywords);
  const summary = analyzeField(fields.summary);
  return [
    ...Array.from({ length: FIELD_REPEAT.title }, () => title).flat(),
    ...Array.from({ length: FIELD_REPEAT.keywords }, () => tagTerms).flat(),
    ...summary,
  ];
}

export function tfidfWeight(count: number, idf: number): number {
  return (1 + Math.log(count)) * idf;
}

export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

export const RELATED_PER_ARTICLE = 5;

/** An article's subject vocabulary as terms (none for an article learned from the blog). */
export function subjectTermsOfArticle(article: Article): string[] {
  return analyzeField((SUBJECT_VOCABULARY[article.id] ?? []).join(', '));
}

/** `withRelated: false` skips the article-to-article table (quadratic; benchmarks of huge corpora). */
export function buildRelatedModel(articles: readonly Article[], { withRelated = true } = {}): SerializedRelatedModel {
  const words = tfidfVectors(articles.map((article) => countTerms(termsOfArticle(article))));
  const { unitVectors } = words;
  const related = (withRelated ? unitVectors : []).map((vector, self) => {
    const mine = new Map(vector);
    return unitVectors
      .map((other, index) => {
        let dot = 0;
        for (const [term, w] of other) dot += w * (mine.get(term) ?? 0);
        return { index, dot };
      })
      .filter(({ index }) => index !== self)
      .sort((a, b) => b.dot - a.dot || a.index - b.index)
      .slice(0, RELATED_PER_ARTICLE)
      .map(({ index }) => (articles[index] as Article).id);
  });
  const subjects = tfidfVectors(articles.map((article) => countTerms(subjectTermsOfArticle(article))));
  return {
    version: 2,
    docIds: articles.map((article) => article.id),
    ...words.serialized,
    related,
    subjects: subjects.serialized,
  };
}

function tfidfVectors(docTerms: ReadonlyArray<Map<string, number>>) {
  const df = new Map<string, number>();
  for (const counts of docTerms) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const terms = [...df.keys()].sort();
  const termIndex = new Map(terms.map((term, index) => [term, index]));
  const n = docTerms.length;
  const idf = terms.map((term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 0.5)));
  const unitVectors = docTerms.map((counts) => {
    const entries = [...counts].map(([term, count]) => {
      const index = termIndex.get(term) as number;
      return [index, tfidfWeight(count, idf[index] as number)] as const;
    });
    const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
    return entries.map(([index, w]) => [index, w / norm] as const).sort((a, b) => a[0] - b[0]);
  });

  const serialized: SerializedTfidf = {
    terms,
    idf: idf.map((value) => Math.round(value * 1000)),
    vectors: unitVectors.map((vector) => vector.flatMap(([index, w]) => [index, Math.round(w * 10000)])),
  };
  return { serialized, unitVectors };
}
