import { ASIDE_MARK } from '@/lib/search/aside';
import { getSynonymTable, type SynonymEntry } from '@/lib/search/synonyms';
import { MIN_PREFIX_LENGTH, pairTerm, type QueryWord, stemWord, termsOfWord } from '@/lib/search/text';
import type { Vocabulary } from '@/lib/search/vocabulary';

/** Relative worth of the ways a query word can match an index term. */
export const FACTOR = { exact: 1, prefix: 0.8, fuzzy: 0.7, synonym: 0.6, phrase: 0.5, aside: 0.4 } as const;
const MAX_PREFIX_TERMS = 40;
/** A finished word this short that the index does not know is a fragment, not a prefix worth completing. */
const MIN_COMPLETION_LENGTH = 3;
/**
 * Completions of fewer letters help ranking but say nothing about what the query is about:
 * "red" may be "redis" or a colour, "tie" a "tier" or a tie.
 */
export const MIN_TELLING_LENGTH = 4;

/** How a query word may stand for an index term. */
export interface Candidate {
  /** What a match is worth in ranking, relative to an exact match (FACTOR). */
  factor: number;
  /**
   * 0..1: how sure it is that the user means this term (for confidence, not ranking): 1 as
   * written, the typed share of a completion, 0 for a typo correction too far from what was typed.
   */
  certainty: number;
  /**
   * How sure, once the query's sure words have shown it is about something the library holds: a plain
   * phrase's term (`SynonymEntry.plainWords`) is sure of nothing alone (unless a second reading makes it
   * so, `rankQuery`), but then lists the article it names. Unset: `certainty`.
   */
  onTopicCertainty?: number;
}

/** The index terms one query word (or word pair) may stand for, by term index. */
export type Candidates = Map<number, Candidate>;

/** A candidate's certainty once the query is known to be about the library (never below `certainty`: `setCandidate`). */
export function onTopicCertainty(candidate: Candidate): number {
  return candidate.onTopicCertainty ?? candidate.certainty;
}

/** Adds a candidate, or keeps the better factor and the better certainties of the two ways to it. */
export function setCandidate(
  candidates: Candidates,
  at: number,
  factor: number,
  certainty = factor,
  onTopic = certainty,
): void {
  const known = candidates.get(at);
  const merged = known
    ? { factor: Math.max(known.factor, factor), certainty: Math.max(known.certainty, certainty) }
    : { factor, certainty };
  const sureOnTopic = Math.max(known ? onTopicCertainty(known) : 0, onTopic);
  candidates.set(at, sureOnTopic > merged.certainty ? { ...merged, onTopicCertainty: sureOnTopic } : merged);
}

export function addCandidate(
  vocabulary: Vocabulary,
  candidates: Candidates,
  term: string,
  factor: number,
  certainty = factor,
  onTopic = certainty,
): void {
  const at = vocabulary.termIndex(term);
  if (at >= 0) setCandidate(candidates, at, factor, certainty, onTopic);
}

/** Single-word terms that complete `prefix`, the closest completions first ("cach" → "cache" before "cachecontrol"). */
export function addPrefixCandidates(
  vocabulary: Vocabulary,
  candidates: Candidates,
  prefix: string,
  wordsBeginning?: (prefix: string, limit: number) => readonly string[],
): void {
  const { terms } = vocabulary;
  const matches: number[] = [];
  for (let at = vocabulary.lowerBound(prefix); at < terms.length && (terms[at] as string).startsWith(prefix); at++) {
    if (!(terms[at] as string).includes(' ')) matches.push(at); // single words only, not pairs
  }
  // Typed past its stem ("observa…" of "observability", whose term is "observ"), a word begins no
  // term, and the list went blank for four letters: the terms of the words it begins count, when
  // the articles hold such words ("breakfast" begins none, though it begins with "break").
  if (matches.length === 0 && wordsBeginning) {
    for (const word of wordsBeginning(prefix, MAX_PREFIX_TERMS))
      for (const term of termsOfWord(word)) {
        const at = vocabulary.termIndex(term);
        if (at >= 0 && !matches.includes(at)) matches.push(at);
      }
  }
  matches.sort((a, b) => (terms[a] as string).length - (terms[b] as string).length || a - b);
  for (const at of matches.slice(0, MAX_PREFIX_TERMS)) {
    // As sure as the share of the word typed: "clickh" is surely ClickHouse, "cl" is anything.
    const certainty =
      prefix.length < MIN_TELLING_LENGTH ? 0 : Math.min(1, prefix.length / (terms[at] as string).length);
    setCandidate(candidates, at, FACTOR.prefix, certainty);
  }
}

