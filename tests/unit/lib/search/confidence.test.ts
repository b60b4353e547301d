import { describe, expect, it, vi } from 'vitest';
import { addCompletionCandidates, wordCandidates } from '@/lib/search/candidates';
import {
  CONFIDENCE,
  countUnknownWords,
  everydayWorthOf,
  everydayWorthReader,
  isAbout,
  namesUnknownEverydayThing,
  unknownWordsByWorth,
  type WordSpecificity,
  withoutModifiers,
  withoutRepeats,
  withShortEverydayThings,
  wordSpecificity,
} from '@/lib/search/confidence';
import type { QueryWord } from '@/lib/search/text';
import { addTypoCandidates, createTypoMatcher } from '@/lib/search/typo';
import { smallIndex, smallVocabulary, words } from './small-index';

const typos = createTypoMatcher(smallIndex);
function specificities(query: string) {
  const analyzed = words(query);
  const groups = wordCandidates(smallVocabulary, analyzed, false);
  addCompletionCandidates(smallVocabulary, analyzed, groups);
  addTypoCandidates(smallVocabulary, typos, analyzed, groups);
  return groups.map((group, at) => wordSpecificity(smallVocabulary, group, analyzed[at]!));
}
const idf = (term: string) => smallVocabulary.idf(smallVocabulary.termIndex(term));

/** A scored document for `isAbout`: every covered word uncommon unless said, no phrase. */
function scored(
  fields: Partial<Parameters<typeof isAbout>[0]> & { coveredWords: number },
): Parameters<typeof isAbout>[0] {
  return {
    confidence: 0,
    evidence: 0,
    onlyWord: -1,
    subjectWords: fields.coveredWords,
    uncommonWords: fields.coveredWords,
    everydayPhrase: false,
    sharesPhrase: false,
    ...fields,
  };
}

