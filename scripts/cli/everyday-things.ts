/**
 * Words that name things of everyday life ("toilet", "faucet", "kitchen", "restaurant", "weekend"):
 * nouns everyday speech says at least forty times as often as the manuals Debian ships do, per
 * million words other than stop words. A query naming such a thing that the library never mentions,
 * beside common words an article shares one by one, is about that thing ("toilet tank leak fix" is not
 * about memory leaks; see `isAbout`). Written to `assets/data/everyday-things.json` by `npm run
 * documentation-words`, beside the words of every manual (it reads the same pages).
 *
 * Why both sources: speech alone would take "keyboard", "printer" or "router" for everyday things, and
 * they are words of a developer's question as much as "timeout"; the manuals say them. Why nouns
 * only: a developer's question in plain words is full of verbs and adjectives speech says more than
 * manuals ("memory keeps climbing", "the restore took all night", "worried about security holes"),
 * and they tell how, not what about. Which words are nouns: the dev dependency wink-lexicon, its
 * common words' most frequent part of speech (from fnTBL), else WordNet's senses of the word.
 */
import { createRequire } from 'node:module';
import { isStopWord, stemWord } from '@/lib/search/text';
import type { SpokenWord } from '@/scripts/cli/everyday-words';

/** How many times as often speech must say a word as the manuals do (per million words each), as log10: 40×. */
export const EVERYDAY_THING_RATIO = 1.6;
/** Words speech says less often than this per million are left out (rare words: a name, not a thing of daily life). */
const MIN_SPEECH_PER_MILLION = 0.3;
/** Two-letter words ("ox", "tv") are too ambiguous to name anything. */
const MIN_THING_LENGTH = 3;
/**
 * Three-letter words are often abbreviations or parts of names in a developer's text ("message bus",
 * "ads", "ice"): they must be said a hundred times as often in speech as in the manuals ("car",
 * "cup", "oil" are; "bus" is not).
 */
const SHORT_THING_RATIO = 2;
/** What both frequencies are smoothed by (per million), so that a word neither says is not a thing. */
const SMOOTHING_PER_MILLION = 0.1;

/** A manual's words, counted once per occurrence (stems, as the engine reads them). */
export interface ManualWordCounts {
  counts: ReadonlyMap<string, number>;
  total: number;
}

/** Penn Treebank tags of nouns. */
const NOUN_TAGS = new Set(['NN', 'NNS', 'NNP', 'NNPS']);

interface EnglishLexicon {
  /** word → its parts of speech, most frequent first (common words only). */
  tags: Readonly<Record<string, readonly string[] | undefined>>;
  /** Irregular verb forms → their base ("took" → "take"); bases map to themselves. */
  irregularVerbs: Readonly<Record<string, string | undefined>>;
  /** WordNet's verb exceptions ("froze" → "freeze"). */
  verbExceptions: Readonly<Record<string, unknown>>;
  /** WordNet's irregular plurals ("mice" → "mouse"). */
  nounExceptions: Readonly<Record<string, string | undefined>>;
  /** WordNet's lemmas → their index in `lemmaSenses`. */
  lemmas: Readonly<Record<string, number | undefined>>;
  /** Per lemma, its senses' lexicographer files (indexes in `senseFiles`: "noun.artifact", "verb.motion", …). */
  lemmaSenses: ReadonlyArray<readonly number[]>;
  senseFiles: readonly string[];
}

let lexicon: EnglishLexicon | undefined;

/** wink-lexicon's data files (its entry point loads all of them; these are the ones read here). */
function englishLexicon(): EnglishLexicon {
  if (!lexicon) {
    const require = createRequire(import.meta.url);
    const data = (name: string) => require(`wink-lexicon/src/${name}.js`);
    lexicon = {
      tags: data('lexicon'),
      irregularVerbs: data('irregular-verbs'),
      verbExceptions: data('wn-verb-exceptions'),
      nounExceptions: data('wn-noun-exceptions'),
      lemmas: data('wn-words'),
      lemmaSenses: data('wn-word-senses'),
      senseFiles: data('wn-senses'),
    };
  }
  return lexicon;
}

/** The word's possible singular lemmas: as written, an irregular plural's, or without a plural ending. */
function nounLemmas(word: string, nounExceptions: EnglishLexicon['nounExceptions']): string[] {
  const lemmas = [word];
  const irregular = nounExceptions[word];
  if (irregular) lemmas.push(irregular);
  if (word.endsWith('ies')) lemmas.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) lemmas.push(word.slice(0, -2));
  if (word.endsWith('s')) lemmas.push(word.slice(0, -1));
  return lemmas;
}

/**
 * Whether a word reads as a noun: most often one, by the lexicon of common words; else (a rarer
 * word) when WordNet knows it, or its singular, as a noun at all ("faucet", "gifts"). A word WordNet
 * does not know ("gonna", "toughest") or knows only as a verb or adjective ("memorize", "pathetic")
 * is not; nor is a verb's irregular form ("took", "froze").
 */
