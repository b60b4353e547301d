import { getSynonymTable } from '@/lib/search/synonyms';
import { pairTerm, type QueryWord, termsOfWord } from '@/lib/search/text';
import type { Vocabulary } from '@/lib/search/vocabulary';

/** Relative worth of the ways a query word can match an index term. */
export const FACTOR = { exact: 1, prefix: 0.8, fuzzy: 0.7, synonym: 0.6, phrase: 0.5 } as const;
const MAX_PREFIX_TERMS = 40;

/** The index terms one query word (or word pair) may stand for: term index → factor. */
export type Candidates = Map<number, number>;

export function addCandidate(vocabulary: Vocabulary, candidates: Candidates, term: string, factor: number): void {
  const at = vocabulary.termIndex(term);
  if (at >= 0 && (candidates.get(at) ?? 0) < factor) candidates.set(at, factor);
}

/** Single-word terms that complete `prefix`, the closest completions first ("cach" → "cache" before "cachecontrol"). */
export function addPrefixCandidates(vocabulary: Vocabulary, candidates: Candidates, prefix: string): void {
  const { terms } = vocabulary;
  const matches: number[] = [];
  for (let at = vocabulary.lowerBound(prefix); at < terms.length && (terms[at] as string).startsWith(prefix); at++) {
    if (!(terms[at] as string).includes(' ')) matches.push(at); // single words only, not pairs
  }
  matches.sort((a, b) => (terms[a] as string).length - (terms[b] as string).length || a - b);
  for (const at of matches.slice(0, MAX_PREFIX_TERMS)) {
    if ((candidates.get(at) ?? 0) < FACTOR.prefix) candidates.set(at, FACTOR.prefix);
  }
}

/**
 * Stage 1: each query word's candidate terms as written: its exact terms, and for the last word
 * while typing, the terms it begins. Words left without candidates go to the typo stage.
 */
export function wordCandidates(vocabulary: Vocabulary, words: readonly QueryWord[], typing: boolean): Candidates[] {
  return words.map((word, position) => {
    const candidates: Candidates = new Map();
    for (const term of termsOfWord(word.surface)) addCandidate(vocabulary, candidates, term, FACTOR.exact);
    const isLast = position === words.length - 1;
    if (isLast && typing && word.surface.length >= 2) addPrefixCandidates(vocabulary, candidates, word.surface);
    return candidates;
  });
}

/** Synonyms: a query phrase also looks for its equivalents, at a discount (after typos, which see only what was written). */
export function addSynonymCandidates(
  vocabulary: Vocabulary,
  words: readonly QueryWord[],
  groups: readonly Candidates[],
): void {
  const queryTerms = words.map((word) => word.term);
  for (const entry of getSynonymTable()) {
    for (let start = 0; start + entry.phrase.length <= queryTerms.length; start++) {
      if (!entry.phrase.every((term, offset) => queryTerms[start + offset] === term)) continue;
      for (let offset = 0; offset < entry.phrase.length; offset++) {
        const group = groups[start + offset] as Candidates;
        for (const term of entry.alternativeTerms) addCandidate(vocabulary, group, term, FACTOR.synonym);
      }
    }
  }
}

/** Adjacent query words as index pairs ("vector databas"), for a phrase bonus; the last pair by prefix while typing. */
export function pairCandidates(vocabulary: Vocabulary, words: readonly QueryWord[], typing: boolean): Candidates[] {
  const { terms } = vocabulary;
  return words.slice(1).map((second, index) => {
    const first = words[index] as QueryWord;
    const candidates: Candidates = new Map();
    addCandidate(vocabulary, candidates, pairTerm(first.term, second.term), FACTOR.phrase);
    if (typing && index === words.length - 2) {
      const prefix = pairTerm(first.term, second.surface);
      for (
        let at = vocabulary.lowerBound(prefix);
        at < terms.length && (terms[at] as string).startsWith(prefix);
        at++
      ) {
        if (candidates.size >= MAX_PREFIX_TERMS) break;
        candidates.set(at, FACTOR.phrase * FACTOR.prefix);
      }
    }
    return candidates;
  });
}
