import type { Article } from '@/lib/corpus/article';
import type { SerializedSearchIndex } from '@/lib/search/build-index';
import { addSynonymCandidates, pairCandidates, wordCandidates } from '@/lib/search/candidates';
import { scoreDocuments } from '@/lib/search/score';
import { suggestCorrection } from '@/lib/search/suggest';
import { analyzeQueryWords } from '@/lib/search/text';
import { createTopK } from '@/lib/search/top-k';
import { addTypoCandidates, createTypoMatcher } from '@/lib/search/typo';
import { createVocabulary } from '@/lib/search/vocabulary';

export interface SearchOptions {
  limit?: number;
  topic?: string;
  tag?: string;
  /**
   * Whether the last word may be unfinished (as-you-type), so it also matches as a prefix.
   * Default: true unless the query ends with a space.
   */
  typing?: boolean;
}

export interface SearchResult {
  article: Article;
  /** Higher is better; comparable within one query only. */
  score: number;
}

export interface SearchResponse {
  results: SearchResult[];
  /** Every index term the query matched (exactly, by prefix, by typo or synonym), for highlighting. */
  matchedTerms: ReadonlySet<string>;
  /** The last word as typed, when it was matched as a prefix. */
  prefix: string | null;
}

const MAX_QUERY_WORDS = 32;

/**
 * Search over a prebuilt index, as a pipeline: candidates (exact terms, prefixes while typing) →
 * typo corrections (and synonyms) → BM25F scores → the top k → "Did you mean" when asked.
 */
export function createSearchEngine(index: SerializedSearchIndex, articles: readonly Article[]) {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const docs = index.docIds.map((id) => {
    const article = byId.get(id);
    if (!article) throw new Error(`search index refers to unknown article "${id}"`);
    return article;
  });
  const vocabulary = createVocabulary(index);
  const typos = createTypoMatcher(index);

  function search(query: string, options: SearchOptions = {}): SearchResponse {
    const limit = options.limit ?? 20;
    const typing = options.typing ?? !/\s$/.test(query);
    const accept = (doc: number) => {
      const article = docs[doc] as Article;
      return (
        (!options.topic || article.topic === options.topic) && (!options.tag || article.tags.includes(options.tag))
      );
    };
    const words = analyzeQueryWords(query).slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) {
      // No words: a filter alone lists its articles; nothing at all finds nothing.
      const results = options.topic || options.tag ? browse(accept, limit) : [];
      return { results, matchedTerms: new Set(), prefix: null };
    }

    const groups = wordCandidates(vocabulary, words, typing);
    addTypoCandidates(vocabulary, typos, words, groups);
    addSynonymCandidates(vocabulary, words, groups);
    const { documents, matchedTerms } = scoreDocuments(vocabulary, groups, pairCandidates(vocabulary, words, typing));
    const top = createTopK(limit);
    for (const { doc, score } of documents) if (accept(doc)) top.offer(doc, score);
    const last = words.at(-1);
    return {
      results: top.items().map(({ doc, score }) => ({ article: docs[doc] as Article, score })),
      matchedTerms,
      prefix: typing && last ? last.surface : null,
    };
  }

  function browse(accept: (doc: number) => boolean, limit: number): SearchResult[] {
    const results: SearchResult[] = [];
    for (let doc = 0; doc < docs.length; doc++)
      if (accept(doc)) results.push({ article: docs[doc] as Article, score: 0 });
    return results.sort((a, b) => a.article.title.localeCompare(b.article.title)).slice(0, limit);
  }

  /** "Did you mean": the query with each unknown word replaced by its closest known word, or null. */
  function suggest(query: string): string | null {
    return suggestCorrection(vocabulary, typos, query);
  }

  return { search, suggest, size: docs.length };
}

export type SearchEngine = ReturnType<typeof createSearchEngine>;
