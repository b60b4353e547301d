import Fuse from 'fuse.js';
import { letterPairs, type SerializedSearchIndex } from '@/lib/search/build-index';
import { addCandidate, type Candidates, FACTOR } from '@/lib/search/candidates';
import { type QueryWord, termsOfWord } from '@/lib/search/text';
import type { Vocabulary } from '@/lib/search/vocabulary';

const MAX_FUZZY_WORDS = 3;
const FUZZY_THRESHOLD = 0.34;
const MIN_FUZZY_LENGTH = 4;
const MAX_TYPO_EDITS = 2;
const MAX_TYPO_CANDIDATES = 64;

export interface FuzzyOptions {
  threshold: number;
  limit: number;
  /** How many of the best letter-pair candidates Fuse.js scores. */
  pool?: number;
  maxEdits?: number;
}

/** Typo corrections among the index's words: letter pairs narrow them down, Fuse.js scores the few left. */
export function createTypoMatcher(index: Pick<SerializedSearchIndex, 'words' | 'wordGrams'>) {
  const { words, wordGrams } = index;
  const gramCounts = new Uint16Array(words.length);

  /**
   * Words that could be `surface` with a typo or two: those sharing enough letter pairs (and of a
   * similar length), found through the prebuilt pair index, best first.
   */
  function typoCandidates(surface: string, maxEdits: number): string[] {
    const pairs = [...new Set(letterPairs(surface))];
    const touched: number[] = [];
    for (const pair of pairs) {
      for (const word of wordGrams[pair] ?? []) {
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

  /** Fuse.js scores the few plausible corrections of a word; returns [word, 0..1 similarity], best first. */
  function fuzzyWords(
    surface: string,
    { threshold, limit, pool = MAX_TYPO_CANDIDATES, maxEdits = MAX_TYPO_EDITS }: FuzzyOptions,
  ): Array<[string, number]> {
    const candidates = typoCandidates(surface, maxEdits).slice(0, pool);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(candidates, { includeScore: true, threshold, ignoreLocation: true, isCaseSensitive: true });
    return fuse.search(surface, { limit }).map((hit) => [hit.item, 1 - (hit.score ?? 1)]);
  }

  return { fuzzyWords };
}

export type TypoMatcher = ReturnType<typeof createTypoMatcher>;

/** Stage 2: a word the index does not know as written looks for the few words it may be a typo of. */
export function addTypoCandidates(
  vocabulary: Vocabulary,
  typos: TypoMatcher,
  words: readonly QueryWord[],
  groups: readonly Candidates[],
): void {
  words.forEach((word, position) => {
    const candidates = groups[position] as Candidates;
    const { surface } = word;
    // Fuse's Bitap pattern is limited to 32 characters; longer words are not typos worth fixing.
    if (candidates.size > 0 || surface.length < MIN_FUZZY_LENGTH || surface.length > 32) return;
    for (const [correction, similarity] of typos.fuzzyWords(surface, {
      threshold: FUZZY_THRESHOLD,
      limit: MAX_FUZZY_WORDS,
    })) {
      for (const term of termsOfWord(correction)) addCandidate(vocabulary, candidates, term, FACTOR.fuzzy * similarity);
    }
  });
}
