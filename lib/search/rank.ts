import {
  addAsideCandidates,
  addCompletionCandidates,
  addSynonymCandidates,
  type Candidates,
  isTypedFragment,
  type PlainWordsFound,
  pairCandidates,
  wordCandidates,
} from '@/lib/search/candidates';
import {
  type ConfidenceTuning,
  countUnknownWords,
  type EverydaySpeech,
  everydayWorthReader,
  isAbout,
  namesUnknownEverydayThing,
  subjectWordReader,
  unknownWordsByWorth,
  type WordSpecificity,
  withoutModifiers,
  withoutRepeats,
  withShortEverydayThings,
  wordSpecificity,
} from '@/lib/search/confidence';
import { type MatchedTermWeight, type ScoredDocument, scoreDocuments } from '@/lib/search/score';
import type { SynonymEntry } from '@/lib/search/synonyms';
import type { QueryWord } from '@/lib/search/text';
import { createTopK } from '@/lib/search/top-k';
import { addTypoCandidates, type TypoMatcher } from '@/lib/search/typo';
import { documentsHolding, type Vocabulary } from '@/lib/search/vocabulary';

export interface RankedDocument {
  doc: number;
  score: number;
  confidence: number;
}

export interface Ranking {
  /** Documents about the query, best first: empty when none is. */
  results: RankedDocument[];
  /** Documents sharing some of the query's words but not about it. */
  loose: RankedDocument[];
  matchedTerms: Set<string>;
  /** What each matched term shows of the query (`MatchedTermWeight`): for snippets. */
  termWeights: Map<string, MatchedTermWeight>;
  /** How each query word was read (null: not read at all). */
  wordReadings: Array<WordReading | null>;
}

/** How a query word was read: as which terms, and how many edits from what was typed (0 unless through a typo correction). */
export interface WordReading {
  terms: readonly string[];
  edits: number;
}

export interface RankOptions {
  limit: number;
  looseLimit: number;
  typing: boolean;
  /** Whether a document may be listed (filters). */
  accept: (doc: number) => boolean;
  tuning: ConfidenceTuning;
  /** Everyday English words whose typo corrections are never sure (see addTypoCandidates). */
  everydayWords?: ReadonlySet<string>;
  /** What the engine knows of everyday speech (see `EverydaySpeech`); none for a user's library, whose words are their own. */
  everydaySpeech?: EverydaySpeech;
  /** The synonyms to look for: the general ones unless the index has more (the blog's articles: their plain words). */
  synonyms?: readonly SynonymEntry[];
  /** Whether the vocabulary holds an aside field (`lib/search/aside.ts`). */
  aside?: boolean;
  /**
   * Whether a finished query word is meant as written: never completed or read as a typo of another
   * word. A user's library holds all of English, where "poker" is one typo from "poke" and "tank" from
   * "thank": a word everyday speech uses is what the user meant (`createLibraryIndex`'s `isSpokenWord`).
   */
  meantAsWritten?: (word: QueryWord) => boolean;
  /**
   * For a query of two telling words or more, given each one's terms (places in the vocabulary): whether
   * a document holds those it holds near one another. One that does not neither
   * decides that the query is about something nor is listed, but may be loosely related: a user's long
   * saved page says any few everyday words somewhere ("fit", "fold" and "sheet" chapters apart).
   */
  wordsNear?: (telling: ReadonlyArray<readonly number[]>) => (doc: number) => boolean;
}

/** A query's words' candidates but synonyms, and its pairs': what every reading of it starts from. */
interface WordCandidates {
  groups: readonly Candidates[];
  /** Per word, how many edits its typo corrections are from what was typed. */
  typoEdits: ReadonlyArray<number | undefined>;
  pairs: readonly Candidates[];
}

