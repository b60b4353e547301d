import Fuse from 'fuse.js';
import type { Article } from '@/lib/corpus/article';
import { letterPairs, type SerializedSearchIndex } from '@/lib/search/build-index';
import { getSynonymTable } from '@/lib/search/synonyms';
import { analyzeQueryWords, pairTerm, type QueryWord, termsOfWord } from '@/lib/search/text';

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

/** Relative worth of the ways a query word can match an index term. */
const FACTOR = { exact: 1, prefix: 0.8, fuzzy: 0.7, synonym: 0.6, phrase: 0.5 } as const;
const MAX_PREFIX_TERMS = 40;
const MAX_FUZZY_WORDS = 3;
const FUZZY_THRESHOLD = 0.34;
const MIN_FUZZY_LENGTH = 4;
const SUGGEST_THRESHOLD = 0.6;
const SUGGEST_POOL = 5;
const MAX_TYPO_EDITS = 2;
const MAX_TYPO_CANDIDATES = 64;

type Candidates = Map<number, number>; // term index → factor

interface FuzzyOptions {
  threshold: number;
  limit: number;
  /** How many of the best letter-pair candidates Fuse.js scores. */
  pool?: number;
  maxEdits?: number;
}

/** The k best (score, then lower doc index first: catalog order breaks ties deterministically). */
function createTopK(k: number) {
  const kept: Array<{ doc: number; score: number }> = [];
  const better = (a: { doc: number; score: number }, b: { doc: number; score: number }) =>
    a.score > b.score || (a.score === b.score && a.doc < b.doc);
  return {
    offer(doc: number, score: number) {
      const item = { doc, score };
      if (kept.length === k && !better(item, kept[k - 1] as { doc: number; score: number })) return;
      let at = kept.length;
      while (at > 0 && better(item, kept[at - 1] as { doc: number; score: number })) at--;
      kept.splice(at, 0, item);
      if (kept.length > k) kept.pop();
    },
    items: () => kept,
  };
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function createSearchEngine(index: SerializedSearchIndex, articles: readonly Article[]) {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const docs = index.docIds.map((id) => {
    const article = byId.get(id);
    if (!article) throw new Error(`search index refers to unknown article "${id}"`);
    return article;
  });
  const { terms, postings, words } = index;
  const gramCounts = new Uint16Array(words.length);

  /**
   * Words that could be `surface` with a typo or two: those sharing enough letter pairs (and of a
   * similar length), found through the prebuilt pair index, best first.
   */
  function typoCandidates(surface: string, maxEdits: number): string[] {
    const pairs = [...new Set(letterPairs(surface))];
    const touched: number[] = [];
    for (const pair of pairs) {
      for (const word of index.wordGrams[pair] ?? []) {
        if (gramCounts[word] === 0) touched.push(word);
        gramCounts[word] = (gramCounts[word] as number) + 1;
      }
    }
    // Each edit breaks at most two letter pairs.
    const needed = Math.max(1, pairs.length - 2 * maxEdits);
    const candidates: Array<{ word: number; shared: number }> = [];
    for (const word of touched) {
      const shared = gramCounts[word] as number;
      gramCounts[word] = 0;
      if (shared >= needed && Math.abs((words[word] as string).length - surface.length) <= maxEdits) {
        candidates.push({ word, shared });
      }
    }
    candidates.sort((a, b) => b.shared - a.shared || a.word - b.word);
    return candidates.slice(0, MAX_TYPO_CANDIDATES).map(({ word }) => words[word] as string);
  }

  /** Fuse.js scores the few plausible corrections of a word; returns [word, 0..1 similarity]. */
  function fuzzyWords(
    surface: string,
    { threshold, limit, pool = MAX_TYPO_CANDIDATES, maxEdits = MAX_TYPO_EDITS }: FuzzyOptions,
  ): Array<[string, number]> {
    const candidates = typoCandidates(surface, maxEdits).slice(0, pool);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(candidates, { includeScore: true, threshold, ignoreLocation: true, isCaseSensitive: true });
    return fuse.search(surface, { limit }).map((hit) => [hit.item, 1 - (hit.score ?? 1)]);
  }

  function idf(term: number): number {
    const df = (postings[term] as number[]).length / 2;
    return Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
  }

  function termIndex(term: string): number {
    const at = lowerBound(terms, term);
    return terms[at] === term ? at : -1;
  }

  function addCandidate(candidates: Candidates, term: string, factor: number) {
    const at = termIndex(term);
    if (at >= 0 && (candidates.get(at) ?? 0) < factor) candidates.set(at, factor);
  }

  function addPrefixCandidates(candidates: Candidates, prefix: string) {
    const matches: number[] = [];
    for (let at = lowerBound(terms, prefix); at < terms.length && (terms[at] as string).startsWith(prefix); at++) {
      if (!(terms[at] as string).includes(' ')) matches.push(at); // single words only, not pairs
    }
    // Prefer the closest completions ("cach" → "cache" before "cachecontrol").
    matches.sort((a, b) => (terms[a] as string).length - (terms[b] as string).length || a - b);
    for (const at of matches.slice(0, MAX_PREFIX_TERMS)) {
      if ((candidates.get(at) ?? 0) < FACTOR.prefix) candidates.set(at, FACTOR.prefix);
    }
  }

  function addFuzzyCandidates(candidates: Candidates, surface: string) {
    // Fuse's Bitap pattern is limited to 32 characters; longer words are not typos worth fixing.
    if (surface.length < MIN_FUZZY_LENGTH || surface.length > 32) return;
    for (const [word, similarity] of fuzzyWords(surface, { threshold: FUZZY_THRESHOLD, limit: MAX_FUZZY_WORDS })) {
      for (const term of termsOfWord(word)) addCandidate(candidates, term, FACTOR.fuzzy * similarity);
    }
  }

  function candidatesFor(words: QueryWord[], typing: boolean): Candidates[] {
    const groups = words.map((word, position) => {
      const candidates: Candidates = new Map();
      for (const term of termsOfWord(word.surface)) addCandidate(candidates, term, FACTOR.exact);
      const isLast = position === words.length - 1;
      if (isLast && typing && word.surface.length >= 2) addPrefixCandidates(candidates, word.surface);
      if (candidates.size === 0) addFuzzyCandidates(candidates, word.surface);
      return candidates;
    });
    // Synonyms: a query phrase also looks for its equivalents, at a discount.
    const queryTerms = words.map((word) => word.term);
    for (const entry of getSynonymTable()) {
      for (let start = 0; start + entry.phrase.length <= queryTerms.length; start++) {
        if (!entry.phrase.every((term, offset) => queryTerms[start + offset] === term)) continue;
        for (let offset = 0; offset < entry.phrase.length; offset++) {
          const group = groups[start + offset] as Candidates;
          for (const term of entry.alternativeTerms) addCandidate(group, term, FACTOR.synonym);
        }
      }
    }
    return groups;
  }

  function pairCandidates(words: QueryWord[], typing: boolean): Candidates[] {
    return words.slice(1).map((second, index) => {
      const first = words[index] as QueryWord;
      const candidates: Candidates = new Map();
      addCandidate(candidates, pairTerm(first.term, second.term), FACTOR.phrase);
      if (typing && index === words.length - 2) {
        const prefix = pairTerm(first.term, second.surface);
        for (let at = lowerBound(terms, prefix); at < terms.length && (terms[at] as string).startsWith(prefix); at++) {
          if (candidates.size >= MAX_PREFIX_TERMS) break;
          candidates.set(at, FACTOR.phrase * FACTOR.prefix);
        }
      }
      return candidates;
    });
  }

  function search(query: string, options: SearchOptions = {}): SearchResponse {
    const limit = options.limit ?? 20;
    const typing = options.typing ?? !/\s$/.test(query);
    const accept = (doc: number) => {
      const article = docs[doc] as Article;
      return (
        (!options.topic || article.topic === options.topic) && (!options.tag || article.tags.includes(options.tag))
      );
    };
    const words = analyzeQueryWords(query).slice(0, 32);
    if (words.length === 0) {
      // No words: a filter alone lists its articles; nothing at all finds nothing.
      const results = options.topic || options.tag ? browse(accept, limit) : [];
      return { results, matchedTerms: new Set(), prefix: null };
    }

    const groups = candidatesFor(words, typing);
    // Words count by how specific they are (idf), so filler words ("look", "like") barely matter,
    // and words the library does not contain at all do not count against anything. A word found as
    // typed counts as itself: a rare completion or synonym ("code" → "codereview") must not make a
    // common word weigh more than the query's specific words.
    const groupWeights = groups.map((group) => {
      let exact = 0;
      let any = 0;
      for (const [term, factor] of group) {
        any = Math.max(any, factor * idf(term));
        if (factor === FACTOR.exact) exact = Math.max(exact, idf(term));
      }
      return exact > 0 ? exact : any;
    });
    const total = new Float64Array(docs.length);
    const matched = new Uint8Array(docs.length);
    const coveredWeight = new Float64Array(docs.length);
    const best = new Float64Array(docs.length);
    const touched: number[] = [];
    const matchedTerms = new Set<string>();
    for (const [groupIndex, group] of groups.entries()) {
      const groupDocs: number[] = [];
      const groupWeight = groupWeights[groupIndex] as number;
      for (const [term, factor] of group) {
        matchedTerms.add(terms[term] as string);
        const list = postings[term] as number[];
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i] as number;
          const score = factor * (list[i + 1] as number);
          if (best[doc] === 0) groupDocs.push(doc);
          if (score > (best[doc] as number)) best[doc] = score;
        }
      }
      for (const doc of groupDocs) {
        if (matched[doc] === 0) touched.push(doc);
        total[doc] = (total[doc] as number) + (best[doc] as number);
        matched[doc] = (matched[doc] as number) + 1;
        coveredWeight[doc] = (coveredWeight[doc] as number) + groupWeight;
        best[doc] = 0;
      }
    }

    // Words typed next to each other that also stand next to each other in an article add a bonus.
    for (const pair of pairCandidates(words, typing)) {
      for (const [term, factor] of pair) {
        const list = postings[term] as number[];
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i] as number;
          if (matched[doc] !== 0) total[doc] = (total[doc] as number) + factor * (list[i + 1] as number);
        }
      }
    }

    // A document matching more of the query's words outranks one matching a single word strongly.
    const totalWeight = groupWeights.reduce((sum, w) => sum + w, 0) || 1;
    const top = createTopK(limit);
    for (const doc of touched) {
      if (!accept(doc)) continue;
      const coverage = (coveredWeight[doc] as number) / totalWeight;
      top.offer(doc, ((total[doc] as number) / 1000) * coverage * coverage);
    }
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
    const words = analyzeQueryWords(query);
    let changed = false;
    const corrected = words.map((word) => {
      if (termsOfWord(word.surface).some((term) => termIndex(term) >= 0) || word.surface.length < 3)
        return word.surface;
      // Only the words sharing the most letter pairs: a looser threshold must not pick a short,
      // common word ("thing" for "thndrng").
      const [best] = fuzzyWords(word.surface, {
        threshold: SUGGEST_THRESHOLD,
        limit: 1,
        pool: SUGGEST_POOL,
        maxEdits: 3,
      });
      if (!best) return word.surface;
      changed = true;
      return best[0];
    });
    return changed ? corrected.join(' ') : null;
  }

  return { search, suggest, size: docs.length };
}

export type SearchEngine = ReturnType<typeof createSearchEngine>;
