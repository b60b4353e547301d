import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '@/lib/search/build-index';
import { suggestCorrection } from '@/lib/search/suggest';
import { createTypoMatcher } from '@/lib/search/typo';
import { createVocabulary } from '@/lib/search/vocabulary';
import { SMALL_DOCUMENTS, smallIndex, smallVocabulary } from './small-index';

const typos = createTypoMatcher(smallIndex);
const suggest = (query: string) => suggestCorrection(smallVocabulary, typos, query);

describe('suggest stage ("Did you mean")', () => {
  it('replaces each unknown word with its closest known word and keeps the known ones', () => {
    expect(suggest('kuberntes rollout')).toBe('kubernetes rollout');
    expect(suggest('thundring hrd')).toBe('thundering herd');
    expect(suggest('thundring zq')).toBe('thundering zq'); // two letters: too short to guess
  });

  it('prefers corrections that make a pair the index holds over the closest word alone', () => {
    // "hrd" is as close to "hard" as to "herd"; with "hard" in the index too, "thundering herd" is its pair.
    const withHard = buildSearchIndex([
      ...SMALL_DOCUMENTS,
      { id: 'hard', title: 'Hard problems', keywords: 'hard', summary: 'Some problems are hard.' },
    ]);
    const suggestHere = (query: string) =>
      suggestCorrection(createVocabulary(withHard), createTypoMatcher(withHard), query);
    expect(suggestHere('thndrng hrd')).toBe('thundering herd');
    expect(suggestHere('hrd problms')).toBe('hard problems');
  });

  it('suggests nothing when every word is known, or nothing is close', () => {
    expect(suggest('vector database')).toBeNull();
    expect(suggest('zzzzqqqq')).toBeNull();
    expect(suggest('')).toBeNull();
  });
});

describe('suggest stage: only plausible misspellings', () => {
  it('corrects a slip of the fingers and letters left out', () => {
    expect(suggest('kubrnts')).toBe('kubernetes');
    expect(suggest('databse')).toBe('database');
    expect(suggest('dbase')).toBe('database'); // letters left out, in order
  });
});
