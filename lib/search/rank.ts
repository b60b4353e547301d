import {
  addAsideCandidates,
  addCompletionCandidates,
  addSynonymCandidates,
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
  withoutModifiers,
  withShortEverydayThings,
  wordSpecificity,
} from '@/lib/search/confidence';
import { scoreDocuments } from '@/lib/search/score';
import type { SynonymEntry } from '@/lib/search/synonyms';
import type { QueryWord } from '@/lib/search/text';
import { createTopK } from '@/lib/search/top-k';
import { addTypoCandidates, type TypoMatcher } from '@/lib/search/typo';
import type { Vocabulary } from '@/lib/search/vocabulary';

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
}

/** One reading of a query: its candidates, each word's specificity and the documents scored. */
function readQuery(
  vocabulary: Vocabulary,
  typos: TypoMatcher,
  words: readonly QueryWord[],
  { typing, accept, tuning, everydayWords, everydaySpeech, synonyms, aside }: RankOptions,
  plainWordsSure?: (positions: readonly number[]) => boolean,
) {
  const groups = wordCandidates(vocabulary, words, typing, typos.wordsBeginning);
  addCompletionCandidates(vocabulary, words, groups);
  const typoEdits = addTypoCandidates(vocabulary, typos, words, groups, {
    everydayWords,
    typing,
    namesEverydayThing: everydaySpeech?.namesEverydayThing,
  });
  const plainFound = addSynonymCandidates(vocabulary, words, groups, synonyms, plainWordsSure);
  if (aside) addAsideCandidates(vocabulary, words, groups);
  const wordReadings = groups.map((group, at): WordReading | null => {
    const terms = [...group]
      .filter(([, { certainty }]) => certainty > 0)
      .map(([term]) => vocabulary.terms[term] as string);
    return terms.length > 0 ? { terms, edits: typoEdits[at] ?? 0 } : null;
  });
  // Asked of the words beside a modifier, of a document covering one word alone, and of short words
  // in a finished query of nothing else.
  const worthAt = everydayWorthReader(vocabulary, groups, words, everydaySpeech);
  const isCommonWord = (at: number) => worthAt(at) < tuning.commonWorth;
  const telling = withoutModifiers(
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
  );
  const pairs = pairCandidates(vocabulary, words, typing);
  const unknownWords = countUnknownWords(telling);
  const namesEverydayThing = unknownWords > 0 && namesUnknownEverydayThing(words, telling, everydaySpeech);
  const specificities =
    everydaySpeech && unknownWords > 0 ? unknownWordsByWorth(words, telling, everydaySpeech.worth(), tuning) : telling;
  // Everyday words matter only beside a word the index does not know (see `isAbout`).
  const everydayReadings =
    everydaySpeech && unknownWords > 0
      ? {
          everyday: words.map((_, at) => worthAt(at) < tuning.everydayWorth),
          common: words.map((_, at) => isCommonWord(at)),
          namesSubject: everydaySpeech.namesSubject,
        }
      : undefined;
  const { documents, matchedTerms } = scoreDocuments(vocabulary, groups, pairs, specificities, everydayReadings);
  // Results only when some document is about the query; the weakest of them, and everything for a
  // query about nothing here, are at most loosely related.
  let bestShare = 0;
  for (const document of documents)
    if (accept(document.doc) && isAbout(document, unknownWords, tuning, isCommonWord, namesEverydayThing))
      bestShare = Math.max(bestShare, document.confidence);
  // A word the library does not know that everyday speech seldom uses ("sourdough", "babysitter"):
  // what the query is about, whatever plain words it also says.
  const holdsUncommonUnknownWord = specificities.some(
    ({ weight, bestCertainty }, at) => weight > 0 && bestCertainty === 0 && !isCommonWord(at),
  );
  return {
    documents,
    matchedTerms,
    wordReadings,
    bestShare,
    plainFound,
    isCommonWord,
    namesEverydayThing,
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
  const first = readQuery(vocabulary, typos, words, options);
  let reading = first;
  // When the query's own words say it is about nothing here, plain words may: read again with a plain
  // phrase sure where two of its words or more are found and one of them is no common English word
  // ("chatbot forgets what was said earlier in long chats": "chatbot" and "forgets", "earlier" of
  // "chatbot forgets earlier messages"). Such a word says what world the phrase is from, which the
  // everyday words of a phrase alone do not ("package not arriving" of "sms codes not arriving"). And
  // only if the query then names no thing of everyday life the library does not know and holds no
  // uncommon word it does not ("babysitter interview questions to ask" stays about babysitters). The
  // blog's only: a user's library has no plain words nor everyday speech.
  const tellsWorld = (positions: readonly number[]) => positions.some((at) => !first.isCommonWord(at));
  if (first.bestShare === 0 && everydaySpeech && first.plainFound.some(tellsWorld)) {
    const sure = readQuery(vocabulary, typos, words, options, tellsWorld);
    if (sure.bestShare > 0 && !sure.namesEverydayThing && !sure.holdsUncommonUnknownWord) reading = sure;
  }
  const { documents, matchedTerms, bestShare } = reading;
  const resultFloor = bestShare > 0 ? bestShare * tuning.resultsShareOfBest : Number.POSITIVE_INFINITY;
  const top = createTopK(limit);
  const looseTop = createTopK(Math.min(limit, looseLimit));
  const confidence = new Map<number, number>();
  for (const { doc, score, confidence: share, onTopicConfidence } of documents) {
    if (!accept(doc)) continue;
    // Whether the query is about anything is decided on its sure words (bestShare); then plain words
    // list the article they name too ("users trick the chatbot into ignoring its instructions"), and
    // count in the share it reports (by which the popup's list mixes saved pages in, `lib/search/unified.ts`).
    if (onTopicConfidence >= resultFloor) {
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
    // As the query's own words read it: plain words are no reading of a word (`lib/search/unified.ts`
    // weighs the blog's hits against saved pages by these).
    wordReadings: first.wordReadings,
  };
}
