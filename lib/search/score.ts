import { ASIDE_MARK } from '@/lib/search/aside';
import { type Candidates, FACTOR, onTopicCertainty } from '@/lib/search/candidates';
import type { EverydayReadings, WordSpecificity } from '@/lib/search/confidence';
import type { Vocabulary } from '@/lib/search/vocabulary';

export interface ScoredDocument {
  doc: number;
  /** Higher is better; comparable within one query only. */
  score: number;
  /** 0..1: the share of the query's specific words the document covers (see confidence.ts). */
  confidence: number;
  /**
   * The confidence with the candidates that are sure only once the query is about something the
   * library holds (plain words, `Candidate.onTopicCertainty`): what lists the document then.
   */
  onTopicConfidence: number;
  /** The specificity (summed idf) of the query words the document covers. */
  evidence: number;
  /** How many of the query's words the document covers. */
  coveredWords: number;
  /** Which query word it covers, by position, when it covers exactly one (else -1). */
  onlyWord: number;
  /** How many of those are not everyday words (see `CONFIDENCE.everydayWorth`), or are in its title, tags or topic. */
  subjectWords: number;
  /** How many of those are not common English words (see `CONFIDENCE.commonWorth`) nor numbers; all without everyday readings. */
  uncommonWords: number;
  /** Whether two everyday words of the query stand together in the document too ("last night"). */
  everydayPhrase: boolean;
  /** Whether two words of the query, not both everyday, stand together in the document too ("race condition"). */
  sharesPhrase: boolean;
}

export interface Scores {
  /** Every document that matched at least one query word, in the order first met. */
  documents: ScoredDocument[];
  /** Every index term the query matched (exactly, by prefix, typo or synonym), for highlighting. */
  matchedTerms: Set<string>;
  /** What each of those shows of the query (`MatchedTermWeight`). */
  termWeights: Map<string, MatchedTermWeight>;
}

/**
 * How surely a matched term is what a query word meant, and which word: a snippet shows the passage
 * holding the surest reading of each word. Of "revees", a saved page's "Reeves" (one swap) rather than
 * its "reverse", which the typo stage also reads, less surely.
 */
export interface MatchedTermWeight {
  /** The query word it stands for, by position. */
  word: number;
  /**
   * Its candidate's factor (FACTOR), halved when it is not what the word surely meant, even once the
   * query is about something the library holds (`onTopicCertainty` 0: a typo reading past the closest).
   */
  weight: number;
}

/**
 * How much a query word counts: its idf, so that filler words ("look", "like") barely matter and
 * words the library does not contain count for nothing. A word found as typed counts as itself: a
 * rare completion or synonym ("code" → "codereview") must not make a common word weigh more than
 * the query's specific words.
 */
export function wordWeight(vocabulary: Vocabulary, candidates: Candidates): number {
  let exact = 0;
  let any = 0;
  for (const [term, { factor }] of candidates) {
    any = Math.max(any, factor * vocabulary.idf(term));
    if (factor === FACTOR.exact) exact = Math.max(exact, vocabulary.idf(term));
  }
  return exact > 0 ? exact : any;
}

/**
 * Stage 3: BM25F scores summed over the query's words (each word by its best candidate term in the
 * document), plus a bonus for words that also stand together in the document; then scaled by the
 * square of the share of the query's weight the document covers, so that a document matching more
 * of the query's words outranks one matching a single word strongly.
 */