function candidatesButSynonyms(
  vocabulary: Vocabulary,
  typos: TypoMatcher,
  words: readonly QueryWord[],
  { typing, everydayWords, everydaySpeech, aside, meantAsWritten }: RankOptions,
): WordCandidates {
  const groups = wordCandidates(vocabulary, words, typing, typos.wordsBeginning);
  const asWritten = (at: number) => meantAsWritten?.(words[at] as QueryWord) === true;
  // The word being typed still completes as a beginning (wordCandidates), "pok" to "poke": only a
  // finished one is not completed; neither is read as a slip, so a result does not vanish once it is finished.
  const finished = (at: number) => !typing || at < words.length - 1;
  addCompletionCandidates(vocabulary, words, groups, typos.wordsBeginning, (at) => finished(at) && asWritten(at));
  const typoEdits = addTypoCandidates(vocabulary, typos, words, groups, {
    everydayWords,
    typing,
    namesEverydayThing: everydaySpeech?.namesEverydayThing,
    asWritten,
  });
  // The aside field's terms are read from the typo stage's sure corrections, never from synonyms.
  if (aside) addAsideCandidates(vocabulary, words, groups);
  return { groups, typoEdits, pairs: pairCandidates(vocabulary, words, typing) };
}

/** One reading of a query: each word's specificity, the documents scored and whether any is about it. */
interface QueryReading {
  documents: ScoredDocument[];
  matchedTerms: Set<string>;
  termWeights: Map<string, MatchedTermWeight>;
  wordReadings: Array<WordReading | null>;
  /** The largest share of the query a document about it covers; 0 when none is about it. */
  bestShare: number;
  /** Where plain words were found, and the terms they look for. */
  plainFound: PlainWordsFound[];
  /** Whether a document holds the query's telling words near one another (`RankOptions.wordsNear`). */
  near: (doc: number) => boolean;
  isCommonWord: (at: number) => boolean;
  /** Whether the query names a thing of everyday life the library does not know (`namesUnknownEverydayThing`). */
  namesUnknownEverydayThing: boolean;
  /**
   * Whether it holds a word the library does not know that everyday speech seldom uses ("sourdough",
   * "crochet"): what the query is about, whatever plain words it also says. A word being typed counts
   * only once everyday speech knows it as typed ("instructi" is no word yet, "crochet" is).
   */
  holdsUncommonUnknownWord: boolean;
}

/** How plain words are read in a second reading (see `rankQuery`). */
interface SurePlainWords {
  /** Whether plain words found at these positions are sure. */
  at: (positions: readonly number[]) => boolean;
  /** Whether a document may decide that the query is about something: one holding a term made sure. */
  decides: (doc: number) => boolean;
}

/**
 * Whether a document holds the query's telling words near one another (`RankOptions.wordsNear`), read from
 * each telling word's sure terms; any document does when fewer than two words tell. Only a library that
 * asks: the blog's searches, at each keystroke, do not gather the terms.
 */
function nearReader(
  wordsNear: NonNullable<RankOptions['wordsNear']>,
  groups: readonly Candidates[],
  specificities: readonly WordSpecificity[],
): (doc: number) => boolean {
  const tellingTerms = groups.flatMap((group, at) => {
    if ((specificities[at] as WordSpecificity).weight <= 0) return [];
    const terms = [...group].filter(([, { certainty }]) => certainty > 0).map(([term]) => term);
    return terms.length > 0 ? [terms] : [];
  });
  return tellingTerms.length >= 2 ? wordsNear(tellingTerms) : () => true;
}

