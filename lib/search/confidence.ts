import { type Candidates, FACTOR, MIN_TELLING_LENGTH } from '@/lib/search/candidates';
import type { ScoredDocument } from '@/lib/search/score';
import type { QueryWord } from '@/lib/search/text';
import type { Vocabulary } from '@/lib/search/vocabulary';
import type { WordWorth } from '@/lib/search/word-worth';

/**
 * Knowing when nothing matches. Each query word weighs by how specific it is (its idf), and a
 * word the library does not know at all weighs as a fairly specific word that no article covers:
 * "sourdough starter hydration" is about nothing here even though Fuse.js finds "start" and
 * "degradation" for two of its words. An article is about the query when it covers enough of that
 * weight (its share) with enough evidence (the summed idf of the words it covers): one common word
 * shared with an everyday query ("leader of the opposition", "chess opening for black") is not
 * enough, two specific words of a long question in plain words are. And a query holding words the
 * library does not know, that an article meets only in an everyday phrase of its summary ("premier
 * league scores last night" and "twelve alerts last night"), is about something else.
 *
 * Calibrated with tests/fixtures/search-confidence.json (off-topic everyday queries and on-topic
 * questions in plain words, tuned on one half, reported on the other) and the public query set,
 * in CLI and typing modes: the figures are in `npm run eval`, the reasoning in the README.
 */
export interface ConfidenceTuning {
  /**
   * How much a word of 4+ letters weighs when the library has no term, completion or likely typo for
   * it (an everyday word times its worth: `unknownWordsByWorth`).
   */
  unknownWordWeight: number;
  /** An article covering this share of the query's weight is about it, whatever the words. */
  wholeShare: number;
  /** Or: it covers two words or more, worth at least `evidence` together and `evidenceShare` of the query. */
  evidence: number;
  evidenceShare: number;
  /**
   * The `evidenceShare` asked when one of the words is one everyday English seldom uses (worth
   * `commonWorth` or more: "cpu" of "cpu jumped to almost 100 percent right after we shipped a
   * release", a fifth of the question), where the query allows it (`readQuery` in rank.ts). 0.25
   * for all until 2026-12-05; see README.
   */
  evidenceShareUncommon: number;
  /** Or: the library knows every telling word of the query, and the article covers this share… */
  knownWordsShare: number;
  /**
   * … or this share when the one query word it covers is a common English word (worth less than
   * `commonWorth`): "score" of "how to improve my credit score", "letter" of "how to write a cover
   * letter", "cold" of "how long does a cold last" are chance. A name everyday speech does not use
   * ("bedrock claude integration", "debezium setup guide") still tells the subject alone.
   */
  singleWordShare: number;
  commonWorth: number;
  /** Results are the articles covering at least this fraction of the best article's share. */
  resultsShareOfBest: number;
  /** Articles below the results but covering this share are "loosely related". */
  looseShare: number;
  /**
   * A word worth less than this in everyday speech (`everydayWorthOf`; `lib/search/word-worth.ts`: "night" 0.51,
   * "last" 0.52, "sleep" 0.59) is an everyday word. An article covering only such words of a query
   * that holds unknown ones, none of them in its title, tags or topic, two of them side by side as in
   * the query (an everyday phrase: "last night"), is not about it unless it covers `wholeShare`.
   */
  everydayWorth: number;
  /**
   * An article sharing this many words of a query that names a thing of everyday life the library does
   * not know is about the developer's question the thing is the setting of ("people see old menu prices
   * at the restaurant", "sentry alerts wake the whole team every night"); with fewer, all common,
   * none side by side as in the article, it needs `wholeShare` (see `isAbout`).
   */
  thingSettingWords: number;
}

export const CONFIDENCE: ConfidenceTuning = {
  unknownWordWeight: 3,
  wholeShare: 0.75,
  evidence: 4,
  evidenceShare: 0.25,
  evidenceShareUncommon: 0.15,
  knownWordsShare: 0.2,
  singleWordShare: 0.5,
  commonWorth: 0.8,
  resultsShareOfBest: 0.3,
  looseShare: 0.3,
  everydayWorth: 0.6,
  thingSettingWords: 3,
};

