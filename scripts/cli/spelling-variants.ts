/**
 * British spellings and their American forms ("colour" → "color", "analysed" → "analyzed",
 * "catalogue" → "catalog"): search reads a word in its American form, so a saved page from a British
 * site is found by "color" and an American one by "colour". Written to
 * `assets/data/spelling-variants.json` by `npm run index`, before the search index (whose terms it
 * changes), and only pairs the stemmer would keep apart ("travelled" and "traveled" are one stem
 * already).
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
  [/tre(?=s?$|d$|fold|piece)/g, 'ter'], // centre, theatres, centrepiece
  [/tring$/g, 'tering'], // centring
  [/re(?=s?$|d$|ly$|ness$)/g, 'er'], // fibre, meagre, manoeuvre (with "oe")
  [/ogue/g, 'og'], // catalogue
  [/ae/g, 'e'], // anaemia, paediatric
  [/oe/g, 'e'], // oestrogen, manoeuvre
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

/**
 * Every British spelling among `words` with its American form, where the two stem apart; sorted by
 * the British word.
 */
export function buildSpellingVariants(words: Iterable<string>, american: Dictionary, british: Dictionary) {
  const variants: [string, string][] = [];
  for (const word of words) {
    if (!/^[a-z]{4,}$/.test(word) || !british.correct(word)) continue;
    const onlyBritish = !american.correct(word);
    const form = onlyBritish
      ? americanForm(word, BRITISH_ONLY_RULES, (changed) => american.correct(changed))
      : americanForm(word, SHARED_WORD_RULES, (changed) => american.correct(changed) && !british.correct(changed));
    if (form && stemmer(form) !== stemmer(word)) variants.push([word, form]);
  }
  return Object.fromEntries(variants.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** `buildSpellingVariants` over `word-list` with the US and UK Hunspell dictionaries. */
export function englishSpellingVariants(): Record<string, string> {
  const dictionaryOf = ({ aff, dic }: { aff: Uint8Array; dic: Uint8Array }): Dictionary =>
    nspell({ aff: Buffer.from(aff), dic: Buffer.from(dic) });
  const [american, british] = [dictionaryOf(englishUs), dictionaryOf(englishUk)];
  return buildSpellingVariants(readFileSync(wordListPath, 'utf8').split('\n'), american, british);
}

if (isMainModule(import.meta.filename)) {
  const target = resolve('assets/data/spelling-variants.json');
  const variants = englishSpellingVariants();
  writeFileSync(target, `${JSON.stringify(variants)}\n`);
  console.log(`wrote ${Object.keys(variants).length} British spellings with their American forms to ${target}`);
}
