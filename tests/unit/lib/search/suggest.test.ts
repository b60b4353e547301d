import { describe, expect, it } from 'vitest';
import { suggestCorrection } from '@/lib/search/suggest';
import { createTypoMatcher } from '@/lib/search/typo';
import { smallIndex, smallVocabulary } from './small-index';

const typos = createTypoMatcher(smallIndex);
const suggest = (query: string) => suggestCorrection(smallVocabulary, typos, query);

describe('suggest stage ("Did you mean")', () => {
  it('replaces each unknown word with its closest known word and keeps the known ones', () => {
    expect(suggest('kuberntes rollout')).toBe('kubernetes rollout');
    expect(suggest('thundring hrd')).toBe('thundering herd');
    expect(suggest('thundring zq')).toBe('thundering zq'); // two letters: too short to guess
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
