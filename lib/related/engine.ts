import type { Article } from '@/lib/corpus/article';
import { countTerms, type SerializedRelatedModel, tfidfWeight } from '@/lib/related/model';
import { analyzeField } from '@/lib/search/text';

export interface RelatedInput {
  title?: string;
  text: string;
}

export interface RelatedResult {
  article: Article;
  /** Cosine similarity, 0..1. */
  score: number;
}

export interface RelatedResponse {
  /** Whether the text is about something the library covers at all (one calibrated threshold). */
  matched: boolean;
  results: RelatedResult[];
}

/**
 * The similarity above which a page "matches" the library. Calibrated with `npm run eval` on
 * related technical pages and on unrelated real pages (news, product pages): see README.
 */
export const MATCH_THRESHOLD = 0.15;
/** Words of the page the library has never used still count, as rare words, so that a page about
 * something else is not judged by the few library words it happens to contain. */
const UNKNOWN_TERM_IDF_SHARE = 0.5;
const MAX_WORDS = 8000;
const TITLE_REPEAT = 2;

export function createRelatedEngine(model: SerializedRelatedModel, articles: readonly Article[]) {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const docs = model.docIds.map((id) => byId.get(id) as Article);
  const termIndex = new Map(model.terms.map((term, index) => [term, index]));
  const idf = model.idf.map((value) => value / 1000);
  const unknownIdf = Math.log((docs.length + 1) / 0.5) * UNKNOWN_TERM_IDF_SHARE;
  // term → flat [doc, weight × 10000, …]: the page's terms look up the articles that use them.
  const postings: number[][] = model.terms.map(() => []);
  model.vectors.forEach((vector, doc) => {
    for (let i = 0; i < vector.length; i += 2)
      (postings[vector[i] as number] as number[]).push(doc, vector[i + 1] as number);
  });

  function related(
    input: RelatedInput | string,
    options: { limit?: number; excludeId?: string } = {},
  ): RelatedResponse {
    const { title = '', text } = typeof input === 'string' ? { text: input } : input;
    const limit = options.limit ?? 5;
    const words = analyzeField(text);
    const terms = [
      ...Array.from({ length: TITLE_REPEAT }, () => analyzeField(title)).flat(),
      ...words.slice(0, MAX_WORDS),
    ];
    const counts = countTerms(terms);
    let norm = 0;
    const scores = new Float64Array(docs.length);
    for (const [term, count] of counts) {
      const index = termIndex.get(term);
      const weight = tfidfWeight(count, index === undefined ? unknownIdf : (idf[index] as number));
      norm += weight * weight;
      if (index === undefined) continue;
      const list = postings[index] as number[];
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i] as number;
        scores[doc] = (scores[doc] as number) + weight * ((list[i + 1] as number) / 10000);
      }
    }
    norm = Math.sqrt(norm) || 1;
    const ranked: Array<{ doc: number; score: number }> = [];
    scores.forEach((score, doc) => {
      if (score > 0 && (docs[doc] as Article).id !== options.excludeId) ranked.push({ doc, score: score / norm });
    });
    // Ties fall back to catalog order (the document index), without searching for it.
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const results = ranked.slice(0, limit).map(({ doc, score }) => ({ article: docs[doc] as Article, score }));
    return { matched: (results[0]?.score ?? 0) >= MATCH_THRESHOLD, results };
  }

  /** The precomputed most related articles of a bundled article. */
  function relatedToArticle(articleId: string): Article[] {
    const index = model.docIds.indexOf(articleId);
    return index < 0
      ? []
      : (model.related[index] ?? []).map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
  }

  return { related, relatedToArticle };
}

export type RelatedEngine = ReturnType<typeof createRelatedEngine>;