export function readsAsNoun(word: string): boolean {
  const { tags, irregularVerbs, verbExceptions } = englishLexicon();
  const base = irregularVerbs[word];
  if ((base !== undefined && base !== word) || word in verbExceptions) return false;
  const parts = tags[word];
  if (parts) return NOUN_TAGS.has(parts[0] as string);
  return hasNounSense(word);
}

/** Whether WordNet knows the word, or its singular, as a noun at all ("faucet", "gifts", "stove"). */
function hasNounSense(word: string): boolean {
  const { nounExceptions, lemmas, lemmaSenses, senseFiles } = englishLexicon();
  return nounLemmas(word, nounExceptions).some((lemma) => {
    const at = lemmas[lemma];
    return at !== undefined && (lemmaSenses[at] ?? []).some((file) => senseFiles[file]?.startsWith('noun.') === true);
  });
}

/** Speech's words as search weighs them: lowercase, of letters a–z, stop words left out. */
export function* wordsAsSearchReads(speech: readonly SpokenWord[]): Generator<SpokenWord> {
  for (const { word, count } of speech) {
    const lower = word.toLowerCase();
    if (/^[a-z]+$/.test(lower) && !isStopWord(lower)) yield { word: lower, count };
  }
}

/**
 * The everyday things among the words of speech, as written (a query's words are checked as typed:
 * "climbing" is not "climb"), sorted; of three letters or more ("car", "oil": a finished short word
 * naming a thing weighs in a query, see `withShortEverydayThings`). Both frequencies are per million words other than stop words (as the
 * engine reads text) and per stem: speech's summed over the noun forms of a word ("kids" is not
 * counted with "kidding"), the manuals' over every form, averaged per manual (each counts the same,
 * as for the words of every manual).
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
  const spokenNouns = new Map<string, number>();
  const nounsByStem = new Map<string, number>();
  for (const { word, count } of wordsAsSearchReads(speech)) {
    spokenTotal += count;
    if (word.length < MIN_THING_LENGTH || !isNoun(word)) continue;
    spokenNouns.set(word, (spokenNouns.get(word) ?? 0) + count);
    const stem = stemWord(word);
    nounsByStem.set(stem, (nounsByStem.get(stem) ?? 0) + count);
  }
  const perMillion = (count: number) => (count / spokenTotal) * 1e6;
  const things: string[] = [];
  for (const [word, count] of spokenNouns) {
    // Each word said often enough itself: a rare form of a common noun is rarer than a typo.
    if (perMillion(count) < MIN_SPEECH_PER_MILLION) continue;
    const stem = stemWord(word);
    const ratio = Math.log10(
      (perMillion(nounsByStem.get(stem) ?? 0) + SMOOTHING_PER_MILLION) /
        (manualPerMillion(stem) + SMOOTHING_PER_MILLION),
    );
    if (ratio >= (word.length === MIN_THING_LENGTH ? SHORT_THING_RATIO : EVERYDAY_THING_RATIO)) things.push(word);
  }
  return things.sort();
}

/** Penn Treebank tags of adverbs and of verbs' past forms. */
const HOW_TAGS = new Set(['RB', 'VBD', 'VBN']);

/**
 * Whether a word, as written, tells how rather than what about: an adverb or a verb's past form, by the
 * lexicon's most frequent part of speech ("constantly", "flooded", "exhausted"), or an irregular verb's
 * form the lexicon tags so or not at all ("woken", "frozen"); never a word WordNet has as a noun ("stove",
 * "dove", "rung": a noun first, whatever verb it is also the past of). Adjectives ("monthly", "wooden"),
 * gerunds ("knitting", "hiking") and words the lexicon does not know are not: many of them name a thing
 * or an activity of everyday life.
 */
export function tellsHow(word: string): boolean {
  const { tags, irregularVerbs } = englishLexicon();
  const first = tags[word]?.[0];
  const taggedHow = first !== undefined && HOW_TAGS.has(first);
  const base = irregularVerbs[word];
  const untaggedPastForm = first === undefined && base !== undefined && base !== word;
  return (taggedHow || untaggedPastForm) && !hasNounSense(word);
}

/**
 * The words of speech (a–z, stop words left out) that tell how (`tellsHow`), lowercase, sorted: search
 * reads a query word with them without a lexicon in the extension (`EverydaySpeech.tellsHow`). Written to
 * `assets/data/words-telling-how.json` by `npm run index`.
 */
export function buildWordsTellingHow(
  speech: readonly SpokenWord[],
  isHow: (word: string) => boolean = tellsHow,
): string[] {
  const words = new Set<string>();
  for (const { word } of wordsAsSearchReads(speech)) if (isHow(word)) words.add(word);
  return [...words].sort();
}