describe('confidence', () => {
  it('weighs a known word by its idf, a completion by the share typed, an unknown word as fairly specific', () => {
    const [known, completed, unknown, fragment] = specificities('kubernetes idemp sourdough ab');
    expect(known).toEqual({ weight: idf('kubernet'), bestCertainty: 1 });
    expect(completed!.weight).toBeCloseTo((5 / 7) * idf('idempot'));
    expect(unknown).toEqual({ weight: CONFIDENCE.unknownWordWeight, bestCertainty: 0 });
    expect(fragment).toEqual({ weight: 0, bestCertainty: 0 }); // too short to tell anything
    expect(countUnknownWords(specificities('kubernetes idemp sourdough ab'))).toBe(1);
  });

  it('counts a likely typo as the word meant', () => {
    const [typo] = specificities('kuberntes');
    expect(typo).toEqual({ weight: idf('kubernet'), bestCertainty: 1 });
  });

  it('takes an article covering most of the query, or two specific words of a long question, as about it', () => {
    expect(isAbout(scored({ confidence: 0.8, evidence: 2, coveredWords: 1, onlyWord: 0, subjectWords: 1 }), 1)).toBe(
      true,
    );
    expect(isAbout(scored({ confidence: 0.3, evidence: 8, coveredWords: 3, subjectWords: 3 }), 2)).toBe(true);
    // "cpu … release" of "cpu jumped to almost 100 percent right after we shipped a release": a fifth of
    // the query, but a word everyday English seldom uses among them (a quarter was asked until 2026-12-05).
    const cpuRelease = scored({ confidence: 0.2, evidence: 5, coveredWords: 2, uncommonWords: 1 });
    expect(isAbout(cpuRelease, 1)).toBe(true);
    // Two common words ask a quarter, as does a query whose words the library all knows.
    expect(isAbout({ ...cpuRelease, uncommonWords: 0 }, 1)).toBe(false);
    expect(isAbout({ ...cpuRelease, confidence: 0.25, uncommonWords: 0 }, 1)).toBe(true);
    expect(isAbout({ ...cpuRelease, confidence: 0.18 }, 1)).toBe(true);
    expect(isAbout({ ...cpuRelease, confidence: 0.18 }, 0)).toBe(false);
    expect(isAbout(scored({ confidence: 0.3, evidence: 3, coveredWords: 1, onlyWord: 0, subjectWords: 1 }), 0)).toBe(
      true,
    ); // every word is the library's
  });

  it('does not take one word shared with an everyday query as about it', () => {
    // "leader of the opposition": "leader" covered, "opposition" unknown.
    expect(isAbout(scored({ confidence: 0.62, evidence: 4.9, coveredWords: 1, onlyWord: 0, subjectWords: 1 }), 1)).toBe(
      false,
    );
    // Two words of a long query that is mostly about something else.
    expect(isAbout(scored({ confidence: 0.1, evidence: 5, coveredWords: 2, subjectWords: 2 }), 2)).toBe(false);
    // Too little evidence, however much of the query.
    expect(isAbout(scored({ confidence: 0.3, evidence: 3.5, coveredWords: 2, subjectWords: 2 }), 2)).toBe(false);
  });

  it('does not take an article meeting a query with unknown words in an everyday phrase only as about it', () => {
    // "premier league scores last night" and a summary's "twelve alerts last night": two covered
    // words, enough evidence and share, but both everyday, side by side in both, and "premier",
    // "league" unknown.
    const lastNight = scored({
      confidence: 0.45,
      evidence: 6,
      coveredWords: 2,
      subjectWords: 0,
      uncommonWords: 0,
      everydayPhrase: true,
    });
    expect(isAbout(lastNight, 2)).toBe(false);
    // A word of a subject among them, the words not side by side, no unknown word, or most of the
    // query: about it, as before.
    expect(isAbout({ ...lastNight, subjectWords: 1 }, 2)).toBe(true);
    expect(isAbout({ ...lastNight, everydayPhrase: false }, 2)).toBe(true);
    expect(isAbout(lastNight, 0)).toBe(true);
    expect(isAbout({ ...lastNight, confidence: 0.8 }, 2)).toBe(true);
  });

  it('does not take an article sharing words with a query about a thing of everyday life the library does not know', () => {
    // "toilet tank leak fix" and the memory leak article: "leak" and "fix" are enough evidence and
    // share for a question in plain words, but the query is about a toilet.
    const leakFix = scored({ confidence: 0.54, evidence: 7, coveredWords: 2, uncommonWords: 0 });
    expect(isAbout(leakFix, 2, CONFIDENCE, () => false, false)).toBe(true);
    expect(isAbout(leakFix, 2, CONFIDENCE, () => false, true)).toBe(false);
    // An article covering nearly all of the query still is about it.
    expect(isAbout({ ...leakFix, confidence: CONFIDENCE.wholeShare }, 2, CONFIDENCE, () => false, true)).toBe(true);
    // Beside a word everyday speech does not use, the thing is a developer's setting ("cron job runs
    // twice every morning").
    expect(isAbout({ ...leakFix, uncommonWords: 1 }, 2, CONFIDENCE, () => false, true)).toBe(true);
    // Or beside two of its words the article says together ("airline seat reservation race condition").
    expect(isAbout({ ...leakFix, sharesPhrase: true }, 2, CONFIDENCE, () => false, true)).toBe(true);
    // Or sharing three words of it ("sentry alerts wake the whole team every night").
    expect(isAbout({ ...leakFix, coveredWords: 3 }, 2, CONFIDENCE, () => false, true)).toBe(true);
  });

  it('weighs a finished short word naming a thing of everyday life as a word the library does not know', () => {
    const query = words('car restart herd');
    const specs = specificities('car restart herd');
    expect(specs[0]).toEqual({ weight: 0, bestCertainty: 0 }); // a short word the small index does not know
    const speech = {
      worth: () => new Map<string, number>(),
      namesSubject: () => false,
      namesSomeSubject: () => false,
      namesEverydayThing: (surface: string) => surface === 'car' || surface === 'her',
      isManualWord: () => false,
      tellsHow: () => false,
    };
    const weights = (query: readonly QueryWord[], specs: readonly WordSpecificity[], typing: boolean, s = speech) =>
      withShortEverydayThings(query, specs, typing, s).map(({ weight }) => weight);
    expect(weights(query, specs, false)).toEqual([CONFIDENCE.unknownWordWeight, specs[1]!.weight, specs[2]!.weight]);
    // While typing, a short last word is a fragment; a known word, or a short word naming nothing, is as it was.
    const typed = words('restart car');
    expect(weights(typed, specificities('restart car'), true)).toEqual([specificities('restart car')[0]!.weight, 0]);
    expect(weights(typed, specificities('restart car'), false)[1]).toBe(CONFIDENCE.unknownWordWeight);
    expect(weights(words('bus restart'), specificities('bus restart'), false)[0]).toBe(0);
    // A user's library has no everyday speech.
    expect(withShortEverydayThings(query, specs, false, undefined)).toBe(specs);
  });

  it('weighs a common word of three letters as a word, in a finished query of short words alone', () => {
    const speech = {
      worth: () => new Map<string, number>(),
      namesSubject: () => false,
      namesSomeSubject: () => false,
      namesEverydayThing: () => false,
      isManualWord: () => false,
      tellsHow: () => false,
    };
    const common = new Set(['sad', 'cat', 'f']);
    const weights = (text: string, typing: boolean) => {
      const query = words(text);
      const isCommon = (at: number) => common.has(query[at]!.surface);
      return withShortEverydayThings(query, specificities(text), typing, speech, CONFIDENCE, isCommon).map(
        ({ weight }) => weight,
      );
    };
    const unknown = CONFIDENCE.unknownWordWeight;
    expect(weights('sad cat', false)).toEqual([unknown, unknown]);
    // While typed, the words are left as they were ("red c" of "red cache" keeps its results).
    expect(weights('sad cat', true)).toEqual([0, 0]);
    // A word of fewer letters, or no common word, is a fragment.
    expect(weights('f', false)).toEqual([0]);
    expect(weights('pgv', false)).toEqual([0]);
    expect(weights('sad pgv', false)).toEqual([unknown, 0]);
    // Beside a word that weighs, a common short word stays a fragment ("a lot of queries", "say no to the ceo").
    const beside = weights('sad restart', false);
    expect(beside[0]).toBe(0);
    expect(beside[1]).toBeGreaterThan(0);
  });

  it('finds a thing of everyday life among the words the library does not know, as typed, never without everyday speech', () => {
    const query = words('toilet restart herd');
    const specs = specificities('toilet restart herd');
    expect(specs[0]!.bestCertainty).toBe(0); // "toilet" is no word of the small index
    const speech = {
      worth: () => new Map<string, number>(),
      namesSubject: () => false,
      namesSomeSubject: () => false,
      namesEverydayThing: (surface: string) => surface === 'toilet' || surface === 'herd',
      isManualWord: () => false,
      tellsHow: () => false,
    };
    expect(namesUnknownEverydayThing(query, specs, speech)).toBe(true);
    // "herd" is a word the library knows: whatever it names, the articles use it.
    expect(namesUnknownEverydayThing(words('restart herd'), specificities('restart herd'), speech)).toBe(false);
    // A word weighing nothing (a fragment, a modifier) names nothing.
    expect(
      namesUnknownEverydayThing(
        query,
        specs.map((s, at) => (at === 0 ? { ...s, weight: 0 } : s)),
        speech,
      ),
    ).toBe(false);
    // A user's library has no everyday speech: its words are its own.
    expect(namesUnknownEverydayThing(query, specs, undefined)).toBe(false);
  });

  it('reads a word as everyday as typed or by its surest candidate, and none without word worths', () => {
    const analyzed = words('kubernetes idemp');
    const groups = wordCandidates(smallVocabulary, analyzed, false);
    addCompletionCandidates(smallVocabulary, analyzed, groups);
    const worth = new Map([
      ['kubernet', 0.3],
      ['idempot', 0.9],
    ]);
    const isEveryday = (at: number, map: Map<string, number>, threshold = CONFIDENCE.everydayWorth) =>
      everydayWorthOf(smallVocabulary, groups[at]!, analyzed[at]!, map) < threshold;
    const everyday = (map: Map<string, number>) => groups.map((_, at) => isEveryday(at, map));
    expect(everyday(worth)).toEqual([true, false]);
    expect(everyday(new Map())).toEqual([false, false]);
    // The word as typed counts too: "idemp" everyday, though its completion is not.
    expect(everyday(new Map([...worth, ['idemp', 0.4]]))).toEqual([true, true]);
    // The threshold is the tuning's.
    expect(isEveryday(1, worth, 0.95)).toBe(true);
  });

  it("reads each word's everyday worth once per query, 1 for every word without everyday speech", () => {
    const analyzed = words('kubernetes idemp');
    const groups = wordCandidates(smallVocabulary, analyzed, false);
    addCompletionCandidates(smallVocabulary, analyzed, groups);
    const worth = vi.fn(
      () =>
        new Map([
          ['kubernet', 0.3],
          ['idemp', 0.4],
          ['idempot', 0.9],
        ]),
    );
    const speech = {
      worth,
      namesSubject: () => false,
      namesSomeSubject: () => false,
      namesEverydayThing: () => false,
      isManualWord: () => false,
      tellsHow: () => false,
    };
    const worthAt = everydayWorthReader(smallVocabulary, groups, analyzed, speech);
    // As typed or as read, whichever is less: "idemp" 0.4 though its completion is worth 0.9.
    expect([worthAt(0), worthAt(1), worthAt(0)]).toEqual([0.3, 0.4, 0.3]);
    expect(worth).toHaveBeenCalledTimes(2);
    expect(everydayWorthReader(smallVocabulary, groups, analyzed, undefined)(0)).toBe(1);
  });

  it('counts words that say what kind of text is wanted for nothing, when another word names a subject', () => {
    const tells = () => true;
    const weights = (query: string, typing = false, tellsSubject: (at: number) => boolean = tells) =>
      withoutModifiers(words(query), specificities(query), typing, tellsSubject).map(({ weight }) => weight);
    expect(weights('kubernetes tutorial')).toEqual([idf('kubernet'), 0]);
    expect(
      countUnknownWords(
        withoutModifiers(words('kubernetes tutorial'), specificities('kubernetes tutorial'), false, tells),
      ),
    ).toBe(0);
    // Two-word modifiers, each of whose words alone may be a subject's.
    expect(weights('kubernetes getting started')).toEqual([idf('kubernet'), 0, 0]);
    expect(weights('kubernetes started')[1]).toBeGreaterThan(0);
    // An unknown word being typed that begins a modifier is one already; a finished prefix is not, nor a
    // word being typed that the library knows (here as if "tuto" completed a term).
    expect(weights('kubernetes tuto', true)).toEqual([idf('kubernet'), 0]);
    expect(weights('kubernetes tuto')[1]).toBe(CONFIDENCE.unknownWordWeight);
    const known = [
      { weight: 5, bestCertainty: 1 },
      { weight: 2, bestCertainty: 0.8 },
    ];
    expect(withoutModifiers(words('kubernetes tuto'), known, true, tells)).toEqual(known);
    // Nothing but modifiers, modifiers beside words that tell nothing, or beside a word that tells no
    // subject of the library (a common word no article is about: "sleep tips"): read as written.
    expect(weights('tutorial tips')).toEqual([CONFIDENCE.unknownWordWeight, CONFIDENCE.unknownWordWeight]);
    expect(weights('ab tutorial')).toEqual([0, CONFIDENCE.unknownWordWeight]);
    expect(weights('kubernetes tutorial', false, (at) => at !== 0)).toEqual([
      idf('kubernet'),
      CONFIDENCE.unknownWordWeight,
    ]);
  });

  // blind22: "replace broken window latch on vinyl window" weighed "window" twice and was answered.
  it('counts a word said twice once', () => {
    const weights = (query: string) => withoutRepeats(words(query), specificities(query)).map(({ weight }) => weight);
    expect(weights('kubernetes deployments kubernetes')).toEqual([idf('kubernet'), idf('deploy'), 0]);
    expect(weights('kubernetes deployments')).toEqual([idf('kubernet'), idf('deploy')]);
    const said = specificities('kubernetes deployments');
    expect(withoutRepeats(words('kubernetes deployments'), said)).toBe(said);
    // A word the library does not know keeps each saying.
    expect(weights('kubernetes sourdough sourdough')).toEqual([
      idf('kubernet'),
      CONFIDENCE.unknownWordWeight,
      CONFIDENCE.unknownWordWeight,
    ]);
  });

  it('weighs an everyday word the library does not know at its worth in everyday speech', () => {
    const query = 'kubernetes people sourdough';
    const worth = new Map([
      ['peopl', 0.5],
      ['sourdough', 0.7],
    ]);
    const weighed = unknownWordsByWorth(words(query), specificities(query), worth);
    // An everyday word (worth under `everydayWorth`) at its share; any other at the full weight.
    expect(weighed.map(({ weight }) => weight)).toEqual([
      idf('kubernet'),
      CONFIDENCE.unknownWordWeight * 0.5,
      CONFIDENCE.unknownWordWeight,
    ]);
    expect(countUnknownWords(weighed)).toBe(2);
    // A modifier the library does not know keeps the full weight: "course" (worth 0.55) in "sleep course".
    const modifier = unknownWordsByWorth(
      words('kubernetes course'),
      specificities('kubernetes course'),
      new Map([['cours', 0.55]]),
    );
    expect(modifier[1]?.weight).toBe(CONFIDENCE.unknownWordWeight);
  });

  it('does not take an article covering one common word of a query the library knows as about it, unless it is half of it', () => {
    // "how to improve my credit score": one common word of three, each about as specific.
    const oneOfThree = scored({ confidence: 0.33, evidence: 4.9, coveredWords: 1, onlyWord: 2, uncommonWords: 0 });
    const common = (at: number) => at === 2;
    expect(isAbout(oneOfThree, 0, CONFIDENCE, common)).toBe(false);
    expect(isAbout({ ...oneOfThree, confidence: CONFIDENCE.singleWordShare }, 0, CONFIDENCE, common)).toBe(true);
    // A name everyday speech does not use tells the subject alone ("bedrock claude integration").
    expect(isAbout({ ...oneOfThree, onlyWord: 0 }, 0, CONFIDENCE, common)).toBe(true);
    // Without word worths (a user's library) no word is common.
    expect(isAbout(oneOfThree, 0)).toBe(true);
    // Two words covered: the known-words share is enough, as before.
    expect(isAbout({ ...oneOfThree, coveredWords: 2, onlyWord: -1 }, 0, CONFIDENCE, () => true)).toBe(true);
  });
});