/**
 * The same for a user's saved pages. Their full text holds most everyday English, so that the
 * library knowing every word of a query says nothing of whether a page is about it ("how can I
 * improve my credit score quickly": some page holds "improve", "credit" and "quickly"): that rule
 * asks what the others do, two specific words need half the query's weight, not a quarter, and
 * beside a page about the query, one covering under half of what it covers is loosely related. With
 * these and words meant as written (`createLibraryIndex`), 20 of 781 off-topic everyday queries get
 * results among 8 of the shared real pages saved (103 with the blog's rules), and of 48 queries
 * users write to find one of 22 pages again, 46 list it (48): `npm run eval`, README "Saved pages:
 * knowing when nothing matches".
 */
export const LIBRARY_CONFIDENCE: ConfidenceTuning = {
  ...CONFIDENCE,
  knownWordsShare: CONFIDENCE.wholeShare,
  evidenceShare: 0.5,
  evidenceShareUncommon: 0.5,
  resultsShareOfBest: 0.5,
};

export interface WordSpecificity {
  /** How much the word counts in the query's confidence. */
  weight: number;
  /** The certainty of the word's surest candidate: a document holding a candidate this sure covers the word fully. */
  bestCertainty: number;
}

/**
 * How specific a query word is: the idf of the term it stands for as written; else of its surest
 * completion, likely typo correction or synonym (times that certainty: half a word typed counts
 * half); else, unknown to the library, `unknownWordWeight` (nothing for a short fragment).
 */
export function wordSpecificity(
  vocabulary: Vocabulary,
  candidates: Candidates,
  word: QueryWord,
  tuning: ConfidenceTuning = CONFIDENCE,
): WordSpecificity {
  let exact = 0;
  let weight = 0;
  let bestCertainty = 0;
  for (const [term, { factor, certainty }] of candidates) {
    // A word as written counts in full, unless it is a fragment being typed (`wordCandidates`).
    if (factor === FACTOR.exact && certainty > 0) exact = Math.max(exact, vocabulary.idf(term));
    if (certainty > 0) weight = Math.max(weight, certainty * vocabulary.idf(term));
    bestCertainty = Math.max(bestCertainty, certainty);
  }
  if (exact > 0) return { weight: exact, bestCertainty: 1 };
  if (bestCertainty > 0) return { weight, bestCertainty };
  // Short unknown words are fragments ("br" of a word being typed, "sta") or too ambiguous to tell.
  return { weight: word.surface.length >= MIN_TELLING_LENGTH ? tuning.unknownWordWeight : 0, bestCertainty: 0 };
}

/**
 * Words that say what kind of text the searcher wants, not what it is about: "kafka tutorial",
 * "redis tips", "grpc basics", "debezium setup guide", "pgvector vs pinecone". The articles seldom say them ("tutorial" is
 * not in the library at all), so counted as other words they made the topic's own word too small a
 * share of the query, or read the query as holding an unknown word: "kafka tutorial" found nothing.
 * They still rank (an article that is a guide ranks higher for "… guide"); only the confidence leaves
 * them out. Words that also name subjects here are not listed: "docs" ("our docs are out of
 * date"), "review" (code review), "learn" (machine learning), "basic" (basic auth), "help" (help desk),
 * "resources" (resource limits).
 */
const QUERY_MODIFIER_LIST = (
  'tutorial tutorials tip tips tricks guide guides basics introduction introductions intro explained ' +
  'explanation example examples sample samples demo overview overviews beginner beginners cheatsheet ' +
  'cheatsheets howto walkthrough walkthroughs primer course courses quickstart lesson lessons handbook faq ' +
  'advice alternatives comparison comparisons vs versus definition meaning setup install installation roadmap'
).split(' ');
const QUERY_MODIFIERS: ReadonlySet<string> = new Set(QUERY_MODIFIER_LIST);
/** Modifiers of two words, each of which may name a subject alone ("crash", "start", "sheet"). */
const QUERY_MODIFIER_PAIRS: ReadonlySet<string> = new Set([
  'getting started',
  'best practices',
  'best practice',
  'cheat sheet',
  'crash course',
  'deep dive',
]);

const NO_SPECIFICITY: WordSpecificity = { weight: 0, bestCertainty: 0 };

/**
 * The specificities with the query's modifiers (see QUERY_MODIFIERS) counting for nothing, when
 * the query has other telling words and those the library knows all tell a subject of it ("kafka
 * tutorial", "security tips", "express tutorial"; "beginner guide to sourdough starter" is about
 * sourdough, not guides). A query of modifiers alone ("getting started guide") is read as written, and
 * so is one holding a common word no article is about ("sleep tips", "cover letter tips": "tips"
 * stays a word the library does not know, as the everyday query it is).
 */
