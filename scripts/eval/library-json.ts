import type { LibraryHit, LibraryIndex } from '@/lib/search/library-index';
import { writtenWords } from '@/lib/search/phrase';
import { holdsQuoted, quotedPhrases, searchPhrase } from '@/lib/search/quoted';
import { makeSnippet } from '@/lib/search/snippet';
import { misreadWords, splitByPhrase } from '@/lib/search/unified';

/** One library result as `npm run query -- library` prints it: the search result fields plus why and a snippet. */
function toJsonHit(hit: LibraryHit, snippet: string | null) {
  return {
    id: hit.itemId,
    title: hit.title,
    url: hit.url,
    score: Number(hit.score.toFixed(4)),
    reasons: hit.reasons,
    snippet,
  };
}

/**
 * `{query, tookMs, results, loose}` as `query -- search` prints, over a library; `tookMs` times the
 * search alone (snippets are made after, from each result's text).
 */
export function librarySearchToJson(
  index: LibraryIndex,
  texts: ReadonlyMap<string, string>,
  query: string,
  { limit, typing = false }: { limit: number; typing?: boolean },
) {
  const started = performance.now();
  const {
    results,
    loose,
    matchedTerms,
    termWeights: weights,
    prefix,
    wordReadings,
  } = index.search(query, {
    limit,
    typing,
  });
  const tookMs = performance.now() - started;
  // As in the popup (`withQueryPhrase`, `withQuotedHeld`): quoted phrases are required, the phrase looked for.
  const quoted = quotedPhrases(query);
  const phrase = searchPhrase(query, prefix !== null, misreadWords(query, wordReadings), quoted);
  const written = writtenWords(query);
  const held = (hit: LibraryHit) =>
    quoted.length === 0 || holdsQuoted([hit.title, texts.get(hit.itemId) ?? ''], quoted);
  const withSnippet = (hit: LibraryHit) => ({
    hit,
    snippet: makeSnippet(texts.get(hit.itemId) ?? '', matchedTerms, prefix, { phrase, weights, written }),
  });
  const toJson = ({ hit, snippet }: ReturnType<typeof withSnippet>) => toJsonHit(hit, snippet?.text ?? null);
  return {
    query,
    tookMs: Number(tookMs.toFixed(3)),
    // As in the popup: pages holding the query's words in a row first.
    results: splitByPhrase(results.filter(held).map(withSnippet), ({ snippet }) => snippet?.holdsPhrase === true)
      .flat()
      .map(toJson),
    loose: loose.filter(held).map(withSnippet).map(toJson),
  };
}
