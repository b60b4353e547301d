import Fuse from 'fuse.js';
import { letterPairs } from '@/lib/search/build-index';
import { addCandidate, type Candidates, FACTOR } from '@/lib/search/candidates';
import { americanSpellingOf, pairTerm, type QueryWord, termsOfWord } from '@/lib/search/text';
import type { Vocabulary } from '@/lib/search/vocabulary';
import { createWordsInOrder } from '@/lib/search/words-in-order';

const MAX_FUZZY_WORDS = 3;
const FUZZY_THRESHOLD = 0.34;
const MIN_FUZZY_LENGTH = 4;
const MAX_TYPO_EDITS = 2;
const MAX_TYPO_CANDIDATES = 64;
/** How many of Fuse.js's best a correction is chosen from, per correction wanted (see `fuzzyWords`). */
const FUSE_SHORTLIST = 4;
/** From this length a word may hold two typos and still be recognised. */
const LONG_WORD = 8;
/** Two words agreeing on this many first letters may be one word with two endings. */
const MIN_SHARED_STEM = 6;
const NO_EVERYDAY_WORDS: ReadonlySet<string> = new Set();
/** A word this long that the library does not hold ("car", "fishing") tells an everyday query. */
const MIN_UNHELD_LENGTH = 3;

function commonPrefixLength(a: string, b: string): number {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  return at;
}

export interface FuzzyOptions {
  threshold: number;
  limit: number;
  /** How many of the best letter-pair candidates Fuse.js scores. */
  pool?: number;
  maxEdits?: number;
}

/**
 * For each word length, letter pair → the ids of the words of that length holding it: a typo changes
 * a word's length by at most its number of edits, so only a few lengths' lists are read, not the
 * lists of every word sharing a common pair ("er", "^s") in a large vocabulary.
 */
export type LengthGrams = Array<Map<string, number[] | Int32Array> | undefined>;

/** Lists word `id` under each of its letter pairs (ids must be added in increasing order). */
export function addLengthGrams(grams: LengthGrams, word: string, id: number): void {
  let byPair = grams[word.length];
  if (!byPair) {
    byPair = new Map();
    grams[word.length] = byPair;
  }
  for (const pair of new Set(letterPairs(word))) {
    const list = byPair.get(pair);
    if (!list) byPair.set(pair, [id]);
    else if (Array.isArray(list)) list.push(id);
    else byPair.set(pair, [...list, id]); // restored from flat arrays (see `restoreLengthGrams`)
  }
}

/** Letter-pair lists as a few flat arrays, to store them: group g is `pairs[g]` of words of `lengths[g]` letters, ids at [starts[g], starts[g + 1]). */
export interface FlatLengthGrams {
  /** Each group's pair, joined by line breaks (a word holds no white space). */
  pairs: string;
  lengths: Int32Array;
  starts: Int32Array;
  ids: Int32Array;
}

export function flattenLengthGrams(grams: LengthGrams): FlatLengthGrams {
  const pairs: string[] = [];
  const lengths: number[] = [];
  const starts = [0];
  let total = 0;
  grams.forEach((byPair, length) => {
    for (const [pair, list] of byPair ?? []) {
      pairs.push(pair);
      lengths.push(length);
      total += list.length;
      starts.push(total);
    }
  });
  const ids = new Int32Array(total);
  let at = 0;
  for (const byPair of grams)
    for (const list of byPair?.values() ?? []) {
      ids.set(list, at);
      at += list.length;
    }
  return { pairs: pairs.join('\n'), lengths: Int32Array.from(lengths), starts: Int32Array.from(starts), ids };
}

/** The lists again, each a view of the stored ids (copied to an array only when a word is added to it). */
export function restoreLengthGrams(flat: FlatLengthGrams): LengthGrams {
  const grams: LengthGrams = [];
  const pairs = flat.pairs === '' ? [] : flat.pairs.split('\n');
  pairs.forEach((pair, group) => {
    const length = flat.lengths[group] as number;
    let byPair = grams[length];
    if (!byPair) {
      byPair = new Map();
      grams[length] = byPair;
    }
    byPair.set(pair, flat.ids.subarray(flat.starts[group], flat.starts[group + 1]));
  });
  return grams;
}