export function withoutModifiers(
  words: readonly QueryWord[],
  specificities: readonly WordSpecificity[],
  typing: boolean,
  /**
   * Whether the query word at a position tells a subject of the library: not a common English word
   * (see `commonWorth`), or one that names some article's subject ("security", "express").
   */
  tellsSubject: (at: number) => boolean,
): readonly WordSpecificity[] {
  const modifier = words.map(({ surface }) => QUERY_MODIFIERS.has(surface));
  // While typing, an unknown last word that begins a modifier ("kafka tuto") is one already, so that
  // results do not vanish and come back; a word the library knows ("explain", "begin") is read as itself.
  const last = words.length - 1;
  const typed = words[last]?.surface ?? '';
  const lastUnknown = specificities[last]?.bestCertainty === 0;
  if (
    typing &&
    lastUnknown &&
    typed.length >= MIN_TELLING_LENGTH &&
    QUERY_MODIFIER_LIST.some((m) => m.startsWith(typed))
  )
    modifier[last] = true;
  for (let at = 0; at + 1 < words.length; at++)
    if (QUERY_MODIFIER_PAIRS.has(`${words[at]?.surface} ${words[at + 1]?.surface}`)) {
      modifier[at] = true;
      modifier[at + 1] = true;
    }
  if (!modifier.includes(true)) return specificities;
  const others = specificities.flatMap(({ weight }, at) => (weight > 0 && !modifier[at] ? [at] : []));
  const known = others.filter((at) => (specificities[at] as WordSpecificity).bestCertainty > 0);
  return others.length > 0 && known.every(tellsSubject)
    ? specificities.map((specificity, at) => (modifier[at] ? NO_SPECIFICITY : specificity))
    : specificities;
}

/**
 * A word of the library said again in a query tells nothing more of it: it counts once in what the
 * query is about. Said twice, "window" of "replace broken window latch on vinyl window" weighed twice
 * against "latch" and "vinyl", and an article on context windows answered (blind22). A word the library
 * does not know keeps each saying ("baking … for the bake sale" is about baking). Ranking reads every word.
 */
export function withoutRepeats(
  words: readonly QueryWord[],
  specificities: readonly WordSpecificity[],
): readonly WordSpecificity[] {
  const seen = new Set<string>();
  let repeated = false;
  const once = specificities.map((specificity, at) => {
    const { term } = words[at] as QueryWord;
    if (specificity.bestCertainty === 0 || !seen.has(term)) {
      seen.add(term);
      return specificity;
    }
    repeated = true;
    return NO_SPECIFICITY;
  });
  return repeated ? once : specificities;
}

/**
 * What a query word is worth in everyday speech: as typed, or as read (its surest candidate with some
 * certainty: the term as typed, else its surest completion, correction or synonym), whichever is
 * less ("stuff", 0.58, whatever it is corrected to); 1 for a word speech does not use.
 */
export function everydayWorthOf(
  vocabulary: Vocabulary,
  candidates: Candidates,
  word: QueryWord,
  worth: WordWorth,
): number {
  const worthOf = (term: string) => worth.get(term) ?? 1;
  let surest = 0;
  let read = 1;
  for (const [term, { certainty }] of candidates)
    if (certainty > surest) {
      surest = certainty;
      read = worthOf(vocabulary.terms[term] as string);
    }
  return Math.min(worthOf(word.term), read);
}

/**
 * What an engine knows of everyday speech: what words are worth in it, and which terms name each
 * document's subject (its title's, tags' and topic's words), where an everyday word counts as a
 * subject's ("seconds" in "Payment Gateway Timeout Chaos — When Stripe Takes 30 Seconds…"): see
 * `everydayWorth`.
 */
export interface EverydaySpeech {
  /**
   * Read when a query first needs it: one holding a word the index does not know, a modifier, or an
   * article covering one word of it alone (~10 ms to build, once).
   */
  worth: () => WordWorth;
  namesSubject: (doc: number, term: number) => boolean;
  /** Whether a term names some document's subject (read when a query with a modifier first needs it). */
  namesSomeSubject: (term: number) => boolean;
  /**
   * Whether a word, as typed, names a thing of everyday life ("toilet", "kitchen", "restaurant":
   * scripts/cli/everyday-things.ts); read when a query holds a word the index does not know.
   */
  namesEverydayThing: (surface: string) => boolean;
  /**
   * Whether a stem is a word of technical writing that speech knows too ("previou", "vendor", "info",
   * "reus"): most manuals Debian ships say it at least as often as speech does (scripts/cli/manual-words.ts).
   * Rare in speech, it still says no everyday world, as "dispenser" or "casserole" do.
   */
  isManualWord: (term: string) => boolean;
  /**
   * Whether a word, as typed, is an adverb or a verb's past form ("constantly", "woken", "flooded";
   * scripts/cli/everyday-things.ts): it tells how, not what world.
   */
  tellsHow: (surface: string) => boolean;
}

