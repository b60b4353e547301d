import type { Article } from '@/lib/corpus/article';
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
   * The articles' subject vocabulary (`lib/corpus/subject-vocabulary.ts`, read by
   * `lib/related/subject-terms.ts` at build time) as vectors of their own, over the same articles: it
   * helps rank them and decide whether a text matches (`matchingVectors` in lib/related/engine.ts).
   */
  subjects: SerializedVectors;
  /**
   * The articles' documentation neighbours (`lib/corpus/documentation-neighbours.ts`): the words of the
   * manual pages a reader of the article would look up. They only rank (RANKING_NEIGHBOUR_WEIGHT in
   * lib/related/engine.ts), never decide whether a text matches.
   */
  neighbours: SerializedVectors;
}

/** Unit-length TF-IDF vectors of the articles over one vocabulary. */
export interface SerializedVectors {
  /** The vocabulary (sorted in the built model). */
  terms: string[];
  /** For each article: flat [termIndex, weight × 10000, …] of its unit-length vector. */
  vectors: number[][];
}

export interface SerializedTfidf extends SerializedVectors {
  /** idf of each term (× 1000): how a text's words are weighed against the articles'. */
  idf: number[];
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

interface BuildOptions {
  /** false skips the article-to-article table (quadratic; benchmarks of huge corpora). */
  withRelated?: boolean;
  /** An article's subject-vocabulary terms (`npm run index` reads them; none by default). */
  subjectTermsOf?: (article: Article) => string[];
  /** Subject vectors already built for these articles (a model rebuilt at run time keeps the bundled ones). */
  subjects?: (docIds: readonly string[]) => SerializedVectors;
  /** An article's documentation-neighbour terms (`npm run index` reads them; none by default). */
  neighbourTermsOf?: (article: Article) => string[];
  /** Neighbour vectors already built for these articles, as `subjects`. */
  neighbours?: (docIds: readonly string[]) => SerializedVectors;
}

export function buildRelatedModel(
  articles: readonly Article[],
  {
    withRelated = true,
    subjectTermsOf = () => [],
    subjects,
    neighbourTermsOf = () => [],
    neighbours,
  }: BuildOptions = {},
): SerializedRelatedModel {
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
  const docIds = articles.map((article) => article.id);
  const { terms, vectors } =
    subjects?.(docIds) ?? tfidfVectors(articles.map((article) => countTerms(subjectTermsOf(article)))).serialized;
  const neighbourVectors =
    neighbours?.(docIds) ?? tfidfVectors(articles.map((article) => countTerms(neighbourTermsOf(article)))).serialized;
  return {
    version: 2,
    docIds,
    ...words.serialized,
    related,
    subjects: { terms, vectors },
    neighbours: { terms: neighbourVectors.terms, vectors: neighbourVectors.vectors },
  };
}

/**
 * The model of a catalog whose searchable text changed (articles learned from the blog), built at run
 * time: the articles' own words anew, the bundled subject vectors kept by article id.
 */
export function rebuildRelatedModel(
  articles: readonly Article[],
  bundled: SerializedRelatedModel,
  { withRelated = true } = {},
): SerializedRelatedModel {
  return buildRelatedModel(articles, {
    withRelated,
    subjects: (docIds) => keptFor(docIds, bundled, bundled.subjects),
    neighbours: (docIds) => keptFor(docIds, bundled, bundled.neighbours),
  });
}

/**
 * The bundled model's subject (or neighbour) vectors for these articles, by id (none for an article
 * learned from the blog): a model rebuilt at run time keeps them, without bundling the words themselves.
 */
export function keptFor(
  docIds: readonly string[],
  bundled: SerializedRelatedModel,
  vectors: SerializedVectors,
): SerializedVectors {
  const rowOf = new Map(bundled.docIds.map((id, row) => [id, row]));
  return { terms: vectors.terms, vectors: docIds.map((id) => vectors.vectors[rowOf.get(id) ?? -1] ?? []) };
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
