import type { Article } from '@/lib/corpus/article';
import { searchableFields } from '@/lib/search/searchable-fields';
import { analyzeField } from '@/lib/search/text';

/**
 * TF-IDF vectors of the bundled articles, built ahead of time (`npm run index`), for content
 * similarity between any text and the library.
 */
export interface SerializedRelatedModel {
  version: 1;
  docIds: string[];
  /** Sorted vocabulary. */
  terms: string[];
  /** idf of each term (× 1000). */
  idf: number[];
  /** For each article: flat [termIndex, weight × 10000, …] of its unit-length vector. */
  vectors: number[][];
  /** For each article: the ids of its 5 most related articles, best first. */
  related: string[][];
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

/** `withRelated: false` skips the article-to-article table (quadratic; benchmarks of huge corpora). */
export function buildRelatedModel(articles: readonly Article[], { withRelated = true } = {}): SerializedRelatedModel {
  const docTerms = articles.map((article) => countTerms(termsOfArticle(article)));
  const df = new Map<string, number>();
  for (const counts of docTerms) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const terms = [...df.keys()].sort();
  const termIndex = new Map(terms.map((term, index) => [term, index]));
  const n = articles.length;
  const idf = terms.map((term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 0.5)));
  const unitVectors = docTerms.map((counts) => {
    const entries = [...counts].map(([term, count]) => {
      const index = termIndex.get(term) as number;
      return [index, tfidfWeight(count, idf[index] as number)] as const;
    });
    const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
    return entries.map(([index, w]) => [index, w / norm] as const).sort((a, b) => a[0] - b[0]);
  });

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

  return {
    version: 1,
    docIds: articles.map((article) => article.id),
    terms,
    idf: idf.map((value) => Math.round(value * 1000)),
    vectors: unitVectors.map((vector) => vector.flatMap(([index, w]) => [index, Math.round(w * 10000)])),
    related,
  };
}