function readQuery(
  vocabulary: Vocabulary,
  words: readonly QueryWord[],
  base: WordCandidates,
  { typing, accept, tuning, everydaySpeech, synonyms, wordsNear }: RankOptions,
  sure?: SurePlainWords,
): QueryReading {
  // Copied: a second reading adds its synonyms to candidates of its own (each candidate is replaced, never changed).
  const groups = base.groups.map((group) => new Map(group));
  const plainFound = addSynonymCandidates(vocabulary, words, groups, synonyms, sure?.at, (at) =>
    isTypedFragment(words, at, typing),
  );
  const wordReadings = groups.map((group, at): WordReading | null => {
    const terms = [...group]
      .filter(([, { certainty }]) => certainty > 0)
      .map(([term]) => vocabulary.terms[term] as string);
    return terms.length > 0 ? { terms, edits: base.typoEdits[at] ?? 0 } : null;
  });
  // Asked of the words beside a modifier, of a document covering one word alone, and of short words
  // in a finished query of nothing else.
  const worthAt = everydayWorthReader(vocabulary, groups, words, everydaySpeech);
  const isCommonWord = (at: number) => worthAt(at) < tuning.commonWorth;
  const telling = withoutRepeats(
    words,
    withoutModifiers(
      words,
      withShortEverydayThings(
        words,
        groups.map((group, at) => wordSpecificity(vocabulary, group, words[at] as QueryWord, tuning)),
        typing,
        everydaySpeech,
        tuning,
        isCommonWord,
      ),
      typing,
      subjectWordReader(groups, everydaySpeech, isCommonWord),
    ),
  );
  const unknownWords = countUnknownWords(telling);
  const namesEverydayThing = unknownWords > 0 && namesUnknownEverydayThing(words, telling, everydaySpeech);
  const specificities =
    everydaySpeech && unknownWords > 0 ? unknownWordsByWorth(words, telling, everydaySpeech.worth(), tuning) : telling;
  // Everyday words matter only beside a word the index does not know (see `isAbout`).
  const everydayReadings =
    everydaySpeech && unknownWords > 0
      ? {
          everyday: words.map((_, at) => worthAt(at) < tuning.everydayWorth),
          // A number says no world ("party ideas for 8 year old"): common here, where an uncommon word
          // covered makes a thing a setting and lets a fifth of a question do.
          common: words.map((word, at) => isCommonWord(at) || /^\d+$/.test(word.term)),
          namesSubject: everydaySpeech.namesSubject,
        }
      : undefined;
  const { documents, matchedTerms, termWeights } = scoreDocuments(
    vocabulary,
    groups,
    base.pairs,
    specificities,
    everydayReadings,
  );
  // An uncommon word covered lets a fifth of a long question do (`evidenceShareUncommon`: "cpu … release"
  // of "cpu jumped to almost 100 percent right after we shipped a release"), only where everyday speech
  // tells which words are common (the blog's articles, not a user's library), and not beside a word the
  // library does not know that speech has as uncommon or as a thing of everyday life ("the deli counter
  // queue was so long the paper ticket dispenser ran out", "… when my heart rate spikes during leg day").
  // A word of technical writing that speech knows too says no such world ("reuse previous answers when
  // users ask nearly the same thing to lower openai spend": the manuals say "previous" more than speech),
  // nor does an adverb or a verb's past form, which tells how ("devs exhausted from getting woken up
  // constantly by the same flaky notification").
  const knownToSpeech = (at: number) => everydaySpeech?.worth().has((words[at] as QueryWord).term) === true;
  const saysEverydayWorld = (at: number) => {
    const { term, surface } = words[at] as QueryWord;
    return knownToSpeech(at) && everydaySpeech?.isManualWord(term) === false && !everydaySpeech.tellsHow(surface);
  };
  const isUncommonUnknownWord = ({ weight, bestCertainty }: WordSpecificity, at: number) =>
    weight > 0 && bestCertainty === 0 && !isCommonWord(at);
  const holdsUncommonSpokenUnknownWord = specificities.some(
    (specificity, at) => isUncommonUnknownWord(specificity, at) && saysEverydayWorld(at),
  );
  const near = wordsNear ? nearReader(wordsNear, groups, specificities) : () => true;
  const fifthMayDo = everydaySpeech !== undefined && !namesEverydayThing && !holdsUncommonSpokenUnknownWord;
  const usualTuning = { ...tuning, evidenceShareUncommon: tuning.evidenceShare };
  // Results only when some document is about the query; the weakest of them, and everything for a
  // query about nothing here, are at most loosely related. Where only a fifth of the query decides, it
  // decides among all the articles, a topic or tag chosen or not: the filter narrows what the query
  // lists unfiltered, never lets one of its few articles decide on a fifth alone ("cpu jumped…" lists
  // *CPU Spike After Deployment* in performance, and in security what it lists unfiltered there).
  let bestShare = 0;
  let aboutAnywhere = false;
  let bestFifth = 0;
  for (const document of documents) {
    if (!(sure?.decides(document.doc) ?? true)) continue;
    if (isAbout(document, unknownWords, usualTuning, isCommonWord, namesEverydayThing) && near(document.doc)) {
      aboutAnywhere = true;
      if (accept(document.doc)) bestShare = Math.max(bestShare, document.confidence);
    } else if (fifthMayDo && isAbout(document, unknownWords, tuning, isCommonWord, namesEverydayThing))
      bestFifth = Math.max(bestFifth, document.confidence);
  }
  if (!aboutAnywhere) bestShare = bestFifth;
  const last = words.length - 1;
  const isWordYet = (at: number) => !typing || at < last || knownToSpeech(at);
  const holdsUncommonUnknownWord = specificities.some(
    (specificity, at) => isUncommonUnknownWord(specificity, at) && isWordYet(at),
  );
  return {
    documents,
    matchedTerms,
    termWeights,
    wordReadings,
    bestShare,
    plainFound,
    near,
    isCommonWord,
    namesUnknownEverydayThing: namesEverydayThing,
    holdsUncommonUnknownWord,
  };
}

