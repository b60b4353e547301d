import { describe, expect, it } from 'vitest';
import { FACTOR, pairCandidates, wordCandidates } from '@/lib/search/candidates';
import { scoreDocuments, wordWeight } from '@/lib/search/score';
import { docId, smallVocabulary, words } from './small-index';

function scores(query: string, withPairs = true) {
  const analyzed = words(query);
  const groups = wordCandidates(smallVocabulary, analyzed, false);
  const pairs = withPairs ? pairCandidates(smallVocabulary, analyzed, false) : [];
  const { documents, matchedTerms } = scoreDocuments(smallVocabulary, groups, pairs);
  return { byId: Object.fromEntries(documents.map(({ doc, score }) => [docId(doc), score])), matchedTerms };
}

describe('score stage', () => {
  it('scores only documents matching some word, and names the terms it matched', () => {
    const { byId, matchedTerms } = scores('kubernetes migration');
    expect(Object.keys(byId)).toEqual(['kubernetes']);
    expect([...matchedTerms].sort()).toEqual(['kubernet', 'migrat']);
  });

  it('ranks a document covering more of the query above one matching a single word strongly', () => {
    // "vector" says "database" twice; "kubernetes" says "database" once but also "rolling".
    const { byId } = scores('database rolling');
    expect(byId.kubernetes).toBeGreaterThan(byId.vector!);
  });

  it('adds a bonus where the query’s adjacent words stand together in the document', () => {
    expect(scores('vector database').byId.vector).toBeGreaterThan(scores('vector database', false).byId.vector!);
  });

  it('weighs a word by its idf as written, not by a rarer completion or synonym', () => {
    const exact = smallVocabulary.termIndex('databas');
    const rare = smallVocabulary.termIndex('kubernet');
    const candidates = new Map([
      [exact, FACTOR.exact],
      [rare, FACTOR.synonym],
    ]);
    expect(wordWeight(smallVocabulary, candidates)).toBe(smallVocabulary.idf(exact));
    expect(wordWeight(smallVocabulary, new Map([[rare, FACTOR.synonym]]))).toBeCloseTo(
      FACTOR.synonym * smallVocabulary.idf(rare),
    );
    expect(wordWeight(smallVocabulary, new Map())).toBe(0);
  });
});
