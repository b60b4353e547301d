/**
 * Words that name things of everyday life ("toilet", "faucet", "album", "restaurant", "canada"): nouns
 * everyday speech says at least forty times as often as the manuals Debian ships do. A query naming
 * such a thing that the library never mentions is about that thing, whatever else an article shares
 * with it ("toilet tank leak fix" is not about memory leaks; see `CONFIDENCE.wholeShare` and
 * `isAbout`). Written to `assets/data/everyday-things.json` by `npm run documentation-words`, beside
 * the words of every manual (it reads the same pages).
 *
 * Why both sources: speech alone would take "keyboard", "printer" or "router" for everyday things, and
 * they are words of a developer's question as much as "timeout"; the manuals say them. Why nouns
 * only: a developer's question in plain words is full of verbs and adjectives speech says more than
 * manuals ("memory keeps climbing", "the restore took all night", "worried about security holes"),
 * and they tell how, not what about. Which words are nouns: wink-lexicon (each common English word's
 * most frequent part of speech, from fnTBL and WordNet); a word it does not list is taken for a noun
 * unless it reads as a verb or adverb form ("-ing", "-ed", "-ly").
 */
import { createRequire } from 'node:module';
import { MIN_TELLING_LENGTH } from '@/lib/search/candidates';
import { stemWord } from '@/lib/search/text';

/** How many times as often speech must say a word as the manuals do (per million words each), as log10: 40×. */
export const EVERYDAY_THING_RATIO = 1.6;
/** Words speech says less often than this per million are left out (rare words: a name, not a thing of daily life). */
const MIN_SPEECH_PER_MILLION = 0.3;
/** What both frequencies are smoothed by (per million), so that a word neither says is not a thing. */
const SMOOTHING_PER_MILLION = 0.1;

/** A manual's words, counted once per occurrence (stems, as the engine reads them). */
export interface ManualWordCounts {
  counts: ReadonlyMap<string, number>;
  total: number;
}

export interface SpokenWord {
  word: string;
  count: number;
}

/** Penn Treebank tags of nouns. */
const NOUN_TAGS = new Set(['NN', 'NNS', 'NNP', 'NNPS']);

interface EnglishLexicon {
  /** word → its parts of speech, most frequent first. */
  tags: Readonly<Record<string, readonly string[] | undefined>>;
  /** Irregular verb forms → their base ("took" → "take"); bases map to themselves. */
  irregularVerbs: Readonly<Record<string, string | undefined>>;
  /** WordNet's verb exceptions ("froze" → "freeze"). */
  verbExceptions: Readonly<Record<string, unknown>>;
}

let lexicon: EnglishLexicon | undefined;

function englishLexicon(): EnglishLexicon {
  if (!lexicon) {
    const require = createRequire(import.meta.url);
    lexicon = {
      tags: require('wink-lexicon/src/lexicon.js'),
      irregularVerbs: require('wink-lexicon/src/irregular-verbs.js'),
      verbExceptions: require('wink-lexicon/src/wn-verb-exceptions.js'),
    };
  }
  return lexicon;
}

/** Whether a word reads as a noun: most often one, by the lexicon; else not a verb or adverb form. */
export function readsAsNoun(word: string): boolean {
  const { tags, irregularVerbs, verbExceptions } = englishLexicon();
  const base = irregularVerbs[word];
  if ((base !== undefined && base !== word) || word in verbExceptions) return false;
  const parts = tags[word];
  if (parts) return NOUN_TAGS.has(parts[0] as string);
  return !/(ing|ed|ly)$/.test(word);
}

/**
 * The everyday things among the words of speech, as written (a query's words are checked as typed:
 * "climbing" is not "climb"), sorted; of MIN_TELLING_LENGTH letters or more, as shorter unknown words
 * weigh nothing in a query. Frequencies are per stem: speech's summed over the forms of a
 * word, the manuals' averaged per manual (each counts the same, as for the words of every manual).
 */
export function buildEverydayThings(
  manuals: readonly ManualWordCounts[],
  speech: readonly SpokenWord[],
  isNoun: (word: string) => boolean = readsAsNoun,
): string[] {
  const used = manuals.filter(({ total }) => total > 0);
  if (used.length === 0) return [];
  const manualPerMillion = (stem: string) =>
    used.reduce((sum, { counts, total }) => sum + ((counts.get(stem) ?? 0) / total) * 1e6, 0) / used.length;
  let spokenTotal = 0;
  const spokenByStem = new Map<string, number>();
  const words = new Set<string>();
  for (const { word, count } of speech) {
    const lower = word.toLowerCase();
    if (!/^[a-z]+$/.test(lower)) continue;
    spokenTotal += count;
    const stem = stemWord(lower);
    spokenByStem.set(stem, (spokenByStem.get(stem) ?? 0) + count);
    words.add(lower);
  }
  const things: string[] = [];
  for (const word of words) {
    if (word.length < MIN_TELLING_LENGTH) continue;
    const spoken = ((spokenByStem.get(stemWord(word)) ?? 0) / spokenTotal) * 1e6;
    if (spoken < MIN_SPEECH_PER_MILLION) continue;
    const ratio = Math.log10(
      (spoken + SMOOTHING_PER_MILLION) / (manualPerMillion(stemWord(word)) + SMOOTHING_PER_MILLION),
    );
    if (ratio >= EVERYDAY_THING_RATIO && isNoun(word)) things.push(word);
  }
  return things.sort();
}