/**
 * The search stages over any index with a vocabulary (the bundled articles', the user's library):
 * candidates (exact terms, prefixes while typing, completions) → typo corrections and synonyms →
 * BM25F scores → calibrated confidence → the top k results and the loosely related.
 */
export function rankQuery(
  vocabulary: Vocabulary,
  typos: TypoMatcher,
  words: readonly QueryWord[],
  options: RankOptions,
): Ranking {
  const { limit, looseLimit, accept, tuning, everydaySpeech } = options;
  const base = candidatesButSynonyms(vocabulary, typos, words, options);
  const first = readQuery(vocabulary, words, base, options);
  let reading = first;
  // When the query's own words say it is about nothing here, plain words may: read again with a plain phrase sure
  // where two of its words or more are found and the query holds a word the library knows that is no common English
  // word (as written, beside the phrase: not a guess at a slip), in the phrase ("chatbot forgets what was said
  // earlier in long chats": "chatbot" and "forgets", "earlier" of "chatbot forgets earlier messages") or beside it
  // ("aws" of "intern committed an aws key to a public repo", which finds "password committed repo"). Such a word
  // says what world the phrase is from, which the everyday words of a phrase alone do not ("package not arriving" of
  // "sms codes not arriving"). Only an article holding a term so made sure decides (made known, the phrase's words
  // would otherwise let any article covering a fifth of the query do), and only if the query then names no thing of
  // everyday life the library does not know and holds no uncommon word it does not ("chatbot forgets earlier messages
  // about crochet patterns" is about crochet). The blog's only: a user's library has no plain words nor everyday
  // speech.
  const saysWorldElsewhere = words.some((_, at) => first.wordReadings[at]?.edits === 0 && !first.isCommonWord(at));
  const tellsWorld = (positions: readonly number[]) =>
    saysWorldElsewhere || positions.some((at) => !first.isCommonWord(at));
  const surePhrases = first.plainFound.filter(({ positions }) => tellsWorld(positions));
  if (first.bestShare === 0 && everydaySpeech && surePhrases.length > 0) {
    const holders = documentsHolding(
      vocabulary,
      surePhrases.flatMap(({ terms }) => terms),
    );
    const sure = readQuery(vocabulary, words, base, options, { at: tellsWorld, decides: (doc) => holders.has(doc) });
    if (sure.bestShare > 0 && !sure.namesUnknownEverydayThing && !sure.holdsUncommonUnknownWord) reading = sure;
  }
  const { documents, matchedTerms, termWeights, bestShare, near } = reading;
  const resultFloor = bestShare > 0 ? bestShare * tuning.resultsShareOfBest : Number.POSITIVE_INFINITY;
  const top = createTopK(limit);
  const looseTop = createTopK(Math.min(limit, looseLimit));
  const confidence = new Map<number, number>();
  for (const { doc, score, confidence: share, onTopicConfidence } of documents) {
    if (!accept(doc)) continue;
    // Whether the query is about anything is decided on its sure words (bestShare), plain words made
    // sure in a second reading among them; then plain words
    // list the article they name too ("users trick the chatbot into ignoring its instructions"), and
    // count in the share it reports (by which the popup's list mixes saved pages in, `lib/search/unified.ts`).
    if (onTopicConfidence >= resultFloor && near(doc)) {
      top.offer(doc, score);
      confidence.set(doc, onTopicConfidence);
    } else {
      if (share >= tuning.looseShare) looseTop.offer(doc, score);
      confidence.set(doc, share);
    }
  }
  const withConfidence = (ranked: ReturnType<typeof top.items>) =>
    ranked.map(({ doc, score }) => ({ doc, score, confidence: confidence.get(doc) ?? 0 }));
  return {
    results: withConfidence(top.items()),
    loose: withConfidence(looseTop.items()),
    matchedTerms,
    termWeights,
    // As the query's own words read it: plain words are no reading of a word (`lib/search/unified.ts`
    // weighs the blog's hits against saved pages by these).
    wordReadings: first.wordReadings,
  };
}
