import { describe, expect, it } from 'vitest';
import { type Candidate, FACTOR, pairCandidates, wordCandidates } from '@/lib/search/candidates';
import { wordSpecificity } from '@/lib/search/confidence';
import { scoreDocuments, wordWeight } from '@/lib/search/score';
import { docId, smallVocabulary, words } from './small-index';

function scores(query: string, withPairs = true) {
  const analyzed = words(query);
  const groups = wordCandidates(smallVocabulary, analyzed, false);
  const pairs = withPairs ? pairCandidates(smallVocabulary, analyzed, false) : [];
  const specificities = groups.map((group, at) => wordSpecificity(smallVocabulary, group, analyzed[at]!));
  const { documents, matchedTerms } = scoreDocuments(smallVocabulary, groups, pairs, specificities);
  return {
    byId: Object.fromEntries(documents.map(({ doc, score }) => [docId(doc), score])),
    documents: Object.fromEntries(documents.map((document) => [docId(document.doc), document])),
    matchedTerms,
  };
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
    const synonym: Candidate = { factor: FACTOR.synonym, certainty: FACTOR.synonym };
    const candidates = new Map([
      [exact, { factor: FACTOR.exact, certainty: 1 } as Candidate],
      [rare, synonym],
    ]);
    expect(wordWeight(smallVocabulary, candidates)).toBe(smallVocabulary.idf(exact));
    expect(wordWeight(smallVocabulary, new Map([[rare, synonym]]))).toBeCloseTo(
      FACTOR.synonym * smallVocabulary.idf(rare),
    );
    expect(wordWeight(smallVocabulary, new Map())).toBe(0);
  });

  it('measures how much of the query a document covers: share, evidence and words', () => {
    // "sourdough" is unknown to the index: it weighs against every document.
    const { documents } = scores('kubernetes migration sourdough');
    const kubernetes = documents.kubernetes!;
    expect(kubernetes.coveredWords).toBe(2);
    const known =
      smallVocabulary.idf(smallVocabulary.termIndex('kubernet')) +
      smallVocabulary.idf(smallVocabulary.termIndex('migrat'));
    expect(kubernetes.evidence).toBeCloseTo(known);
    expect(kubernetes.confidence).toBeCloseTo(known / (known + 3));
    expect(scores('kubernetes migration').documents.kubernetes!.confidence).toBeCloseTo(1);
  });
});
