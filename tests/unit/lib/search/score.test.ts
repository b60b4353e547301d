import { describe, expect, it } from 'vitest';
import {
  addCompletionCandidates,
  type Candidate,
  FACTOR,
  pairCandidates,
  setCandidate,
  wordCandidates,
} from '@/lib/search/candidates';
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

  it('marks a document holding two everyday words side by side, and counts a title word as a subject', () => {
    // "every client" stands in herd's summary; "client" is also none of its title's words.
    const analyzed = words('every client sourdough');
    const groups = wordCandidates(smallVocabulary, analyzed, false);
    const pairs = pairCandidates(smallVocabulary, analyzed, false);
    const specificities = groups.map((group, at) => wordSpecificity(smallVocabulary, group, analyzed[at]!));
    const titleOfHerd = (doc: number, term: number) =>
      docId(doc) === 'herd' && smallVocabulary.terms[term] === 'restart';
    const score = (everyday: boolean[], namesSubject = titleOfHerd, common: boolean[] = everyday) =>
      Object.fromEntries(
        scoreDocuments(smallVocabulary, groups, pairs, specificities, { everyday, common, namesSubject }).documents.map(
          (document) => [docId(document.doc), document],
        ),
      );
    const both = score([true, true, false]).herd!;
    expect(both).toMatchObject({ coveredWords: 2, subjectWords: 0, everydayPhrase: true, sharesPhrase: false });
    // Not both everyday: a phrase the document shares.
    expect(score([true, false, false]).herd).toMatchObject({ everydayPhrase: false, sharesPhrase: true });
    // One of the two not everyday: a subject's word, and no everyday phrase.
    expect(score([true, false, false]).herd).toMatchObject({ subjectWords: 1, everydayPhrase: false });
    // An everyday word that is one of the document's title words counts as a subject's.
    const clientInTitle = (doc: number, term: number) =>
      docId(doc) === 'herd' && smallVocabulary.terms[term] === 'client';
    expect(score([true, true, false], clientInTitle).herd).toMatchObject({ subjectWords: 1, everydayPhrase: true });
    // Without word worths nothing is everyday.
    expect(score([]).herd).toMatchObject({ subjectWords: 2, uncommonWords: 2, everydayPhrase: false });
    // Words not common in English, counted apart from everyday ones.
    expect(score([true, true, false], titleOfHerd, [true, false, false]).herd).toMatchObject({ uncommonWords: 1 });
    expect(both).toMatchObject({ uncommonWords: 0 });
  });

  it('takes only the pair as typed for an everyday phrase, not a completion of its last word', () => {
    const phraseOf = (query: string, typing: boolean) => {
      const analyzed = words(query);
      const groups = wordCandidates(smallVocabulary, analyzed, typing);
      addCompletionCandidates(smallVocabulary, analyzed, groups);
      const pairs = pairCandidates(smallVocabulary, analyzed, typing);
      const specificities = groups.map((group, at) => wordSpecificity(smallVocabulary, group, analyzed[at]!));
      const everyday = { everyday: analyzed.map(() => true), common: [], namesSubject: () => false };
      const herd = scoreDocuments(smallVocabulary, groups, pairs, specificities, everyday).documents.find(
        (document) => docId(document.doc) === 'herd',
      );
      return herd?.everydayPhrase;
    };
    expect(phraseOf('every client', false)).toBe(true);
    // "every cli" being typed completes to herd's "every client": a completion, not the phrase typed.
    expect(phraseOf('every cli', true)).toBe(false);
  });

  it('counts a title word for its own document only (reset between words and documents)', () => {
    const analyzed = words('client every database');
    const groups = wordCandidates(smallVocabulary, analyzed, false);
    const specificities = groups.map((group, at) => wordSpecificity(smallVocabulary, group, analyzed[at]!));
    const clientInHerdTitle = (doc: number, term: number) =>
      docId(doc) === 'herd' && smallVocabulary.terms[term] === 'client';
    const documents = Object.fromEntries(
      scoreDocuments(smallVocabulary, groups, [], specificities, {
        everyday: [true, true, true],
        common: [],
        namesSubject: clientInHerdTitle,
      }).documents.map((document) => [docId(document.doc), document]),
    );
    expect(documents.herd).toMatchObject({ subjectWords: 1 });
    // "client" named herd's subject; "every", read next, does not (reset), nor "database" elsewhere.
    expect(documents.vector).toMatchObject({ subjectWords: 0 });
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

  it('names the one query word a document covers alone, by its position', () => {
    // "sourdough" first: no document; "payment" second: only the idempotency one; "rolling" third: only kubernetes.
    const { documents } = scores('sourdough payment rolling');
    expect(documents.idempotency!.onlyWord).toBe(1);
    expect(documents.kubernetes!.onlyWord).toBe(2);
    // Two words covered: none alone.
    expect(scores('kubernetes rolling').documents.kubernetes!.onlyWord).toBe(-1);
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

  it('counts candidates sure only once the query is about something (plain words) for listing, not for deciding', () => {
    const analyzed = words('kubernetes sourdough');
    const groups = wordCandidates(smallVocabulary, analyzed, false);
    // As a plain phrase would: "sourdough" stands for "idempot", sure of nothing alone.
    setCandidate(groups[1]!, smallVocabulary.termIndex('idempot'), FACTOR.synonym, 0, FACTOR.synonym);
    const specificities = groups.map((group, at) => wordSpecificity(smallVocabulary, group, analyzed[at]!));
    expect(specificities[1]).toEqual({ weight: 3, bestCertainty: 0 });
    const { documents } = scoreDocuments(smallVocabulary, groups, [], specificities);
    const byId = Object.fromEntries(documents.map((document) => [docId(document.doc), document]));
    const kubernetes = smallVocabulary.idf(smallVocabulary.termIndex('kubernet'));
    expect(byId.idempotency!.confidence).toBe(0);
    expect(byId.idempotency!.coveredWords).toBe(0);
    expect(byId.idempotency!.onTopicConfidence).toBeCloseTo((3 * FACTOR.synonym) / (kubernetes + 3));
    expect(byId.kubernetes!.onTopicConfidence).toBeCloseTo(byId.kubernetes!.confidence);
    expect(byId.kubernetes!.confidence).toBeCloseTo(kubernetes / (kubernetes + 3));
  });
});
