/**
 * British spellings and their American forms ("colour" → "color", "analysed" → "analyzed",
 * "catalogue" → "catalog"): search reads a word in its American form, so a saved page from a British
 * site is found by "color" and an American one by "colour". Written to
 * `assets/data/spelling-variants.json` by `npm run index`, before the search index (whose terms it
 * changes): the word pairs (for lists of words as written, and phrases), and the stems they give
 * (what analysis reads: a British stem stands for every form of the word, "centred" and "centring"
 * as well as "centre", and is left out when an American word has that stem too).
 *
 * From the Hunspell dictionaries (`dictionary-en`, `dictionary-en-gb` through `nspell`) over
 * `word-list`: a word only the British one accepts is rewritten by the usual spelling rules until the
 * American one accepts it. A word both accept ("travelled", "programme") is rewritten by the few
 * rules that only ever change spelling, and only into a form the British one refuses, so "filling"
 * never becomes "filing".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import englishUs from 'dictionary-en';
import englishUk from 'dictionary-en-gb';
import nspell from 'nspell';
import { stemmer } from 'stemmer';
import wordListPath from 'word-list';
import { isMainModule } from '@/scripts/cli/is-main';

type Rule = readonly [RegExp, string];

/** British to American spelling rules, for a word only the British dictionary accepts. */
const BRITISH_ONLY_RULES: readonly Rule[] = [
  [/our/g, 'or'], // colour, behaviour, favourite
  [/is(?=[aei])/g, 'iz'], // organise, organisation, realising
  [/ys(?=[aei])/g, 'yz'], // analyse, paralysed
  [/tre(?=s?$|fold|piece)/g, 'ter'], // centre, theatres, centrepiece
  [/re(?=s?$|ly$|ness$)/g, 'er'], // fibre, meagre, manoeuvre (with "oe")
  [/red$/g, 'ered'], // centred, manoeuvred
  [/([^aeiou])ring$/g, '$1ering'], // centring, manoeuvring
  [/ogue/g, 'og'], // catalogue
  [/ogued$/g, 'oged'], // catalogued
  [/oguing$/g, 'oging'], // cataloguing
  [/ae(?=.)/g, 'e'], // anaemia, paediatric (not a Latin plural: "novenae")
  [/oe(?![ds]?$)/g, 'e'], // oestrogen, manoeuvre (not "snowshoed")
  [/ll/g, 'l'], // woollen, marvellous
  [/ence/g, 'ense'], // defence, licence, offence
  [/mme/g, 'm'], // programme
  [/ement/g, 'ment'], // judgement
  [/ou(?=l)/g, 'o'], // mould, smoulder
  [/ery$/g, 'ry'], // jewellery (with "ll")
];

/** Rules that only ever change spelling, for a word both dictionaries accept. */
const SHARED_WORD_RULES: readonly Rule[] = [
  [/ll(?=ed$|ing$|er$|ers$)/g, 'l'], // travelled, cancelling, modeller
  [/mme(?=s?$)/g, 'm'], // programme, programmes
  [/ogue(?=s?$)/g, 'og'], // catalogue, dialogue
  [/ogued$/g, 'oged'], // catalogued
];

/**
 * British words the rules would take for another word's spelling: "prise" (to lever open) is no
 * "prize", "haem" (American "heme") no "hem", "fayre" no "fayer", "reprised" no "reprized".
 */
const OTHER_WORDS = new Set([
  'prise',
  'prised',
  'prises',
  'prising',
  'haem',
  'haems',
  'fayre',
  'fayres',
  'reprised',
  'matres',
]);

/** At most this many rules change one word ("manoeuvres": "oe", then "re"). */
const MAX_RULES_PER_WORD = 3;

interface Dictionary {
  correct(word: string): boolean;
}

/** The American form of `word` by `rules` (breadth first: the fewest changes win), if `isAmerican` accepts one. */
function americanForm(word: string, rules: readonly Rule[], isAmerican: (word: string) => boolean): string | null {
  let frontier = [word];
  const seen = new Set(frontier);
  for (let depth = 0; depth < MAX_RULES_PER_WORD; depth++) {
    const next: string[] = [];
    for (const written of frontier)
      for (const [pattern, replacement] of rules) {
        const changed = written.replace(pattern, replacement);
        if (seen.has(changed)) continue;
        if (isAmerican(changed)) return changed;
        seen.add(changed);
        next.push(changed);
      }
    frontier = next;
  }
  return null;
}

/** The word pairs and the stem pairs, as `assets/data/spelling-variants.json` holds them. */
export interface SpellingVariants {
  /** British word → American word, sorted by the British word. */
  words: Record<string, string>;
  /** British stem → American stem (Porter, `stemmer`), sorted by the British stem. */
  stems: Record<string, string>;
}

const sortedRecord = (pairs: Iterable<[string, string]>) =>
  Object.fromEntries([...pairs].sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * Every British spelling among `words` with its American form, and the stems they give where the
 * two stem apart. A British stem some other word the American dictionary accepts has too ("metr"
 * is no American stem; one that were would change that word's search) or that two American stems
 * claim is left out.
 */
export function buildSpellingVariants(
  words: Iterable<string>,
  american: Dictionary,
  british: Dictionary,
): SpellingVariants {
  const candidates = [...words].filter((word) => /^[a-z]{4,}$/.test(word));
  const pairs = new Map<string, string>();
  for (const word of candidates) {
    if (OTHER_WORDS.has(word) || !british.correct(word)) continue;
    const onlyBritish = !american.correct(word);
    const form = onlyBritish
      ? americanForm(word, BRITISH_ONLY_RULES, (changed) => american.correct(changed))
      : americanForm(word, SHARED_WORD_RULES, (changed) => american.correct(changed) && !british.correct(changed));
    if (form) pairs.set(word, form);
  }
  const stems = new Map<string, string | null>();
  for (const [word, form] of pairs) {
    const [from, to] = [stemmer(word), stemmer(form)];
    if (from === to) continue;
    stems.set(from, stems.has(from) && stems.get(from) !== to ? null : to);
  }
  // An American word (not itself a British spelling) with a British stem: that stem stays as it is.
  for (const word of candidates)
    if (!pairs.has(word) && stems.has(stemmer(word)) && american.correct(word)) stems.set(stemmer(word), null);
  return {
    words: sortedRecord(pairs),
    stems: sortedRecord([...stems].filter((pair): pair is [string, string] => pair[1] !== null)),
  };
}

/** `buildSpellingVariants` over `word-list` with the US and UK Hunspell dictionaries. */
export function englishSpellingVariants(): SpellingVariants {
  const dictionaryOf = ({ aff, dic }: { aff: Uint8Array; dic: Uint8Array }): Dictionary =>
    nspell({ aff: Buffer.from(aff), dic: Buffer.from(dic) });
  const [american, british] = [dictionaryOf(englishUs), dictionaryOf(englishUk)];
  return buildSpellingVariants(readFileSync(wordListPath, 'utf8').split('\n'), american, british);
}

if (isMainModule(import.meta.filename)) {
  const target = resolve('assets/data/spelling-variants.json');
  const variants = englishSpellingVariants();
  writeFileSync(target, `${JSON.stringify(variants)}\n`);
  console.log(
    `wrote ${Object.keys(variants.words).length} British spellings with their American forms (${Object.keys(variants.stems).length} stems) to ${target}`,
  );
}