export interface TypoWords {
  /** The words corrections are chosen from ('' for a word no longer used: it matches nothing). */
  words: readonly string[];
  /** Whether `words` are sorted (the bundled index's): then the words a prefix begins are found too. */
  sorted?: boolean;
  /** Built from `words` at the first correction when not given. */
  lengthGrams?: LengthGrams;
  /** The words a prefix begins, found by the index itself when its words are not sorted (a library's). */
  wordsBeginning?: (prefix: string, limit: number) => string[];
}

/** Typo corrections among the index's words: letter pairs narrow them down, Fuse.js scores the few left. */
export function createTypoMatcher(index: TypoWords) {
  const { words } = index;
  let grams = index.lengthGrams;
  const gramCounts = new Uint16Array(words.length);

  function lengthGrams(): LengthGrams {
    if (!grams) {
      const built: LengthGrams = [];
      for (const [id, word] of words.entries()) addLengthGrams(built, word, id);
      grams = built;
    }
    return grams;
  }

  /**
   * Words that could be `surface` with a typo or two: those sharing enough letter pairs (and of a
   * similar length), found through the pair lists of those lengths, best first.
   */
  function typoCandidates(surface: string, maxEdits: number): string[] {
    const pairs = [...new Set(letterPairs(surface))];
    const byLength = lengthGrams();
    const touched: number[] = [];
    for (let length = Math.max(1, surface.length - maxEdits); length <= surface.length + maxEdits; length++) {
      const byPair = byLength[length];
      if (!byPair) continue;
      for (const pair of pairs) {
        const list = byPair.get(pair);
        if (!list) continue;
        for (let at = 0; at < list.length; at++) {
          const word = list[at] as number;
          if (gramCounts[word] === 0) touched.push(word);
          gramCounts[word] = (gramCounts[word] as number) + 1;
        }
      }
    }
    // Each edit breaks at most two letter pairs.
    const needed = Math.max(1, pairs.length - 2 * maxEdits);
    const candidates: Array<{ word: number; shared: number }> = [];
    for (const word of touched) {
      const shared = gramCounts[word] as number;
      gramCounts[word] = 0;
      // The length again: a word no longer used is blanked, but stays in its length's lists.
      if (shared >= needed && Math.abs((words[word] as string).length - surface.length) <= maxEdits) {
        candidates.push({ word, shared });
      }
    }
    candidates.sort((a, b) => b.shared - a.shared || a.word - b.word);
    return candidates.slice(0, MAX_TYPO_CANDIDATES).map(({ word }) => words[word] as string);
  }

  /**
   * Fuse.js scores the few plausible corrections of a word; returns [word, 0..1 similarity, edits]
   * (edits past `MAX_TYPO_EDITS + 1` count as that), fewest edits first, then best scored. Fuse.js's Bitap counts two neighbours swapped as two errors, so
   * "likning" scores "living" as high as "linking": of its best few, the closest by edits come first.
   */
  function fuzzyWords(
    surface: string,
    { threshold, limit, pool = MAX_TYPO_CANDIDATES, maxEdits = MAX_TYPO_EDITS }: FuzzyOptions,
  ): Array<[string, number, number]> {
    const candidates = typoCandidates(surface, maxEdits).slice(0, pool);
    if (candidates.length === 0) return [];
    // Bitap counts two neighbours swapped as two errors, past the threshold in a short word ("cahce"
    // scores "cache" 0.4): Fuse.js looks one error further, and a word past the threshold is kept when
    // it is one edit away (a swap is one slip of the fingers).
    const looser = Math.min(1, threshold + 1 / surface.length);
    const fuse = new Fuse(candidates, {
      includeScore: true,
      threshold: looser,
      ignoreLocation: true,
      isCaseSensitive: true,
    });
    const scored = fuse
      .search(surface)
      .map((hit) => ({
        word: hit.item,
        similarity: 1 - (hit.score ?? 1),
        edits: editDistance(surface, hit.item, MAX_TYPO_EDITS + 1),
      }))
      .filter(({ similarity, edits }) => 1 - similarity <= threshold || edits <= 1)
      .slice(0, limit * FUSE_SHORTLIST);
    // Fuse.js's best `limit`, and a word from further down only when it is fewer edits away than all of
    // them: more words as close would only split the certainty ("breakr": "breaker", then "breaks").
    const best = scored.slice(0, limit);
    const closest = Math.min(...best.map(({ edits }) => edits));
    return [...best, ...scored.slice(limit).filter(({ edits }) => edits < closest)]
      .sort((a, b) => a.edits - b.edits)
      .slice(0, limit)
      .map(({ word, similarity, edits }): [string, number, number] => [word, similarity, edits]);
  }

  // The words a prefix begins: the index's own finder, else the sorted words read as they are.
  const wordsBeginning =
    index.wordsBeginning ??
    (index.sorted ? createWordsInOrder(words, (id) => words[id] !== '').wordsBeginning : () => []);
  return { fuzzyWords, wordsBeginning };
}