/**
 * Each query word's worth in everyday speech (`everydayWorthOf`), looked up once: what tells an
 * everyday word (`everydayWorth`) and a common one (`commonWorth`). 1 for every word without everyday
 * speech (a user's library, whose words are its own).
 */
export function everydayWorthReader(
  vocabulary: Vocabulary,
  groups: readonly Candidates[],
  words: readonly QueryWord[],
  everydaySpeech: EverydaySpeech | undefined,
): (at: number) => number {
  if (!everydaySpeech) return () => 1;
  const worths: Array<number | undefined> = [];
  return (at) => {
    worths[at] ??= everydayWorthOf(
      vocabulary,
      groups[at] as Candidates,
      words[at] as QueryWord,
      everydaySpeech.worth(),
    );
    return worths[at];
  };
}

/**
 * Whether the query word at a position tells a subject of the library (see `withoutModifiers`): not a
 * common word, or read as a term that names some article's subject.
 */
export function subjectWordReader(
  groups: readonly Candidates[],
  everydaySpeech: EverydaySpeech | undefined,
  isCommonWord: (at: number) => boolean,
): (at: number) => boolean {
  return (at) =>
    !isCommonWord(at) ||
    [...(groups[at] as Candidates)].some(
      ([term, { certainty }]) => certainty > 0 && everydaySpeech?.namesSomeSubject(term) === true,
    );
}

/** Per query word, whether it is an everyday word; and which terms name each document's subject. */
export interface EverydayReadings {
  everyday: readonly boolean[];
  /** Per query word, whether it is a common English word (worth under `commonWorth`) or a number. */
  common: readonly boolean[];
  namesSubject: EverydaySpeech['namesSubject'];
}

/**
 * Everyday words the library does not know (worth under `everydayWorth`) weigh at their worth:
 * "people" (0.49) or "questions" (0.58) in a developer's question in plain words ("spend less on
 * openai by reusing answers to questions") tells less about what the query is not about than
 * "faucet" or "sourdough", which keep the full `unknownWordWeight`. At full weight, such words left
 * no article enough of the query, and a question whose article ranked in the top 5 got no results.
 */
export function unknownWordsByWorth(
  words: readonly QueryWord[],
  specificities: readonly WordSpecificity[],
  worth: WordWorth,
  tuning: ConfidenceTuning = CONFIDENCE,
): readonly WordSpecificity[] {
  const everydayShare = (term: string) => {
    const share = worth.get(term) ?? 1;
    return share < tuning.everydayWorth ? share : 1;
  };
  return specificities.map((specificity, at) =>
    specificity.weight > 0 && specificity.bestCertainty === 0 && !QUERY_MODIFIERS.has((words[at] as QueryWord).surface)
      ? { weight: specificity.weight * everydayShare((words[at] as QueryWord).term), bestCertainty: 0 }
      : specificity,
  );
}

/**
 * Whether the query names a thing of everyday life the library does not know ("toilet tank leak fix",
 * "real estate agent commission rates", "front door lock stuck"): such a query is about that thing,
 * whatever else an article shares with it (see `isAbout`). Never for a user's library.
 */
export function namesUnknownEverydayThing(
  words: readonly QueryWord[],
  specificities: readonly WordSpecificity[],
  everydaySpeech: EverydaySpeech | undefined,
): boolean {
  return (
    everydaySpeech !== undefined &&
    specificities.some(
      ({ weight, bestCertainty }, at) =>
        weight > 0 && bestCertainty === 0 && everydaySpeech.namesEverydayThing((words[at] as QueryWord).surface),
    )
  );
}

/**
 * Short words the library does not know weigh nothing (`wordSpecificity`: a fragment being typed, or
 * too ambiguous to tell), but a finished one that names a thing of everyday life ("car", "oil", "cup")
 * is what the query is about: "used car prices", "oil leak under the car", "world cup schedule". It
 * weighs as a word the library does not know. So does a common English word of three letters
 * (`isCommonWord`) in a finished query of nothing but such short words: "tie" of "how to tie a tie" is
 * not the start of "tier" (a query of fragments alone is otherwise judged by the share of its words
 * something completes, see `scoreDocuments`), while "pgv" alone still finds pgvector. Beside a word
 * that weighs, such a word stays a fragment ("why does my pod eat all the ram"); and while a query is
 * typed its words are left as they were, so that typing "red cache" does not lose its results at
 * "red c" and find them again at "red cach". Never for a user's library.
 */