export function scoreDocuments(
  vocabulary: Vocabulary,
  groups: readonly Candidates[],
  pairs: readonly Candidates[],
  specificities: readonly WordSpecificity[],
  /** Which query words are everyday words (none by default). */
  everydayReadings: EverydayReadings = { everyday: [], common: [], namesSubject: () => false },
): Scores {
  const { terms, postings, docCount } = vocabulary;
  const groupWeights = groups.map((group) => wordWeight(vocabulary, group));
  const total = new Float64Array(docCount);
  const matched = new Uint8Array(docCount);
  const coveredWeight = new Float64Array(docCount);
  const best = new Float64Array(docCount);
  const surest = new Float64Array(docCount);
  const surestOnTopic = new Float64Array(docCount);
  const covered = new Float64Array(docCount);
  const coveredOnTopic = new Float64Array(docCount);
  const coveredWords = new Uint8Array(docCount);
  const lastCovered = new Uint8Array(docCount);
  const subjectWords = new Uint8Array(docCount);
  const uncommonWords = new Uint8Array(docCount);
  const namedSubject = new Uint8Array(docCount);
  const everydayPhrase = new Uint8Array(docCount);
  const sharesPhrase = new Uint8Array(docCount);
  // Per document, the words reaching it through a candidate sure alone (not a plain phrase's term nor
  // the aside field, sure of nothing until the query is about something): what a query of fragments
  // alone is judged on.
  const matchedSure = new Uint8Array(docCount);
  const reachedSure = new Uint8Array(docCount);
  const touched: number[] = [];
  const matchedTerms = new Set<string>();
  const termWeights = new Map<string, MatchedTermWeight>();
  for (const [groupIndex, group] of groups.entries()) {
    const groupDocs: number[] = [];
    const groupWeight = groupWeights[groupIndex] as number;
    const { weight, bestCertainty } = specificities[groupIndex] as WordSpecificity;
    const everyday = everydayReadings.everyday[groupIndex] === true;
    const common = everydayReadings.common[groupIndex] === true;
    for (const [term, candidate] of group) {
      const { factor, certainty } = candidate;
      const onTopic = onTopicCertainty(candidate);
      const name = terms[term] as string;
      // Aside terms: nothing to highlight.
      if (!name.startsWith(ASIDE_MARK)) {
        matchedTerms.add(name);
        const termWeight = factor * (onTopic > 0 ? 1 : 0.5);
        if (termWeight > (termWeights.get(name)?.weight ?? -1))
          termWeights.set(name, { word: groupIndex, weight: termWeight });
      }
      const list = postings[term] as number[];
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i] as number;
        const score = factor * (list[i + 1] as number);
        if (best[doc] === 0) groupDocs.push(doc);
        if (score > (best[doc] as number)) best[doc] = score;
        if (certainty > (surest[doc] as number)) surest[doc] = certainty;
        if (onTopic > (surestOnTopic[doc] as number)) surestOnTopic[doc] = onTopic;
        if (candidate.onTopicCertainty === undefined) reachedSure[doc] = 1;
        if (everyday && certainty > 0 && everydayReadings.namesSubject(doc, term)) namedSubject[doc] = 1;
      }
    }
    for (const doc of groupDocs) {
      if (matched[doc] === 0) touched.push(doc);
      total[doc] = (total[doc] as number) + (best[doc] as number);
      matched[doc] = (matched[doc] as number) + 1;
      matchedSure[doc] = (matchedSure[doc] as number) + (reachedSure[doc] as number);
      coveredWeight[doc] = (coveredWeight[doc] as number) + groupWeight;
      // Covered for listing by a candidate sure once the query is about something (a plain phrase's
      // term), also where the word is one the library does not know (sure of nothing otherwise).
      coveredOnTopic[doc] =
        (coveredOnTopic[doc] as number) +
        weight * Math.min(1, (surestOnTopic[doc] as number) / (bestCertainty > 0 ? bestCertainty : 1));
      if (bestCertainty > 0 && (surest[doc] as number) > 0) {
        covered[doc] = (covered[doc] as number) + weight * Math.min(1, (surest[doc] as number) / bestCertainty);
        coveredWords[doc] = (coveredWords[doc] as number) + 1;
        lastCovered[doc] = groupIndex;
        if (!everyday || namedSubject[doc] === 1) subjectWords[doc] = (subjectWords[doc] as number) + 1;
        if (!common) uncommonWords[doc] = (uncommonWords[doc] as number) + 1;
      }
      best[doc] = 0;
      surest[doc] = 0;
      surestOnTopic[doc] = 0;
      namedSubject[doc] = 0;
      reachedSure[doc] = 0;
    }
  }

  // Words typed next to each other that also stand next to each other in a document add a bonus.
  for (const [at, pair] of pairs.entries()) {
    const everyday = everydayReadings.everyday[at] === true && everydayReadings.everyday[at + 1] === true;
    for (const [term, { factor }] of pair) {
      const list = postings[term] as number[];
      // The pair as typed, not a completion of its last word ("last ni" is not "last nightly").
      const typed = factor === FACTOR.phrase;
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i] as number;
        if (matched[doc] === 0) continue;
        total[doc] = (total[doc] as number) + factor * (list[i + 1] as number);
        if (typed && everyday) everydayPhrase[doc] = 1;
        if (typed && !everyday) sharesPhrase[doc] = 1;
      }
    }
  }

  const totalWeight = groupWeights.reduce((sum, w) => sum + w, 0) || 1;
  const querySpecificity = specificities.reduce((sum, { weight }) => sum + weight, 0);
  const documents = touched.map((doc) => {
    const coverage = (coveredWeight[doc] as number) / totalWeight;
    const confidence =
      querySpecificity > 0 ? (covered[doc] as number) / querySpecificity : (matchedSure[doc] as number) / groups.length;
    return {
      doc,
      score: ((total[doc] as number) / 1000) * coverage * coverage,
      // A query of fragments alone ("pgv" being typed): the share of its words the document has.
      confidence,
      // Never below `confidence`: a sure candidate is as sure on topic (`onTopicCertainty`).
      onTopicConfidence:
        querySpecificity > 0
          ? (coveredOnTopic[doc] as number) / querySpecificity
          : (matched[doc] as number) / groups.length,
      evidence: covered[doc] as number,
      coveredWords: coveredWords[doc] as number,
      onlyWord: coveredWords[doc] === 1 ? (lastCovered[doc] as number) : -1,
      subjectWords: subjectWords[doc] as number,
      uncommonWords: uncommonWords[doc] as number,
      everydayPhrase: everydayPhrase[doc] === 1,
      sharesPhrase: sharesPhrase[doc] === 1,
    };
  });
  return { documents, matchedTerms, termWeights };
}
