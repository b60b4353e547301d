import { describe, expect, it } from 'vitest';
import { FACTOR, wordCandidates } from '@/lib/search/candidates';
import { addTypoCandidates, createTypoMatcher } from '@/lib/search/typo';
import { named, smallIndex, smallVocabulary, words } from './small-index';

const typos = createTypoMatcher(smallIndex);

describe('typo stage', () => {
  it('scores the few plausible corrections of a word, best first', () => {
    const [best] = typos.fuzzyWords('kuberntes', { threshold: 0.34, limit: 3 });
    expect(best?.[0]).toBe('kubernetes');
    expect(best?.[1]).toBeGreaterThan(0.5);
    expect(best?.[1]).toBeLessThan(1);
    expect(typos.fuzzyWords('qqqqzzzz', { threshold: 0.34, limit: 3 })).toEqual([]);
  });

  it('corrects only the words without candidates, at a discount by similarity', () => {
    const query = words('kuberntes rollout');
    const groups = wordCandidates(smallVocabulary, query, false);
    addTypoCandidates(smallVocabulary, typos, query, groups);
    const corrected = named(groups[0]!);
    expect(Object.keys(corrected)).toContain('kubernet');
    expect(corrected.kubernet).toBeLessThan(FACTOR.fuzzy);
    expect(named(groups[1]!)).toEqual({ rollout: FACTOR.exact }); // known as written: left alone
  });

  it('leaves short words alone (too many three-letter words are one edit apart)', () => {
    const query = words('dbx');
    const groups = wordCandidates(smallVocabulary, query, false);
    addTypoCandidates(smallVocabulary, typos, query, groups);
    expect(groups[0]!.size).toBe(0);
  });
});
