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
  /** Treat the last word as unfinished, as the popup does while typing (`--typing`). */
  typing?: boolean;
}

/**
 * The object `npm run query -- search` prints: `{query, tookMs, results, loose}`. `results` is
 * empty when nothing in the library is about the query; `loose` holds what is only loosely
 * related (never counted as results). `tookMs` times the search call alone.
 */
export function searchToJson(engine: SearchEngine, query: string, { limit, typing = false }: SearchJsonOptions) {
  const started = performance.now();
  // From the command line a query is finished unless --typing says its last word is not.
  const { results, loose } = engine.search(query, { limit, typing });
  const tookMs = performance.now() - started;
  return {
    query,
    tookMs: Number(tookMs.toFixed(3)),
    results: results.map(toJsonResult),
    loose: loose.map(toJsonResult),
  };
}
