import { describe, expect, it } from 'vitest';
import bundledIndex from '@/assets/data/search-index.json';
import { buildSearchIndex, type SerializedSearchIndex } from '@/lib/search/build-index';
import { FACTOR, wordCandidates } from '@/lib/search/candidates';
import { addTypoCandidates, createTypoMatcher, editDistance, isLikelyTypo } from '@/lib/search/typo';
import { createVocabulary } from '@/lib/search/vocabulary';
import { certainties, named, smallIndex, smallVocabulary, words } from './small-index';

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
    expect(certainties(groups[0]!).kubernet).toBe(1); // one letter left out: surely meant
    expect(named(groups[1]!)).toEqual({ rollout: FACTOR.exact }); // known as written: left alone
  });

  it('leaves short words alone (too many three-letter words are one edit apart)', () => {
    const query = words('dbx');
    const groups = wordCandidates(smallVocabulary, query, false);
    addTypoCandidates(smallVocabulary, typos, query, groups);
    expect(groups[0]!.size).toBe(0);
  });

  it('counts edits, a swap of neighbours as one', () => {
    expect(editDistance('restart', 'restart')).toBe(0);
    expect(editDistance('restrat', 'restart')).toBe(1);
    expect(editDistance('kuberntes', 'kubernetes')).toBe(1);
    expect(editDistance('wedding', 'embedding')).toBe(3);
    expect(editDistance('wedding', 'embedding', 1)).toBe(2); // gives up past the limit
  });

  it('tells a slip of the fingers from a different word', () => {
    expect(isLikelyTypo('thundring', 'thundering')).toBe(true);
    expect(isLikelyTypo('retyr', 'retry')).toBe(true);
    expect(isLikelyTypo('autoscaler', 'autoscaling')).toBe(true); // another ending
    expect(isLikelyTypo('wedding', 'embedding')).toBe(false);
    expect(isLikelyTypo('sanctions', 'functions')).toBe(false); // the first letter differs
    expect(isLikelyTypo('dough', 'enough')).toBe(false);
    // Letters doubled in the wrong places are one slip, though two edits in a short word.
    expect(isLikelyTypo('mozzila', 'mozilla')).toBe(true);
    expect(isLikelyTypo('tommorow', 'tomorrow')).toBe(true);
    expect(isLikelyTypo('sudan', 'sudden')).toBe(false);
  });

  it('is not sure of an everyday word’s correction beside a word the library does not hold (as "car tyre")', () => {
    const everydayWords = new Set(['kuberntes']); // stands for an everyday word here
    const correct = (text: string, options = {}) => {
      const query = words(text);
      const groups = wordCandidates(smallVocabulary, query, false);
      addTypoCandidates(smallVocabulary, typos, query, groups, options);
      return groups[0]!;
    };
    const plain = correct('kuberntes qqzzxx');
    expect(certainties(plain).kubernet).toBe(1); // a slip of the fingers
    const everyday = correct('kuberntes qqzzxx', { everydayWords });
    expect(named(everyday)).toEqual(named(plain)); // ranks as before
    expect(certainties(everyday).kubernet).toBe(0);
    // Among words the library holds, or alone, it stays a typo ("redis cashing"); so it does
    // beside a word still being typed.
    expect(certainties(correct('kuberntes rollout', { everydayWords })).kubernet).toBe(1);
    expect(certainties(correct('kuberntes', { everydayWords })).kubernet).toBe(1);
    expect(certainties(correct('kuberntes qqzzxx', { everydayWords, typing: true })).kubernet).toBe(1);
  });

  it('ranks with a far-fetched correction but is not sure of it', () => {
    const query = words('rallinf'); // two edits in a 7-letter word
    const groups = wordCandidates(smallVocabulary, query, false);
    addTypoCandidates(smallVocabulary, typos, query, groups);
    expect(Object.keys(named(groups[0]!))).toEqual(['roll']);
    expect(certainties(groups[0]!)).toEqual({ roll: 0 });
  });

  // Fuse.js's Bitap counts a swap of neighbours as two errors: "linking" ranked fifth for "likning".
  it('offers the corrections fewest edits away first', () => {
    const matcher = createTypoMatcher({ words: ['living', 'leaning', 'listing', 'lifting', 'linking'] });
    expect(matcher.fuzzyWords('likning', { threshold: 0.34, limit: 3 })[0]?.[0]).toBe('linking');
  });

  // Past the threshold by Bitap's count, one slip by ours: "cahce", "kakfa" found nothing.
  it('corrects neighbours swapped in a short word, but not two other errors', () => {
    const matcher = createTypoMatcher({ words: ['cache', 'kafka', 'redis', 'grpc'] });
    for (const [typed, meant] of [
      ['cahce', 'cache'],
      ['kakfa', 'kafka'],
      ['rdeis', 'redis'],
      ['gprc', 'grpc'],
    ] as const)
      expect(matcher.fuzzyWords(typed, { threshold: 0.34, limit: 3 })[0]?.[0]).toBe(meant);
    expect(matcher.fuzzyWords('cxcxe', { threshold: 0.34, limit: 3 })).toEqual([]);
  });

  it('is sure only of the closest likely corrections', () => {
    const index = buildSearchIndex([
      { id: 'a', title: 'Throughput grows linearly', keywords: '', summary: '' },
      { id: 'b', title: 'A liberal retry policy', keywords: '', summary: '' },
    ]);
    const vocabulary = createVocabulary(index);
    const query = words('lineraly'); // one swap from "linearly", two edits from "liberal"
    const groups = wordCandidates(vocabulary, query, false);
    const edits = addTypoCandidates(vocabulary, createTypoMatcher(index), query, groups);
    const sure = Object.fromEntries(
      [...groups[0]!].map(([term, { certainty }]) => [index.terms[term] as string, certainty]),
    );
    expect(sure).toEqual({ linearli: 1, liber: 0 });
    expect(edits).toEqual([1]);
  });

  it('says, by word, the edits of the corrections it is sure of', () => {
    const correct = (text: string) => {
      const query = words(text);
      return addTypoCandidates(smallVocabulary, typos, query, wordCandidates(smallVocabulary, query, false));
    };
    expect(correct('kubernetes rollout')).toEqual([]); // found as written: nothing corrected
    expect(correct('kuberntes rollout')).toEqual([1]);
    expect(correct('kuberntes rolout')).toEqual([1, 1]);
    expect(correct('rallinf')).toEqual([]); // a far-fetched correction: not how the query was read
  });

  // "postgress" lost the PostgreSQL articles when only "postgres" (one edit) was sure.
  it('is as sure of another ending of the closest correction', () => {
    const index = buildSearchIndex([
      { id: 'a', title: 'Postgres connection pooling', keywords: '', summary: '' },
      { id: 'b', title: 'PostgreSQL logical replication', keywords: '', summary: '' },
    ]);
    const vocabulary = createVocabulary(index);
    const query = words('postgress');
    const groups = wordCandidates(vocabulary, query, false);
    addTypoCandidates(vocabulary, createTypoMatcher(index), query, groups);
    const sure = Object.fromEntries(
      [...groups[0]!].map(([term, { certainty }]) => [index.terms[term] as string, certainty]),
    );
    expect(sure).toEqual({ postgr: 0.5, postgresql: 0.5 });
    // Another ending alone counts its real edits (what the one list compares).
    const scaling = buildSearchIndex([{ id: 'c', title: 'Autoscaling gone wrong', keywords: '', summary: '' }]);
    const scalingVocabulary = createVocabulary(scaling);
    const typed = words('autoscaler');
    const found = wordCandidates(scalingVocabulary, typed, false);
    expect(addTypoCandidates(scalingVocabulary, createTypoMatcher(scaling), typed, found)).toEqual([3]);
  });

  // Taking Fuse.js's best dozen whole let "breaks" share "breakr" with "breaker": 3 results became 8.
  it('takes a correction from beyond Fuse.js’s best only when it is fewer edits away than all of them', () => {
    const index = bundledIndex as unknown as SerializedSearchIndex;
    const vocabulary = createVocabulary(index);
    const sureOf = (text: string) => {
      const query = words(text);
      const groups = wordCandidates(vocabulary, query, false);
      addTypoCandidates(vocabulary, createTypoMatcher(index), query, groups);
      return [...groups[0]!].filter(([, { certainty }]) => certainty > 0).map(([term]) => index.terms[term]);
    };
    expect(sureOf('breakr')).toEqual(['breaker']);
    expect(sureOf('ltter')).toEqual(['letter']);
    expect(sureOf('tabe')).toEqual(['tabl']);
  });
});