export type TypoMatcher = ReturnType<typeof createTypoMatcher>;

/**
 * Edits between two words (insert, delete, substitute, swap two neighbours: the optimal string
 * alignment distance), giving up past `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] as number) + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Whether `typed` is plausibly a slip of the fingers for `word`: one edit, two in a long word
 * (as spelling correctors allow). Fuse.js ranks looser corrections too ("wedding" → "embedding"),
 * but they say nothing about whether the query is about what the library covers. `edits`: the
 * distance already counted (at least up to 3), when the caller has it.
 */
export function isLikelyTypo(typed: string, word: string, edits?: number): boolean {
  // People seldom get a word's first letter wrong (swapping the first two is one edit).
  if (typed[0] !== word[0] && !(typed[0] === word[1] && typed[1] === word[0])) return false;
  const allowed = typed.length >= LONG_WORD ? 2 : 1;
  if ((edits ?? editDistance(typed, word, allowed)) <= allowed) return true;
  return isOtherEnding(typed, word) || isOtherDoubling(typed, word);
}

/** Letters doubled in the wrong places ("mozzila" for "mozilla", "tommorow"): one slip, however many edits. */
function isOtherDoubling(a: string, b: string): boolean {
  const single = (word: string) => word.replace(/(.)\1+/g, '$1');
  return a !== b && single(a) === single(b);
}

/** The same word with another ending ("autoscaler" for "autoscaling"): all but its last three letters agree. */
function isOtherEnding(a: string, b: string): boolean {
  const shared = commonPrefixLength(a, b);
  return shared >= MIN_SHARED_STEM && shared >= Math.max(a.length, b.length) - 3;
}

/**
 * Stage 2: a word the index does not know as written looks for the few words it may be a typo of.
 * An everyday English word ("tyre", "knots") beside another word the library does not hold ("car",
 * "fishing") is more likely meant as written than as a slip for a library word ("type", "knows"):
 * its corrections still rank, but are never sure. Among words the library holds ("redis cashing",
 * "scheme migrations") it stays a typo. Returns, by the position of each word corrected surely, the
 * edits of its correction: how far from what was typed this index read it.
 */
