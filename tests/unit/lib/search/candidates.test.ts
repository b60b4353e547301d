import { describe, expect, it } from 'vitest';
import {
  addCompletionCandidates,
  addSynonymCandidates,
  type Candidates,
  FACTOR,
  onTopicCertainty,
  pairCandidates,
  phrasePositions,
  queryTermsOfWord,
  setCandidate,
  wordCandidates,
} from '@/lib/search/candidates';
import type { SynonymEntry } from '@/lib/search/synonyms';
import { documentCount } from '@/lib/search/vocabulary';
import { certainties, named, smallVocabulary, words } from './small-index';

const terms = (text: string) => words(text).map((word) => word.term);

describe('candidates stage', () => {
  it('gives each word its exact terms (stems), and nothing for a word the index lacks', () => {
    const [database, unknown] = wordCandidates(smallVocabulary, words('databases sourdough'), false);
    expect(named(database!)).toEqual({ databas: FACTOR.exact });
    expect(unknown!.size).toBe(0);
  });

  it('completes the last word as a prefix only while typing', () => {
    const typing = wordCandidates(smallVocabulary, words('thundering idemp'), true);
    expect(named(typing[1]!)).toEqual({ idempot: FACTOR.prefix });
    const finished = wordCandidates(smallVocabulary, words('thundering idemp'), false);
    expect(finished[1]!.size).toBe(0);
    // Only the last word is unfinished.
    expect(wordCandidates(smallVocabulary, words('idemp keys'), true)[0]!.size).toBe(0);
  });

  it('adds a synonym’s equivalents at a discount, as phrases when they have several words', () => {
    const groups = wordCandidates(smallVocabulary, words('k8s stampede'), false);
    addSynonymCandidates(smallVocabulary, words('k8s stampede'), groups);
    expect(named(groups[0]!)).toEqual({ kubernet: FACTOR.synonym });
    // "thundering herd" is found as the pair, not as "thunder" or "herd" alone.
    expect(named(groups[1]!)).toEqual({ 'thunder herd': FACTOR.synonym });
  });

  it('finds plain words in any order with a word among them, to order articles by the term they stand for', () => {
    const billedTwice: SynonymEntry = {
      phrase: terms('billed twice'),
      alternativeTerms: ['idempot'],
      plainWords: true,
    };
    const found = (query: string, entry = billedTwice) => {
      const groups = wordCandidates(smallVocabulary, words(query), false);
      addSynonymCandidates(smallVocabulary, words(query), groups, [entry]);
      return groups.map((group) => certainties(group).idempot ?? null);
    };
    // Found: the term ranks (at the synonym discount) but is sure of nothing (0).
    expect(found('customers billed twice')).toEqual([null, 0, 0]);
    expect(found('twice billed')).toEqual([0, 0]);
    expect(found('billed customers twice')).toEqual([0, null, 0]);
    // Too far apart to be the phrase.
    expect(found('billed customers monthly twice')).toEqual([null, null, null, null]);
    // The stretch of the query holding the phrase, wherever it is: not the first "billed" alone.
    expect(found('billed monthly, then billed twice')).toEqual([null, null, 0, 0]);
    // Two words of a longer phrase are enough; one word is nothing.
    const chargedTwice: SynonymEntry = { ...billedTwice, phrase: terms('customers billed twice') };
    expect(found('refund when billed twice', chargedTwice)).toEqual([null, 0, 0]);
    expect(found('customers complain', chargedTwice)).toEqual([null, null]);
    expect(phrasePositions(terms('twice the customers'), chargedTwice)).toEqual([[0, 1]]);
    // A general synonym is sure of what it finds.
    expect(found('billed twice', { ...billedTwice, plainWords: false })).toEqual([FACTOR.synonym, FACTOR.synonym]);
    // Plain words are sure as a synonym once the query's own words are about something here.
    const groups = wordCandidates(smallVocabulary, words('customers billed twice'), false);
    addSynonymCandidates(smallVocabulary, words('customers billed twice'), groups, [billedTwice]);
    const idempotent = groups[1]!.get(smallVocabulary.termIndex('idempot'))!;
    expect(idempotent).toEqual({ factor: FACTOR.synonym, certainty: 0, onTopicCertainty: FACTOR.synonym });
    expect(onTopicCertainty(idempotent)).toBe(FACTOR.synonym);
  });

  it('tells where plain words were found, and makes them sure only where asked', () => {
    const billedTwice: SynonymEntry = {
      phrase: terms('billed twice'),
      alternativeTerms: ['idempot'],
      plainWords: true,
    };
    const query = words('customers billed twice');
    const asked: number[][] = [];
    const read = (sure?: (positions: readonly number[]) => boolean) => {
      const groups = wordCandidates(smallVocabulary, query, false);
      const found = addSynonymCandidates(smallVocabulary, query, groups, [billedTwice], sure);
      return { found, certainty: groups.map((group) => certainties(group).idempot ?? null) };
    };
    const found = [{ positions: [1, 2], terms: ['idempot'] }];
    expect(read()).toEqual({ found, certainty: [null, 0, 0] });
    const sure = read((positions) => {
      asked.push([...positions]);
      return true;
    });
    expect(sure).toEqual({ found, certainty: [null, FACTOR.synonym, FACTOR.synonym] });
    expect(asked).toEqual([[1, 2]]);
    expect(read(() => false).certainty).toEqual([null, 0, 0]);
    // A general synonym is no plain words: not reported, sure whatever is asked.
    const general = { ...billedTwice, plainWords: false };
    const groups = wordCandidates(smallVocabulary, query, false);
    expect(addSynonymCandidates(smallVocabulary, query, groups, [general], () => false)).toEqual([]);
    expect(certainties(groups[1]!).idempot).toBe(FACTOR.synonym);
  });

  it('keeps the surer of two ways to a term, for deciding and for listing', () => {
    const candidates: Candidates = new Map();
    setCandidate(candidates, 7, FACTOR.synonym, 0, FACTOR.synonym);
    expect(candidates.get(7)).toEqual({ factor: FACTOR.synonym, certainty: 0, onTopicCertainty: FACTOR.synonym });
    // Typed as written: surer on both counts, so nothing apart is kept.
    setCandidate(candidates, 7, FACTOR.exact);
    expect(candidates.get(7)).toEqual({ factor: FACTOR.exact, certainty: FACTOR.exact });
    expect(onTopicCertainty(candidates.get(7)!)).toBe(FACTOR.exact);
    // A typo guess (sure of nothing) after a plain phrase keeps the phrase's certainty for listing.
    const guessed: Candidates = new Map();
    setCandidate(guessed, 3, FACTOR.synonym, 0, FACTOR.synonym);
    setCandidate(guessed, 3, FACTOR.fuzzy, 0);
    expect(guessed.get(3)).toEqual({ factor: FACTOR.fuzzy, certainty: 0, onTopicCertainty: FACTOR.synonym });
  });

  it('counts the articles holding a term (plain words look up the most specific form)', () => {
    const articlesWith = (term: string) => documentCount(smallVocabulary, term);
    expect(articlesWith('databas')).toBe(2); // the vector database, the migration that waits
    expect(articlesWith('kubernet')).toBe(1);
    expect(articlesWith('sourdough')).toBe(0);
  });

  it('finds a general synonym’s words side by side only, at each place', () => {
    const billedTwice: SynonymEntry = {
      phrase: terms('billed twice'),
      alternativeTerms: ['idempot'],
      plainWords: false,
    };
    expect(phrasePositions(terms('billed customers twice'), billedTwice)).toEqual([]);
    expect(phrasePositions(terms('twice billed'), billedTwice)).toEqual([]);
    expect(phrasePositions(terms('billed twice billed twice'), billedTwice)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('looks for adjacent words as a pair, and the last pair by prefix while typing', () => {
    expect(named(pairCandidates(smallVocabulary, words('vector database'), false)[0]!)).toEqual({
      'vector databas': FACTOR.phrase,
    });
    expect(named(pairCandidates(smallVocabulary, words('vector data'), true)[0]!)).toEqual({
      'vector databas': FACTOR.phrase * FACTOR.prefix,
    });
    expect(pairCandidates(smallVocabulary, words('vector data'), false)[0]!.size).toBe(0);
  });

  it('completes a finished word it does not know ("idemp", "stamp"), never one it knows', () => {
    const query = words('idemp database rollo');
    const groups = wordCandidates(smallVocabulary, query, false);
    addCompletionCandidates(smallVocabulary, query, groups);
    expect(named(groups[0]!)).toEqual({ idempot: FACTOR.prefix });
    expect(named(groups[1]!)).toEqual({ databas: FACTOR.exact });
    expect(named(groups[2]!)).toEqual({ rollout: FACTOR.prefix });
  });

  it('is as sure of a completion as the share of the word typed, and not at all below four letters', () => {
    const query = words('idemp rol');
    const groups = wordCandidates(smallVocabulary, query, false);
    addCompletionCandidates(smallVocabulary, query, groups);
    expect(certainties(groups[0]!).idempot).toBeCloseTo(5 / 7);
    expect(named(groups[1]!)).toEqual({ roll: FACTOR.prefix, rollout: FACTOR.prefix }); // still ranks…
    expect(certainties(groups[1]!)).toEqual({ roll: 0, rollout: 0 }); // …but "rol" tells nothing
  });
});

describe('a query word that is an address (queryTermsOfWord)', () => {
  it('leaves out its ending and a leading www, which name no site', () => {
    expect(queryTermsOfWord('www.bbc.com')).toEqual(['www.bbc.com', 'bbc']);
    expect(queryTermsOfWord('bbc.co.uk')).toEqual(['bbc.co.uk', 'bbc']);
    expect(queryTermsOfWord('socket.io')).toEqual(['socket.io', 'socket']);
  });

  // A review: "io.reader" lost "io", "app.js" its "app" and "de.json" its "de".
  it('keeps such a part anywhere else: there it is a name', () => {
    expect(queryTermsOfWord('io.reader')).toContain('io');
    expect(queryTermsOfWord('app.js')).toContain('app');
    expect(queryTermsOfWord('de.json')).toContain('de');
    expect(queryTermsOfWord('node.js')).toEqual(['node.js', 'node', 'js']);
  });
});