export function withShortEverydayThings(
  words: readonly QueryWord[],
  specificities: readonly WordSpecificity[],
  typing: boolean,
  everydaySpeech: EverydaySpeech | undefined,
  tuning: ConfidenceTuning = CONFIDENCE,
  /** Whether the query word at a position is a common English word (see `commonWorth`); none by default. */
  isCommonWord: (at: number) => boolean = () => false,
): readonly WordSpecificity[] {
  if (!everydaySpeech) return specificities;
  const last = words.length - 1;
  // Modifiers aside: they count for nothing beside a word that does ("tie guide", `withoutModifiers`).
  const finishedFragmentsOnly =
    !typing &&
    specificities.every(({ weight }, at) => weight === 0 || QUERY_MODIFIERS.has((words[at] as QueryWord).surface));
  return specificities.map((specificity, at) => {
    const { surface } = words[at] as QueryWord;
    const short = specificity.bestCertainty === 0 && specificity.weight === 0 && surface.length < MIN_TELLING_LENGTH;
    const finished = !typing || at < last;
    const isWord =
      everydaySpeech.namesEverydayThing(surface) ||
      (finishedFragmentsOnly && surface.length >= MIN_COMMON_WORD_LENGTH && isCommonWord(at));
    return short && finished && isWord ? { weight: tuning.unknownWordWeight, bestCertainty: 0 } : specificity;
  });
}

/** Shorter finished words are fragments whatever everyday speech says of them ("f" of "strangler f"). */
const MIN_COMMON_WORD_LENGTH = 3;

/** How many of the query's telling words the library does not know at all. */
export function countUnknownWords(specificities: readonly WordSpecificity[]): number {
  return specificities.filter(({ weight, bestCertainty }) => weight > 0 && bestCertainty === 0).length;
}

/** Whether a scored document is about the query (see ConfidenceTuning). */
export function isAbout(
  {
    confidence,
    evidence,
    coveredWords,
    onlyWord,
    subjectWords,
    uncommonWords,
    everydayPhrase,
    sharesPhrase,
  }: Pick<
    ScoredDocument,
    | 'confidence'
    | 'evidence'
    | 'coveredWords'
    | 'onlyWord'
    | 'subjectWords'
    | 'uncommonWords'
    | 'everydayPhrase'
    | 'sharesPhrase'
  >,
  unknownWords: number,
  tuning: ConfidenceTuning = CONFIDENCE,
  /** Whether the query word at a position is a common English word (see `commonWorth`); none by default. */
  isCommonWord: (at: number) => boolean = () => false,
  /** Whether the query names a thing of everyday life the library does not know (`namesUnknownEverydayThing`). */
  namesEverydayThing = false,
): boolean {
  // Words the library does not know, beside an everyday phrase of a summary: a story, not a subject.
  if (unknownWords > 0 && subjectWords === 0 && everydayPhrase && confidence < tuning.wholeShare) return false;
  // A thing of everyday life the library never mentions, beside a common word or two an article
  // shares one by one ("leak" and "fix" of "toilet tank leak fix"): what the query is about, unless the
  // article covers nearly all of it. Beside more of its words, a word everyday speech does not use, or
  // a phrase of the article, the thing is the setting of a developer's question ("cron job runs twice
  // every morning", "airline seat reservation race condition").
  const thingIsSetting = coveredWords >= tuning.thingSettingWords || uncommonWords > 0 || sharesPhrase;
  if (namesEverydayThing && !thingIsSetting && confidence < tuning.wholeShare) return false;
  // Which words are common is read only beside unknown words (`ScoredDocument.uncommonWords`).
  const evidenceShare = unknownWords > 0 && uncommonWords > 0 ? tuning.evidenceShareUncommon : tuning.evidenceShare;
  return (
    confidence >= tuning.wholeShare ||
    (coveredWords >= 2 && evidence >= tuning.evidence && confidence >= evidenceShare) ||
    (unknownWords === 0 &&
      confidence >= tuning.knownWordsShare &&
      (confidence >= tuning.singleWordShare || onlyWord < 0 || !isCommonWord(onlyWord)))
  );
}