export function addTypoCandidates(
  vocabulary: Vocabulary,
  typos: TypoMatcher,
  words: readonly QueryWord[],
  groups: readonly Candidates[],
  {
    everydayWords = NO_EVERYDAY_WORDS,
    typing = false,
    namesEverydayThing = () => false,
    asWritten = () => false,
  }: {
    everydayWords?: ReadonlySet<string>;
    typing?: boolean;
    /** Whether a word, as typed, names a thing of everyday life: meant as written, never surely a slip. */
    namesEverydayThing?: (surface: string) => boolean;
    /** Whether the word at a position is meant as written (`RankOptions.meantAsWritten`): not corrected at all. */
    asWritten?: (position: number) => boolean;
  } = {},
): Array<number | undefined> {
  const corrected: number[] = [];
  const fewestEdits: Array<number | undefined> = [];
  /** Whether `correction`, at `position`, and the query word before or after it are a pair the index holds. */
  const pairsWithNeighbour = (correction: string, position: number) => {
    const term = termsOfWord(correction)[0] as string;
    const before = words[position - 1];
    const after = words[position + 1];
    return (
      (before !== undefined && vocabulary.termIndex(pairTerm(before.term, term)) >= 0) ||
      (after !== undefined && vocabulary.termIndex(pairTerm(term, after.term)) >= 0)
    );
  };
  words.forEach((word, position) => {
    const candidates = groups[position] as Candidates;
    const { surface } = word;
    // Fuse's Bitap pattern is limited to 32 characters; longer words are not typos worth fixing.
    if (candidates.size > 0 || surface.length < MIN_FUZZY_LENGTH || surface.length > 32 || asWritten(position)) return;
    const corrections = typos.fuzzyWords(surface, { threshold: FUZZY_THRESHOLD, limit: MAX_FUZZY_WORDS });
    // The closest likely corrections are what was meant: "lineraly" is "linearly" (one swap), not
    // "liberal" (two edits); with another ending of one of them ("postgress": "postgres", and
    // "postgresql" too). Several, of different words ("cake": "came", "case"), share the certainty.
    const edits = new Map(
      corrections
        .filter(([correction, , distance]) => isLikelyTypo(surface, correction, distance))
        .map(([correction, , distance]) => [correction, distance]),
    );
    const fewest = Math.min(...edits.values());
    if (edits.size > 0) fewestEdits[position] = fewest;
    const nearest = [...edits].filter(([, n]) => n === fewest).map(([correction]) => correction);
    const meant = new Set(
      [...edits.keys()].filter((c) => nearest.includes(c) || nearest.some((near) => isOtherEnding(c, near))),
    );
    const closest = new Set([...meant].map((c) => termsOfWord(c)[0]));
    // An everyday thing is meant as written, even beside words the library holds ("docker shoes" read
    // "shoes" surely as "shows"), and while it is typed: no word of the index begins with it. Unless
    // the correction and a word beside it are a pair the index holds: "tread pool" is "thread pool".
    const meantAsWritten = namesEverydayThing(surface) && ![...meant].some((c) => pairsWithNeighbour(c, position));
    for (const [correction, similarity] of corrections) {
      const certainty = meant.has(correction) && !meantAsWritten ? 1 / closest.size : 0;
      for (const term of termsOfWord(correction))
        addCandidate(vocabulary, candidates, term, FACTOR.fuzzy * similarity, certainty);
    }
    if (everydayWords.has(americanSpellingOf(surface))) corrected.push(position);
  });
  if (corrected.length > 0) unsureOfEverydayWords(words, groups, corrected, typing);
  return fewestEdits;
}

/** Everyday words corrected beside a word the library does not hold: their corrections are never sure. */
function unsureOfEverydayWords(
  words: readonly QueryWord[],
  groups: readonly Candidates[],
  corrected: readonly number[],
  typing: boolean,
): void {
  // A word being typed is not yet a word the library does not hold.
  const finished = (at: number) => !typing || at < words.length - 1;
  const unsure = groups.map((group) => ![...group.values()].some(({ certainty }) => certainty > 0));
  for (const position of corrected) {
    const unheldBeside = words.some(
      (other, at) => at !== position && other.surface.length >= MIN_UNHELD_LENGTH && unsure[at] && finished(at),
    );
    if (!unheldBeside) continue;
    const candidates = groups[position] as Candidates;
    for (const [term, candidate] of candidates) candidates.set(term, { ...candidate, certainty: 0 });
  }
}
