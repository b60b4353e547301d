// @vitest-environment node
import { describe, expect, it } from 'vitest';
import spellingVariants from '@/assets/data/spelling-variants.json';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { stemWord, termsOfWord } from '@/lib/search/text';
import { buildSpellingVariants, englishSpellingVariants } from '@/scripts/cli/spelling-variants';

/** A dictionary accepting exactly `words`. */
const dictionary = (...words: string[]) => ({ correct: (word: string) => words.includes(word) });

describe('British spellings read in their American form (npm run index)', () => {
  it('pairs a word only the British dictionary accepts with the American form the rules lead to', () => {
    const american = dictionary('color', 'colors', 'analyze', 'center', 'maneuver', 'catalog');
    const british = dictionary('colour', 'colours', 'analyse', 'centre', 'manoeuvre', 'catalogue', 'catalog');
    expect(
      buildSpellingVariants(['colours', 'analyse', 'centre', 'manoeuvre', 'colour', 'Colour'], american, british),
    ).toEqual({ analyse: 'analyze', centre: 'center', colour: 'color', colours: 'colors', manoeuvre: 'maneuver' });
  });

  it('changes a word both dictionaries accept only into a form the British one refuses', () => {
    // "filling" → "filing" would join two words; "programme" → "program" is one word spelled two ways.
    const american = dictionary('filling', 'filing', 'programme', 'program');
    const british = dictionary('filling', 'filing', 'programme');
    expect(buildSpellingVariants(['filling', 'programme'], american, british)).toEqual({ programme: 'program' });
  });

  it('keeps only pairs the stemmer keeps apart', () => {
    // "modelled" and "modeled" both stem to "model": nothing to fold.
    expect(buildSpellingVariants(['modelled'], dictionary('modeled'), dictionary('modelled'))).toEqual({});
  });

  it('the committed table is exactly what the dictionaries build (never stale)', { timeout: 120_000 }, () => {
    const built = englishSpellingVariants();
    expect(built).toEqual(spellingVariants);
    expect(built).toMatchObject({
      colour: 'color',
      behaviour: 'behavior',
      organisation: 'organization',
      defence: 'defense',
    });
    expect(built).not.toHaveProperty('filling');
  });

  it('analyzes both spellings as one term, in queries and in the bundled index alike', () => {
    expect(stemWord('colour')).toBe(stemWord('color'));
    expect(termsOfWord('behaviours')).toEqual(termsOfWord('behaviors'));
    const engine = getBundledSearchEngine();
    const ids = (query: string) => engine.search(query, { typing: false }).results.map((result) => result.article.id);
    expect(ids('optimise database queries').length).toBeGreaterThan(0);
    expect(ids('optimise database queries')).toEqual(ids('optimize database queries'));
  });
});
