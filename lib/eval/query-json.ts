import type { Article } from '@/lib/corpus/article';
import type { SearchEngine } from '@/lib/search/engine';

/** One result as `npm run query` prints it. */
export function toJsonResult({ article, score }: { article: Article; score: number }) {
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    summary: article.summary,
    score: Number(score.toFixed(4)),
  };
}

export interface SearchJsonOptions {
  limit: number;
}

/**
 * The object `npm run query -- search` prints: `{query, tookMs, results}`. `tookMs` times the
 * search call alone.
 */
export function searchToJson(engine: SearchEngine, query: string, { limit }: SearchJsonOptions) {
  const started = performance.now();
  // A finished query from the command line: the last word is complete, not being typed.
  const { results } = engine.search(query, { limit, typing: false });
  const tookMs = performance.now() - started;
  return { query, tookMs: Number(tookMs.toFixed(3)), results: results.map(toJsonResult) };
}
