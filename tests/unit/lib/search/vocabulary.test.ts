import { describe, expect, it } from 'vitest';
import { smallIndex, smallVocabulary } from './small-index';

describe('vocabulary (the index as the stages read it)', () => {
  it('finds a term by binary search, and says -1 for one it lacks', () => {
    const at = smallVocabulary.termIndex('kubernet');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(smallIndex.terms[at]).toBe('kubernet');
    expect(smallVocabulary.termIndex('kubernetes')).toBe(-1); // terms are stems
    expect(smallVocabulary.termIndex('zzz')).toBe(-1);
  });

  it('weighs a term used by one document above a term used by three', () => {
    const rare = smallVocabulary.idf(smallVocabulary.termIndex('kubernet'));
    const common = smallVocabulary.idf(smallVocabulary.termIndex('databas'));
    expect(rare).toBeGreaterThan(common);
    expect(common).toBeGreaterThan(0);
  });
});
