import { describe, expect, it } from 'vitest';
import { documentCount, documentsHolding } from '@/lib/search/vocabulary';
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

  it('lists the documents holding any of some terms, once each, and none for a term it lacks', () => {
    const holders = documentsHolding(smallVocabulary, ['databas', 'kubernet', 'zzz']);
    const databases = documentsHolding(smallVocabulary, ['databas']);
    expect(databases.size).toBe(documentCount(smallVocabulary, 'databas'));
    const kubernetes = documentsHolding(smallVocabulary, ['kubernet']);
    expect(kubernetes.size).toBe(documentCount(smallVocabulary, 'kubernet'));
    expect([...holders].sort()).toEqual([...new Set([...databases, ...kubernetes])].sort());
    expect(documentsHolding(smallVocabulary, ['zzz']).size).toBe(0);
  });
});
