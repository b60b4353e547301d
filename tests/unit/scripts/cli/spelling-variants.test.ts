// @vitest-environment node
import { describe, expect, it } from 'vitest';
import spellingVariants from '@/assets/data/spelling-variants.json';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { holdsPhrase, queryPhrase } from '@/lib/search/phrase';
import { americanSpellingOf, stemWord, termsOfWord } from '@/lib/search/text';
import { buildSpellingVariants, englishSpellingVariants } from '@/scripts/cli/spelling-variants';

/** A dictionary accepting exactly `words`. */
const dictionary = (...words: string[]) => ({ correct: (word: string) => words.includes(word) });

describe('British spellings read in their American form (npm run index)', () => {
  it('pairs a word only the British dictionary accepts with the American form the rules lead to', () => {
    const american = dictionary('color', 'colors', 'analyze', 'center', 'centered', 'maneuver', 'catalog');
    const british = dictionary(
      'colour',
      'colours',
      'analyse',
      'centre',
      'centred',
      'manoeuvre',
      'catalogue',
      'catalog',
    );
    const words = ['colours', 'analyse', 'centre', 'centred', 'manoeuvre', 'colour', 'Colour'];
    expect(buildSpellingVariants(words, american, british)).toEqual({
      words: {
        analyse: 'analyze',
        centre: 'center',
        centred: 'centered',
        colour: 'color',
        colours: 'colors',
        manoeuvre: 'maneuver',
      },
      stems: { analys: 'analyz', centr: 'center', colour: 'color', manoeuvr: 'maneuv' },
    });
  });

  it('changes a word both dictionaries accept only into a form the British one refuses', () => {
    // "filling" → "filing" would join two words; "programme" → "program" is one word spelled two ways.
    const american = dictionary('filling', 'filing', 'programme', 'program');
    const british = dictionary('filling', 'filing', 'programme');
    expect(buildSpellingVariants(['filling', 'programme'], american, british).words).toEqual({ programme: 'program' });
  });

  it('leaves a British stem alone when an American word has it too', () => {
    // "analyses" is also the plural of "analysis": its stem "analys" must stay, or the noun would move.
    const american = dictionary('analyze', 'analyses');
    const british = dictionary('analyse', 'analyses');
    expect(buildSpellingVariants(['analyse', 'analyses'], american, british)).toEqual({
      words: { analyse: 'analyze' },
      stems: {},
    });
  });

  it('the committed table is exactly what the dictionaries build (never stale), and joins no two words', {
    timeout: 120_000,
  }, () => {
    const built = englishSpellingVariants();
    expect(built).toEqual(spellingVariants);
    expect(built.words).toMatchObject({ colour: 'color', behaviour: 'behavior', organisation: 'organization' });
    // Other words the rules would take for spellings: "prise" is no "prize", "haem" no "hem", a Latin
    // plural no word of its own, "snowshoed" no "snowshed", "filling" no "filing".
    for (const word of ['prise', 'prised', 'haem', 'reprised', 'novenae', 'snowshoed', 'filling'])
      expect(built.words).not.toHaveProperty(word);
  });

  it('reads every form of a British word as one term with the American ones', () => {
    for (const family of [
      ['centre', 'centred', 'centring', 'centres', 'center', 'centered', 'centering'],
      ['catalogue', 'catalogued', 'cataloguing', 'catalog', 'cataloged'],
      ['manoeuvre', 'manoeuvred', 'manoeuvring', 'maneuver', 'maneuvered'],
      ['colour', 'colours', 'coloured', 'color', 'colored'],
      ['organise', 'organised', 'organising', 'organize', 'organized'],
    ])
      expect(new Set(family.map(stemWord)), family.join(' ')).toHaveProperty('size', 1);
    expect(termsOfWord('behaviours')).toEqual(termsOfWord('behaviors'));
    // A word the rules would take for a spelling keeps its own stem: "prised" (levered) is not "prized".
    expect(stemWord('prised')).not.toBe(stemWord('prized'));
  });

  it('answers both spellings alike: the bundled search, its word lists and phrases', () => {
    const engine = getBundledSearchEngine();
    const answer = (query: string) => {
      const response = engine.search(query, { typing: false });
      return { results: response.results.map((r) => r.article.id), loose: response.loose.map((r) => r.article.id) };
    };
    expect(answer('optimise database queries').results.length).toBeGreaterThan(0);
    expect(answer('optimise database queries')).toEqual(answer('optimize database queries'));
    // A thing of everyday life in either spelling ("tumor" is in the list, "tumour" is not).
    expect(americanSpellingOf('tumour')).toBe('tumor');
    expect(answer('tumour detection model')).toEqual(answer('tumor detection model'));
    // A phrase written one way is held by a text written the other way, also while typed.
    expect(holdsPhrase('Pick the color of the button first.', queryPhrase('the colour of the', false)!)).toBe(true);
    expect(holdsPhrase('Pick the colour of the button.', queryPhrase('pick the colo', true)!)).toBe(true);
    expect(holdsPhrase('Pick the colour of the button.', queryPhrase('pick the colou', true)!)).toBe(true);
  });
});