/**
 * Endings of a web address, which name no site: "nytimes.com" is not about every page of a .com site,
 * nor "example.io" about every .io one. Generic endings and the country codes people most often type
 * (a leading "www" is left out apart, `queryTermsOfWord`).
 */
const ADDRESS_FILLER = new Set([
  ...['com', 'org', 'net', 'edu', 'gov', 'info', 'biz', 'io', 'dev', 'app', 'ai', 'me', 'tv', 'xyz'],
  ...['co', 'uk', 'us', 'ca', 'de', 'fr', 'nl', 'au', 'jp', 'eu'],
]);

/**
 * A query word's terms (`termsOfWord`), without the parts of an address that name no site: its ending
 * ("com", "co.uk", "io") and a leading "www". Each part of a compound stands for the whole word, so
 * with "com" among them every .com page covered "nytimes.com" in full (QA pass: 20 pages of four
 * sites). Only the ending: elsewhere such a part is a name ("io.reader", "app.js"; review). Pages index them still.
 */
export function queryTermsOfWord(surface: string): string[] {
  const terms = termsOfWord(surface);
  if (!surface.includes('.') || terms.length === 1) return terms;
  const parts = surface.split(/[+:.#]+/).filter((part) => part.length >= 2);
  let end = parts.length;
  while (end > 1 && ADDRESS_FILLER.has(parts[end - 1] as string)) end--;
  const start = parts[0] === 'www' && end > 1 ? 1 : 0;
  return [terms[0] as string, ...parts.slice(start, end).map(stemWord)];
}

/**
 * Being typed, a last word shorter than this is a fragment ("e", "ex" of "exposed"), even where some
 * page holds it as a word; from three letters it may say what the query is about ("box", "aws").
 */
const MIN_TYPED_WORD_LENGTH = 3;

/**
 * Letters of scripts written word by word. Han and kana are read a character at a time: a last
 * character is no fragment of a word ("系统" is two words "系" and "统", review).
 */
const SPELLED_WORD = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+$/u;

/**
 * Whether the word at `position` is the last, being typed, and a fragment (MIN_TYPED_WORD_LENGTH) of a
 * spelled word after finished words. Alone it is all the query says, read as before: "ai" typed is
 * about AI first, not "aiofiles"; nor is a number a fragment ("SOC 2").
 */
export function isTypedFragment(words: readonly QueryWord[], position: number, typing: boolean): boolean {
  const surface = (words[position] as QueryWord).surface;
  return (
    typing &&
    position > 0 &&
    position === words.length - 1 &&
    surface.length < MIN_TYPED_WORD_LENGTH &&
    SPELLED_WORD.test(surface)
  );
}

/**
 * Stage 1: each query word's candidate terms as written: its exact terms, and for the last word
 * while typing, the terms it begins. Words left without candidates go to the typo stage.
 */
export function wordCandidates(
  vocabulary: Vocabulary,
  words: readonly QueryWord[],
  typing: boolean,
  wordsBeginning?: (prefix: string, limit: number) => readonly string[],
): Candidates[] {
  return words.map((word, position) => {
    const candidates: Candidates = new Map();
    const isLast = position === words.length - 1;
    // A fragment being typed is no surer as written than its completions (below, sure of nothing at this
    // length): some page holding "e" or "ex" as a word made it weigh, and pages without it dropped out
    // ("…metrics e" of "…metrics exposed"). It still ranks.
    const certainty = isTypedFragment(words, position, typing) ? 0 : FACTOR.exact;
    for (const term of queryTermsOfWord(word.surface))
      addCandidate(vocabulary, candidates, term, FACTOR.exact, certainty);
    // "log in" is how people write "login": where the index holds the word written together, it is meant
    // too. As written only: a stem of it may be another word.
    const joined = word.joinedWithNext;
    if (joined && stemWord(joined) === joined) addCandidate(vocabulary, candidates, joined, FACTOR.exact);
    if (isLast && typing && word.surface.length >= MIN_PREFIX_LENGTH)
      addPrefixCandidates(vocabulary, candidates, word.surface, wordsBeginning);
    return candidates;
  });
}

/**
 * A finished word the index does not know may still be the start of one ("idemp", "stamp", a pasted
 * stem): it completes as the last word does while typing, before the typo stage is asked (which
 * would turn "stamp" into some other short word), typed past its stem too ("negotia"). Words with
 * candidates are left alone.
 */
export function addCompletionCandidates(
  vocabulary: Vocabulary,
  words: readonly QueryWord[],
  groups: readonly Candidates[],
  wordsBeginning?: (prefix: string, limit: number) => readonly string[],
  /** Whether the word at a position is meant as written (`RankOptions.meantAsWritten`): not completed. */
  asWritten: (position: number) => boolean = () => false,
): void {
  words.forEach((word, position) => {
    const candidates = groups[position] as Candidates;
    if (candidates.size === 0 && word.surface.length >= MIN_COMPLETION_LENGTH && !asWritten(position))
      addPrefixCandidates(vocabulary, candidates, word.surface, wordsBeginning);
  });
}

/**
 * Synonyms: a query phrase also looks for its equivalents, at a discount (after typos, which see only
 * what was written). Each word of the phrase gets them: a general synonym covers the words, plain
 * words rank and list but decide that there are results only when `plainWordsSure` says so (below).
 * `table`: the general synonyms unless the index has more (the blog's articles: their plain words). A
 * misspelled word is read as its sure correction too: "posgres" looks for what "postgres" does, at the
 * correction's discount. Returns where plain words were found, query positions per phrase.
 */
export function addSynonymCandidates(
  vocabulary: Vocabulary,
  words: readonly QueryWord[],
  groups: readonly Candidates[],
  table: readonly SynonymEntry[] = getSynonymTable(),
  /**
   * Whether plain words found at these query positions are sure (they decide that a query has
   * results, as a synonym does): never by default; see `rankQuery` for when they are.
   */
  plainWordsSure: (positions: readonly number[]) => boolean = () => false,
  /** Whether the word at a position is a fragment being typed (`isTypedFragment`): its synonyms are sure of nothing. */
  fragment: (position: number) => boolean = () => false,
): PlainWordsFound[] {
  const asWritten = words.map((word, at) => ({ term: word.term, factor: 1, sure: !fragment(at) }));
  const plainFound = addSynonymsOf(vocabulary, asWritten, groups, table, plainWordsSure);
  const corrected = asWritten.map(
    (written, at) =>
      ((words[at] as QueryWord).surface.length >= MIN_SYNONYM_CORRECTION_LENGTH &&
        surestCorrection(vocabulary, groups[at] as Candidates)) ||
      written,
  );
  if (corrected.some((reading, at) => reading !== asWritten[at]))
    plainFound.push(...addSynonymsOf(vocabulary, corrected, groups, table, plainWordsSure));
  return plainFound;
}

/** How a query word is read for synonyms: a term, and what a match through it is worth (FACTOR). */
interface WordReading {
  term: string;
  factor: number;
  /** False for a fragment being typed ("ai" may be "aim"): its synonyms only rank. Unset: sure. */
  sure?: boolean;
}

/**
 * Shorter misspellings are often other words ("ball" is no "bill"): their synonyms would be a guess
 * of a guess ("ball python" → bill → payment).
 */
const MIN_SYNONYM_CORRECTION_LENGTH = 5;

/**
 * The one correction the typo stage is sure a word without a term of its own means (certainty 1:
 * the closest likely correction, alone), or null. A word the index holds as written is read as
 * written, and a completion is not yet the word meant ("java" of "javascript").
 */
function surestCorrection(vocabulary: Vocabulary, group: Candidates): WordReading | null {
  let surest: WordReading | null = null;
  for (const [term, { factor, certainty }] of group) {
    if (factor >= FACTOR.exact) return null;
    if (factor < FACTOR.prefix && certainty >= 1 && (!surest || factor > surest.factor))
      surest = { term: vocabulary.terms[term] as string, factor };
  }
  return surest;
}

function addSynonymsOf(
  vocabulary: Vocabulary,
  readings: readonly WordReading[],
  groups: readonly Candidates[],
  table: readonly SynonymEntry[],
  plainWordsSure: (positions: readonly number[]) => boolean,
): PlainWordsFound[] {
  const queryTerms = readings.map(({ term }) => term);
  const plainFound: PlainWordsFound[] = [];
  for (const entry of table) {
    for (const positions of phrasePositions(queryTerms, entry)) {
      // Plain words do not make a query about something (sure of nothing) unless `plainWordsSure`
      // says so: made of everyday words, they made articles about everyday queries ("doctor gets
      // paged every night during residency" through "paged every night" for on-call, "package not
      // arriving"). Once the query's own words have, they list the article they name as a synonym
      // would (`onTopicCertainty`).
      if (entry.plainWords) plainFound.push({ positions, terms: entry.alternativeTerms });
      const certainty = entry.plainWords && !plainWordsSure(positions) ? 0 : FACTOR.synonym;
      // Worth as much as the phrase's least sure reading: a corrected word's synonyms at its discount.
      const factor = FACTOR.synonym * Math.min(...positions.map((at) => (readings[at] as WordReading).factor));
      for (const position of positions) {
        const group = groups[position] as Candidates;
        // A fragment's synonyms rank only; the phrase's finished words keep theirs.
        const fragment = (readings[position] as WordReading).sure === false;
        for (const term of entry.alternativeTerms)
          addCandidate(vocabulary, group, term, factor, fragment ? 0 : certainty, fragment ? 0 : FACTOR.synonym);
      }
    }
  }
  return plainFound;
}

/** Plain words found in a query: at which of its positions, and the index terms they look for. */
export interface PlainWordsFound {
  positions: readonly number[];
  terms: readonly string[];
}

/** Plain words are found from two of a phrase's words on ("old code" of "rewrite old messy code"). */
const PLAIN_PHRASE_WORDS = 2;
/**
 * How many other words (stop words aside) may stand among the plain words found: "erase a user's
 * data" says "erase data", "data the user asked us to erase" does too; a long question does not say
 * every pair of its words.
 */
const PLAIN_PHRASE_SLACK = 1;

/**
 * Where a synonym's phrase stands in the query's terms: a general one's words side by side, each
 * place; plain words (`SynonymEntry.plainWords`) in any order with PLAIN_PHRASE_SLACK words among
 * them, in the stretch of the query that holds the most of them (PLAIN_PHRASE_WORDS at least), once.
 */
export function phrasePositions(queryTerms: readonly string[], entry: SynonymEntry): number[][] {
  const { phrase } = entry;
  if (entry.plainWords) {
    // A phrase has two to four words: looked through, not put in a set, for each query (every keystroke).
    let best: number[] = [];
    for (let start = 0; start < queryTerms.length; start++) {
      if (!phrase.includes(queryTerms[start] as string)) continue;
      const found = new Map<string, number>();
      // Each word read adds one to the stretch and at most one to the words found: once the stretch
      // is longer than the slack allows, it stays so.
      for (let at = start; at < queryTerms.length && at - start + 1 <= found.size + 1 + PLAIN_PHRASE_SLACK; at++) {
        const term = queryTerms[at] as string;
        if (!phrase.includes(term) || found.has(term)) continue;
        found.set(term, at);
        if (found.size > best.length) best = [...found.values()];
      }
    }
    return best.length >= PLAIN_PHRASE_WORDS ? [best] : [];
  }
  const found: number[][] = [];
  for (let start = 0; start + phrase.length <= queryTerms.length; start++) {
    if (phrase.every((term, offset) => queryTerms[start + offset] === term))
      found.push(phrase.map((_, offset) => start + offset));
  }
  return found;
}

/** Adjacent query words as index pairs ("vector databas"), for a phrase bonus; the last pair by prefix while typing. */
export function pairCandidates(vocabulary: Vocabulary, words: readonly QueryWord[], typing: boolean): Candidates[] {
  const { terms } = vocabulary;
  return words.slice(1).map((second, index) => {
    const first = words[index] as QueryWord;
    const candidates: Candidates = new Map();
    addCandidate(vocabulary, candidates, pairTerm(first.term, second.term), FACTOR.phrase);
    if (typing && index === words.length - 2) {
      const prefix = pairTerm(first.term, second.surface);
      for (
        let at = vocabulary.lowerBound(prefix);
        at < terms.length && (terms[at] as string).startsWith(prefix);
        at++
      ) {
        if (candidates.size >= MAX_PREFIX_TERMS) break;
        setCandidate(candidates, at, FACTOR.phrase * FACTOR.prefix);
      }
    }
    return candidates;
  });
}

/**
 * The aside field (`lib/search/aside.ts`): each query word as written (or, misspelled, as its sure
 * correction, at that correction's discount, as for synonyms: "posgres" lists what "postgres" lists)
 * also looks for the field's terms, sure of nothing (they never decide that a query has results) but,
 * once the query's own words have, listing the article as a plain phrase's term does. A weak match
 * (FACTOR.aside): it ranks an article the query's words leave among others, not above one its own
 * text names.
 */
export function addAsideCandidates(
  vocabulary: Vocabulary,
  words: readonly QueryWord[],
  groups: readonly Candidates[],
): void {
  words.forEach((word, position) => {
    const group = groups[position] as Candidates;
    const corrected = word.surface.length >= MIN_SYNONYM_CORRECTION_LENGTH ? surestCorrection(vocabulary, group) : null;
    const readings = corrected ? [corrected] : queryTermsOfWord(word.surface).map((term) => ({ term, factor: 1 }));
    for (const { term, factor } of readings)
      addCandidate(vocabulary, group, ASIDE_MARK + term, FACTOR.aside * factor, 0, FACTOR.synonym);
  });
}
