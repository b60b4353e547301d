import { comparableAddress } from '@/lib/net/same-page';
import { siteOf } from '@/lib/reading-list/site';
import { addressOfQuery } from '@/lib/search/address-query';
import { type ConfidenceTuning, LIBRARY_CONFIDENCE } from '@/lib/search/confidence';
import { type RankedDocument, type Ranking, rankQuery, type WordReading } from '@/lib/search/rank';
import type { MatchedTermWeight } from '@/lib/search/score';
import { lowerBound as lowerBoundOf } from '@/lib/search/sorted';
import { isSpokenWord } from '@/lib/search/spoken-words';
import { spellQuery, type WordSpelling } from '@/lib/search/suggest';
import { getSameThingSynonymTable } from '@/lib/search/synonyms';
import {
  addTypoWords,
  analyzeField,
  analyzeFieldAt,
  analyzePairs,
  completesPrefix,
  normalizeText,
  type QueryWord,
  readQuery,
  termsOfWord,
  tokenize,
  unfinishedWord,
} from '@/lib/search/text';
import { holdsWordsNear, IN_EVERY_SEGMENT, segmentMasks } from '@/lib/search/text-segments';
import {
  addLengthGrams,
  createTypoMatcher,
  type FlatLengthGrams,
  flattenLengthGrams,
  type LengthGrams,
  restoreLengthGrams,
  type TypoMatcher,
} from '@/lib/search/typo';
import type { Vocabulary } from '@/lib/search/vocabulary';
import { createWordsInOrder } from '@/lib/search/words-in-order';

/** What of a saved item the library index reads. */
export interface LibraryDocument {
  /** The saved item's id. */
  id: string;
  /** The bundled article the item is, when it is one. */
  articleId: string | null;
  title: string;
  url: string | null;
  /** The site's name and the byline its captured copy gives (null when it has none, or no copy). */
  siteName: string | null;
  byline: string | null;
  tags: readonly string[];
  note: string;
  /** Each highlight's quote and its note. */
  highlights: readonly string[];
  /** The full text of the captured copy ('' when there is none). */
  text: string;
  /** Changes whenever any of the above may have changed (see lib/db/library-documents.ts). */
  fingerprint: string;
}

/** Why a saved item matched, as the result list says it. */
export type MatchReason = 'title' | 'site' | 'author' | 'tag' | 'note' | 'highlight' | 'text';

export interface LibraryHit {
  itemId: string;
  articleId: string | null;
  title: string;
  /** The copy's site name, else the host (`shownSite`). */
  site: string;
  /** Who the copy says wrote it, if it says. */
  byline?: string | null;
  url: string | null;
  score: number;
  confidence: number;
  reasons: MatchReason[];
  /** Those of its matched terms its title holds. */
  titleTerms?: readonly string[];
  /** The query's matched terms it holds (in any field). */
  heldTerms?: readonly string[];
  /**
   * How much it says the most of those: the term's frequency as its score reads it, each field by its
   * weight over its length (`FIELD_WEIGHTS`; in a text of 1,200 words besides stop words, each use
   * counts 1; in a title, about 3).
   */
  heldFrequency?: number;
}

export interface LibraryResponse {
  results: LibraryHit[];
  loose: LibraryHit[];
  matchedTerms: ReadonlySet<string>;
  /** What each matched term shows of the query, for snippets (see `Ranking`); absent: each counts the same. */
  termWeights?: ReadonlyMap<string, MatchedTermWeight>;
  prefix: string | null;
  /** How each query word was read (see `Ranking`). */
  wordReadings?: ReadonlyArray<WordReading | null>;
  /** How the library spells each query word, when asked to suggest and nothing matched (see `mergeSearch`). */
  spelling?: WordSpelling[];
}

type Field = 'title' | 'tags' | 'highlights' | 'note' | 'site' | 'source' | 'text';
/**
 * 'source' is who and where the copy says a page is from (its site name and byline): weighed as the
 * address, which says the same, but a field of its own, so a long address does not dilute a short
 * name, and paired, so a name typed whole ("dan goodin") outweighs its words met apart in a text.
 */
const FIELD_WEIGHTS: Record<Field, number> = {
  title: 3,
  tags: 2,
  highlights: 1.6,
  note: 1.4,
  site: 1,
  source: 1,
  text: 1,
};
const FIELD_B: Record<Field, number> = {
  title: 0.3,
  tags: 0.2,
  highlights: 0.5,
  note: 0.5,
  site: 0.2,
  source: 0.2,
  text: 0.75,
};
/**
 * Fixed reference lengths instead of the corpus's averages: a document's weights then never depend on
 * what else is indexed or in which order, so an index kept up to date change by change equals one
 * rebuilt from the data.
 */
const REFERENCE_LENGTH: Record<Field, number> = {
  title: 8,
  tags: 3,
  highlights: 40,
  note: 30,
  site: 6,
  source: 6,
  text: 1200,
};
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];
/** Pairs ("vector databas") for the short fields only: pairs of a long page's text would triple the index. */
const PAIRED_FIELDS = new Set<Field>(['title', 'tags', 'highlights', 'note', 'source']);
const K1 = 1.2;
const LOOSE_LIMIT = 5;
/**
 * The words near a one-word query that say it as typed (`withWordAsTypedFirst`): a few, as loosely
 * scored as a slip of the fingers needs (Fuse.js counts two letters swapped as two errors); edits decide.
 */
const AS_TYPED_WORDS = 8;
const AS_TYPED_THRESHOLD = 0.5;

/** Longer than this, a page's site name is more than a result's line holds: its host is shown instead. */
const MAX_SHOWN_SITE_NAME = 60;

/** Whether the user gave an item a tag, case aside (tags are stored as written, compared without case). */
function hasTag({ document }: { document: Pick<LibraryDocument, 'tags'> }, tag: string): boolean {
  const wanted = tag.toLowerCase();
  return document.tags.some((own) => own.toLowerCase() === wanted);
}

/** The site a result names: its copy's site name, as the reader's header shows it ("Ars Technica"), else its host. */
function shownSite({ siteName, url }: Pick<LibraryDocument, 'siteName' | 'url'>): string {
  return siteName && siteName.length <= MAX_SHOWN_SITE_NAME ? siteName : siteOf(url);
}

/** The words of an address that say something: its host and path words ("blog.example.org/backpressure-in-node"). */
function addressWords(url: string | null): string {
  if (!url) return '';
  try {
    const { hostname, pathname } = new URL(url);
    return `${hostname.replace(/^www\./, '')} ${decodeURIComponent(pathname).replace(/[/_.-]+/g, ' ')}`;
  } catch {
    return '';
  }
}

/** Whether the byline names someone other than the site (Readability often gives the site's name as the byline). */
function isAuthor({ siteName, byline }: Pick<LibraryDocument, 'siteName' | 'byline'>): boolean {
  if (!byline) return false;
  return !siteName || !normalizeText(byline).includes(normalizeText(siteName));
}

/** The site name and byline, each once (Readability often gives the site as the byline: "BBC News" twice). */
function sourceText({ siteName, byline }: Pick<LibraryDocument, 'siteName' | 'byline'>): string {
  return [...new Set([siteName ?? '', byline ?? ''])].join('\n');
}

function fieldTexts(document: LibraryDocument): Record<Field, string> {
  return {
    title: document.title,
    tags: document.tags.join(' '),
    highlights: document.highlights.join('\n'),
    note: document.note,
    site: addressWords(document.url),
    source: sourceText(document),
    text: document.text,
  };
}

/**
 * Changes whenever the analysis below changes: stored analyses of another version are made again.
 * 2: words of every script (a page in Russian or Chinese stored at 1 has none of its words indexed).
 * 3: words in Cyrillic stemmed (as Russian), and й kept apart from и.
 * 4: the word parts of compounds ("webassembly.instantiate") offered for typo corrections.
 * 5: "once" is a word ("exactly-once delivery"), no longer a stop word.
 * 6: a short word of a vowel and "y" is stemmed as its other forms are ("key" and "keys": "kei").
 * 7: a saved page's site name and byline (its copy's) indexed, and kept in the stored documents.
 * 8: British spellings stemmed in their American form ("colour" as "color").
 * 9: "news" no longer stemmed as "new", and "bias" as "biases" is ("bias", not "bia").
 * 10: a contraction written without its apostrophe ("dont", "youre") read as with it ("don" and "t").
 * 11: each term's segments of the text (`segments`), so that words far apart in a page's text tell.
 * 12: hyphenated words offered for typo corrections joined too ("handcraftd" finds "hand-crafted").
 */
export const LIBRARY_ANALYSIS_VERSION = 12;

/** A saved item analyzed for the index: its terms with their field-weighted frequencies, and its words for typos. */
export interface AnalyzedLibraryDocument {
  document: Omit<LibraryDocument, 'text'>;
  /** Index terms in the order first met, each with its weight (summed over fields). */
  terms: readonly string[];
  weights: ArrayLike<number>;
  /** Per term, the segments of the text holding it (`lib/search/text-segments.ts`); IN_EVERY_SEGMENT when another field does. */
  segments: ArrayLike<number>;
  /** Distinct words of three letters or more, for typo corrections. */
  words: readonly string[];
}

/** What indexing an item costs most (normalization, stemming, pairs), apart from the index: it can be done and stored ahead. */
export function analyzeLibraryDocument(document: LibraryDocument): AnalyzedLibraryDocument {
  const texts = fieldTexts(document);
  const frequencies = new Map<string, number>();
  let textSegments = new Map<string, number>();
  // Terms of a field other than the text: near any word the text holds (see `wordsNearIn`).
  const inOtherField = new Set<string>();
  for (const field of FIELDS) {
    const placed = field === 'text' ? analyzeFieldAt(texts[field]) : undefined;
    // Before pairs join its terms (a paired text's pairs would have no place).
    if (placed) textSegments = segmentMasks(placed);
    const terms = placed?.terms ?? analyzeField(texts[field]);
    if (PAIRED_FIELDS.has(field)) terms.push(...analyzePairs(texts[field]));
    if (!placed) for (const term of terms) inOtherField.add(term);
    if (terms.length === 0) continue;
    const norm = 1 - FIELD_B[field] + (FIELD_B[field] * terms.length) / REFERENCE_LENGTH[field];
    for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + FIELD_WEIGHTS[field] / norm);
  }
  const words = new Set<string>();
  for (const field of FIELDS) addTypoWords(words, texts[field], { joined: true });
  const { text: _text, ...kept } = document;
  const terms = [...frequencies.keys()];
  return {
    document: kept,
    terms,
    weights: Float64Array.from(frequencies.values()),
    segments: Int32Array.from(terms, (term) =>
      inOtherField.has(term) ? IN_EVERY_SEGMENT : (textSegments.get(term) ?? IN_EVERY_SEGMENT),
    ),
    words: [...words],
  };
}

interface Slot {
  document: Omit<LibraryDocument, 'text'>;
  site: string;
  terms: Int32Array;
  /** Ids of its typo words. */
  words: Int32Array;
}

interface Term {
  text: string;
  /** Its postings; null while they are still those of the snapshot the index was restored from. */
  docs: number[] | null;
  weights: number[] | null;
  /** Each posting's segments of its document's text (`AnalyzedLibraryDocument.segments`). */
  segments: number[] | null;
  /** Where its postings are in the restored snapshot's arrays (0, 0 for a term met after it). */
  baseStart: number;
  baseEnd: number;
  /** Live documents holding the term. */
  df: number;
}

/**
 * The whole index in a few flat arrays, as the background stores it (`lib/db/library-snapshot.ts`): a
 * page restores it with a handful of array copies instead of indexing every saved item again
 * (millions of map operations at 2,000 saved pages). Removed documents and emptied terms are left out.
 */
export interface LibraryIndexSnapshot {
  /** The LIBRARY_ANALYSIS_VERSION of the analysis it holds: a snapshot of another version is not restored. */
  version: number;
  /** Documents by number. */
  documents: Array<Omit<LibraryDocument, 'text'>>;
  /** The terms in sorted order, joined by line breaks: a term's id is its position. */
  terms: string;
  /** Term t's postings are at [postingStarts[t], postingStarts[t + 1]) of postingDocs and postingWeights. */
  postingStarts: Int32Array;
  postingDocs: Int32Array<ArrayBufferLike>;
  postingWeights: Float64Array<ArrayBufferLike>;
  postingSegments: Int32Array<ArrayBufferLike>;
  /** Document d's term ids are at [docTermStarts[d], docTermStarts[d + 1]) of docTerms. */
  docTermStarts: Int32Array;
  docTerms: Int32Array;
  /** The typo words joined by line breaks, with how many documents hold each, and each document's word ids. */
  words: string;
  wordCounts: Int32Array;
  docWordStarts: Int32Array;
  docWords: Int32Array;
  /** The typo words' letter-pair lists (building them for 200,000 words is most of a restore's work otherwise). */
  grams: FlatLengthGrams;
}

/**
 * The user's library as an inverted index, kept up to date item by item (`put`, `remove`) instead
 * of rebuilt: the same analysis (normalization, stemming, compounds) and the same search stages
 * (prefixes, completions, typos through Fuse.js, synonyms, phrases, confidence) as the bundled
 * articles. Document numbers grow; a changed item is removed and added again. At the first search
 * after a change, the new terms are merged into the sorted vocabulary; postings are weighted (and rid
 * of removed documents) when a search first reads them. `snapshot()` and `restore()` store and load
 * it whole.
 */
/**
 * Where a term's postings hold a document (its place in them), -1 when they do not: postings are in
 * document order (an item is put in as the next document; removals and snapshots keep the order).
 */
function postingIndex(docs: ArrayLike<number>, doc: number): number {
  let low = 0;
  let high = docs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((docs[middle] as number) < doc) low = middle + 1;
    else high = middle;
  }
  return low < docs.length && docs[low] === doc ? low : -1;
}

export function createLibraryIndex(
  tuning: ConfidenceTuning = LIBRARY_CONFIDENCE,
  {
    meantAsWritten = isSpokenWord,
    wordsNear = true,
  }: {
    /**
     * Whether a finished query word, by its term, is meant as written (`RankOptions.meantAsWritten`):
     * one everyday speech uses. Saved pages hold most of English, where "poker" is one typo from
     * "poke" and "tank" from "thank"; a slip is seldom another word ("rivlary", "idempotnt").
     */
    meantAsWritten?: (term: string) => boolean;
    /**
     * Whether a page matched by its text alone must hold the query's words near one another to be a
     * result (`wordsNearIn`); off, saved pages are searched as until 2026-12-07 (`npm run eval` compares).
     */
    wordsNear?: boolean;
  } = {},
) {
  const slots: (Slot | undefined)[] = [];
  const slotById = new Map<string, number>();
  const termIds = new Map<string, number>();
  const termList: Term[] = [];
  let live = 0;
  /** Terms in use, sorted (their ids, and their texts for the stages); new ones are merged in after a change (never re-sorted whole). */
  let sortedIds: number[] = [];
  let sortedTerms: string[] = [];
  /** Each term id's position in the sorted terms (-1 when not listed): exact lookups without a binary search. */
  let sortedAt = new Int32Array(0);
  /** By term id: listed in the sorted terms, or waiting in `newTerms` to be merged in. */
  let listed: boolean[] = [];
  let newTerms: number[] = [];
  let termsEmptied = false;
  /** Postings of the snapshot restored, until each term's are copied out (see `ownPostings`). */
  let baseDocs: Int32Array<ArrayBufferLike> = new Int32Array(0);
  let baseWeights: Float64Array<ArrayBufferLike> = new Float64Array(0);
  let baseSegments: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** Words for typos by id, as met (`typoWords` blanks a word no item holds any more: '' matches nothing). */
  let wordTexts: string[] = [];
  let typoWords: string[] = [];
  let wordCounts: number[] = [];
  const typoWordAt = new Map<string, number>();
  /** Letter-pair lists of `wordTexts`. */
  let lengthGrams: LengthGrams = [];
  const isWordInUse = (id: number) => typoWords[id] !== '';
  /** The words a prefix typed past a stem begins ("negotia" of "negotiation", whose term is "negoti"). */
  let wordsInOrder = createWordsInOrder(wordTexts, isWordInUse);
  let generation = 0;
  let typos: TypoMatcher | undefined;
  const postingsCache = new Map<number, number[]>();
  let cacheGeneration = -1;

  function termId(text: string): number {
    let id = termIds.get(text);
    if (id === undefined) {
      id = termList.length;
      termIds.set(text, id);
      termList.push({ text, docs: [], weights: [], segments: [], baseStart: 0, baseEnd: 0, df: 0 });
    }
    return id;
  }

  /** The term's postings as arrays of its own, copied out of the restored snapshot at first use. */
  function ownPostings(term: Term): { docs: number[]; weights: number[]; segments: number[] } {
    if (term.docs === null || term.weights === null || term.segments === null) {
      term.docs = Array.from(baseDocs.subarray(term.baseStart, term.baseEnd));
      term.weights = Array.from(baseWeights.subarray(term.baseStart, term.baseEnd));
      term.segments = Array.from(baseSegments.subarray(term.baseStart, term.baseEnd));
    }
    return { docs: term.docs, weights: term.weights, segments: term.segments };
  }

  function put(document: LibraryDocument): void {
    putAnalyzed(analyzeLibraryDocument(document));
  }

  /** Adds an item analyzed before (here, or stored by the background: see lib/db/library-postings.ts). */
  function putAnalyzed({ document, terms, weights, segments, words }: AnalyzedLibraryDocument): void {
    remove(document.id);
    const doc = slots.length;
    const ids = new Int32Array(terms.length);
    terms.forEach((text, at) => {
      const id = termId(text);
      ids[at] = id;
      const term = termList[id] as Term;
      if (term.df === 0 && !listed[id]) {
        listed[id] = true;
        newTerms.push(id);
      }
      const postings = ownPostings(term);
      postings.docs.push(doc);
      postings.weights.push(weights[at] as number);
      postings.segments.push(segments[at] as number);
      term.df++;
    });
    const wordIds = new Int32Array(words.length);
    words.forEach((word, at) => {
      const id = typoWordId(word);
      wordIds[at] = id;
      wordCounts[id] = (wordCounts[id] as number) + 1;
    });
    slots.push({ document, site: shownSite(document), terms: ids, words: wordIds });
    slotById.set(document.id, doc);
    live++;
    generation++;
  }

  function remove(id: string): boolean {
    const doc = slotById.get(id);
    if (doc === undefined) return false;
    const slot = slots[doc] as Slot;
    for (const term of slot.terms) {
      const entry = termList[term] as Term;
      entry.df--;
      if (entry.df === 0) termsEmptied = true;
    }
    for (const word of slot.words) {
      const count = (wordCounts[word] as number) - 1;
      wordCounts[word] = count;
      if (count === 0) typoWords[word] = '';
    }
    slots[doc] = undefined;
    slotById.delete(id);
    live--;
    generation++;
    return true;
  }

  /** A term's postings as the stages read them: [doc, weight × 1000, …], live documents only. */
  function postingsOf(id: number): number[] {
    if (cacheGeneration !== generation) {
      postingsCache.clear();
      cacheGeneration = generation;
    }
    let flat = postingsCache.get(id);
    if (flat) return flat;
    const term = termList[id] as Term;
    // Read where they are while all their documents are live (a page's searches would otherwise copy the restored index term by term).
    const inPlace = term.docs === null && term.baseEnd - term.baseStart === term.df;
    let { docs, weights }: { docs: ArrayLike<number>; weights: ArrayLike<number> } = inPlace
      ? {
          docs: baseDocs.subarray(term.baseStart, term.baseEnd),
          weights: baseWeights.subarray(term.baseStart, term.baseEnd),
        }
      : ownPostings(term);
    // Removed documents leave their postings behind until a search reads the term: drop them then.
    if (!inPlace && docs.length > term.df) {
      const own = ownPostings(term);
      const keep = own.docs.map((doc) => slots[doc] !== undefined);
      docs = term.docs = own.docs.filter((_, at) => keep[at]);
      weights = term.weights = own.weights.filter((_, at) => keep[at]);
      term.segments = own.segments.filter((_, at) => keep[at]);
    }
    const idf = Math.log(1 + (live - term.df + 0.5) / (term.df + 0.5));
    flat = [];
    for (let at = 0; at < docs.length; at++) {
      const tf = weights[at] as number;
      flat.push(docs[at] as number, Math.round(((idf * tf * (K1 + 1)) / (tf + K1)) * 1000));
    }
    postingsCache.set(id, flat);
    return flat;
  }

  function vocabulary(): Vocabulary {
    if (newTerms.length > 0 || termsEmptied) updateSortedTerms();
    const terms = sortedTerms;
    const ids = sortedIds;
    const idOf = (at: number) => ids[at] as number;
    const postings = new Proxy([] as number[][], {
      get: (target, key) =>
        typeof key === 'string' && /^\d+$/.test(key) ? postingsOf(idOf(Number(key))) : Reflect.get(target, key),
    });
    const lowerBound = (value: string) => lowerBoundOf(terms, value);
    return {
      terms,
      postings,
      docCount: slots.length,
      lowerBound,
      termIndex(term) {
        const id = termIds.get(term);
        return id === undefined || id >= sortedAt.length ? -1 : (sortedAt[id] as number);
      },
      idf(at) {
        const { df } = termList[idOf(at)] as Term;
        return df === 0 ? 0 : Math.log(1 + (live - df + 0.5) / (df + 0.5));
      },
    };
  }

  /** Drops emptied terms and merges the new ones in: linear in the vocabulary, with a sort of the new terms only. */
  function updateSortedTerms(): void {
    const kept = termsEmptied
      ? sortedIds.filter((id) => {
          if ((termList[id] as Term).df > 0) return true;
          listed[id] = false;
          return false;
        })
      : sortedIds;
    const addedTexts: string[] = [];
    for (const id of newTerms) {
      // Added and removed again before any search: never listed.
      if ((termList[id] as Term).df > 0) addedTexts.push((termList[id] as Term).text);
      else listed[id] = false;
    }
    const textOf = (id: number) => (termList[id] as Term).text;
    // The default sort (UTF-16 order, as `<`) without a comparator: several times faster on 100,000s of terms.
    const added = addedTexts.sort().map((text) => termIds.get(text) as number);
    const merged: number[] = [];
    let a = 0;
    let b = 0;
    while (a < kept.length || b < added.length) {
      if (b >= added.length || (a < kept.length && textOf(kept[a] as number) < textOf(added[b] as number)))
        merged.push(kept[a++] as number);
      else merged.push(added[b++] as number);
    }
    sortedIds = merged;
    sortedTerms = merged.map(textOf);
    sortedAt = new Int32Array(termList.length).fill(-1);
    merged.forEach((id, at) => {
      sortedAt[id] = at;
    });
    newTerms = [];
    termsEmptied = false;
  }

  /** The word's id for typos, listing it (again) when no item held it. */
  function typoWordId(word: string): number {
    const at = typoWordAt.get(word);
    if (at !== undefined) {
      if ((wordCounts[at] as number) === 0) typoWords[at] = word;
      return at;
    }
    const id = wordTexts.length;
    typoWordAt.set(word, id);
    wordTexts.push(word);
    typoWords.push(word);
    wordCounts.push(0);
    addLengthGrams(lengthGrams, word, id);
    typos = undefined; // its per-word counters are sized to the word list
    return id;
  }

  function typoMatcher(): TypoMatcher {
    typos ??= createTypoMatcher({ words: typoWords, lengthGrams, wordsBeginning: wordsInOrder.wordsBeginning });
    return typos;
  }

  /** The index whole, without removed documents or emptied terms (see LibraryIndexSnapshot). */
  function snapshot(): LibraryIndexSnapshot {
    if (newTerms.length > 0 || termsEmptied) updateSortedTerms();
    const docNumber = new Int32Array(slots.length).fill(-1);
    const documents: LibraryIndexSnapshot['documents'] = [];
    slots.forEach((slot, doc) => {
      if (!slot) return;
      docNumber[doc] = documents.length;
      documents.push(slot.document);
    });
    const termNumber = new Int32Array(termList.length).fill(-1);
    const postingStarts = new Int32Array(sortedIds.length + 1);
    let total = 0;
    for (let at = 0; at < sortedIds.length; at++) {
      const id = sortedIds[at] as number;
      termNumber[id] = at;
      total += (termList[id] as Term).df;
      postingStarts[at + 1] = total;
    }
    const postingDocs = new Int32Array(total);
    const postingWeights = new Float64Array(total);
    const postingSegments = new Int32Array(total);
    let next = 0;
    for (const id of sortedIds) {
      const term = termList[id] as Term;
      if (term.docs === null || term.weights === null || term.segments === null) {
        // Untouched since the restore: read where it is.
        for (let at = term.baseStart; at < term.baseEnd; at++) {
          const doc = docNumber[baseDocs[at] as number] as number;
          if (doc < 0) continue;
          postingDocs[next] = doc;
          postingWeights[next] = baseWeights[at] as number;
          postingSegments[next++] = baseSegments[at] as number;
        }
        continue;
      }
      const { docs, weights, segments } = term;
      for (let at = 0; at < docs.length; at++) {
        const doc = docNumber[docs[at] as number] as number;
        if (doc < 0) continue;
        postingDocs[next] = doc;
        postingWeights[next] = weights[at] as number;
        postingSegments[next++] = segments[at] as number;
      }
    }
    const wordNumber = new Int32Array(wordTexts.length).fill(-1);
    const keptWords: string[] = [];
    const keptCounts: number[] = [];
    // Stored in order, so that a restored index finds the words a prefix begins without a sort.
    // (The default sort orders by code unit, as `lowerBound` reads, and natively: 70 ms for 200,000
    // words against 120 ms with a comparator over their ids.)
    for (const word of wordTexts.filter((_, id) => (wordCounts[id] as number) > 0).sort()) {
      const id = typoWordAt.get(word) as number;
      wordNumber[id] = keptWords.length;
      keptWords.push(word);
      keptCounts.push(wordCounts[id] as number);
    }
    // The lists of the words kept only (the index's own keep words no item holds any more).
    const keptGrams: LengthGrams = [];
    keptWords.forEach((word, id) => {
      addLengthGrams(keptGrams, word, id);
    });
    const liveSlots = slots.filter((slot): slot is Slot => slot !== undefined);
    const docTermStarts = new Int32Array(documents.length + 1);
    const docWordStarts = new Int32Array(documents.length + 1);
    for (let doc = 0; doc < liveSlots.length; doc++) {
      const slot = liveSlots[doc] as Slot;
      docTermStarts[doc + 1] = (docTermStarts[doc] as number) + slot.terms.length;
      docWordStarts[doc + 1] = (docWordStarts[doc] as number) + slot.words.length;
    }
    const docTerms = new Int32Array(docTermStarts[documents.length] as number);
    const docWords = new Int32Array(docWordStarts[documents.length] as number);
    for (let doc = 0; doc < liveSlots.length; doc++) {
      const { terms, words } = liveSlots[doc] as Slot;
      let at = docTermStarts[doc] as number;
      for (let term = 0; term < terms.length; term++) docTerms[at++] = termNumber[terms[term] as number] as number;
      at = docWordStarts[doc] as number;
      for (let word = 0; word < words.length; word++) docWords[at++] = wordNumber[words[word] as number] as number;
    }
    return {
      version: LIBRARY_ANALYSIS_VERSION,
      documents,
      terms: sortedIds.map((id) => (termList[id] as Term).text).join('\n'),
      postingStarts,
      postingDocs: postingDocs.subarray(0, next),
      postingWeights: postingWeights.subarray(0, next),
      postingSegments: postingSegments.subarray(0, next),
      docTermStarts,
      docTerms,
      words: keptWords.join('\n'),
      wordCounts: Int32Array.from(keptCounts),
      docWordStarts,
      docWords,
      grams: flattenLengthGrams(keptGrams),
    };
  }

  /** Loads a snapshot into this index, which must be empty: no analysis, no map of postings built. */
  function restore(stored: LibraryIndexSnapshot): void {
    if (slots.length > 0 || termList.length > 0) throw new Error('Only an empty library index can be restored');
    // What can fail on a malformed record is read first: nothing is changed unless all of it is read.
    const restoredSlots: Slot[] = stored.documents.map((document, doc) => ({
      document,
      site: shownSite(document),
      terms: stored.docTerms.subarray(stored.docTermStarts[doc], stored.docTermStarts[doc + 1]),
      words: stored.docWords.subarray(stored.docWordStarts[doc], stored.docWordStarts[doc + 1]),
    }));
    const restoredGrams = restoreLengthGrams(stored.grams);
    baseDocs = stored.postingDocs;
    baseWeights = stored.postingWeights;
    baseSegments = stored.postingSegments;
    const texts = stored.terms === '' ? [] : stored.terms.split('\n');
    texts.forEach((text, id) => {
      termIds.set(text, id);
      const baseStart = stored.postingStarts[id] as number;
      const baseEnd = stored.postingStarts[id + 1] as number;
      termList.push({ text, docs: null, weights: null, segments: null, baseStart, baseEnd, df: baseEnd - baseStart });
    });
    sortedTerms = texts;
    sortedIds = texts.map((_, id) => id);
    sortedAt = Int32Array.from(sortedIds);
    listed = texts.map(() => true);
    wordTexts = stored.words === '' ? [] : stored.words.split('\n');
    typoWords = [...wordTexts];
    wordCounts = Array.from(stored.wordCounts);
    wordTexts.forEach((word, id) => {
      typoWordAt.set(word, id);
    });
    wordsInOrder = createWordsInOrder(wordTexts, isWordInUse);
    lengthGrams = restoredGrams;
    typos = undefined;
    restoredSlots.forEach((slot, doc) => {
      slots.push(slot);
      slotById.set(slot.document.id, doc);
    });
    live = restoredSlots.length;
    generation++;
  }

  /**
   * The ids of the matched terms: an item's terms are checked against them without hashing strings
   * (a few dozen ids, not an array the size of the vocabulary at each keystroke).
   */
  function markTerms(matched: ReadonlySet<string>): ReadonlySet<number> {
    const marks = new Set<number>();
    for (const term of matched) {
      const id = termIds.get(term);
      if (id !== undefined) marks.add(id);
    }
    return marks;
  }

  /** The ids of the matched terms an item holds (in any field: its text's included). */
  function heldTermIds(slot: Slot, marks: ReadonlySet<number>): number[] {
    const held: number[] = [];
    for (const id of slot.terms) if (marks.has(id)) held.push(id);
    return held;
  }

  /** Where a term's postings hold a document (see `postingIndex`): its arrays, as they are now. */
  function postingsFor(id: number) {
    const term = termList[id] as Term;
    return {
      docs: term.docs ?? baseDocs.subarray(term.baseStart, term.baseEnd),
      weights: term.weights ?? baseWeights.subarray(term.baseStart, term.baseEnd),
      segments: term.segments ?? baseSegments.subarray(term.baseStart, term.baseEnd),
    };
  }

  /**
   * An item's frequency of a term as its score reads it (`analyzeLibraryDocument`), 0 when it lacks it.
   * Found by halving the term's postings (red-team pass: each hit looked through every posting of each
   * term it held, and the reading list, which lists every hit, took 0.7 s a query of 8 common words at
   * 10,000 items, 0.1 s before).
   */
  function frequencyOf(doc: number, id: number): number {
    const { docs, weights } = postingsFor(id);
    const at = postingIndex(docs, doc);
    return at < 0 ? 0 : (weights[at] as number);
  }

  /** The segments of a document's text holding a term (`AnalyzedLibraryDocument.segments`; 0: it lacks it). */
  function segmentsOf(doc: number, id: number): number {
    const { docs, segments } = postingsFor(id);
    const at = postingIndex(docs, doc);
    return at < 0 ? 0 : (segments[at] as number);
  }

  /**
   * Whether a page holds the query's telling words (each by its terms' places in the vocabulary) near
   * one another (`RankOptions.wordsNear`): most of those it holds in one stretch of its text
   * (`holdsWordsNear`), a word of a field other than the text (its title, tags, note, highlights, site)
   * near them all.
   */
  function wordsNearIn(telling: ReadonlyArray<readonly number[]>): (doc: number) => boolean {
    const ids = telling.map((terms) => terms.map((at) => sortedIds[at] as number));
    // Asked of a document whether it decides and whether it is listed: answered once.
    const known = new Map<number, boolean>();
    return (doc) => {
      let near = known.get(doc);
      if (near === undefined) {
        near = holdsTellingWordsNear(ids, doc);
        known.set(doc, near);
      }
      return near;
    };
  }

  function holdsTellingWordsNear(ids: ReadonlyArray<readonly number[]>, doc: number): boolean {
    const masks: number[] = [];
    for (const terms of ids) {
      let mask = 0;
      for (const id of terms) {
        const segments = segmentsOf(doc, id);
        // Matched by its title, tags, note, highlights or site too: the rule is for a text alone. Asked of
        // each term: the segments of several of the text's terms together may be all of them.
        if (segments === IN_EVERY_SEGMENT) return true;
        mask |= segments;
      }
      if (mask !== 0) masks.push(mask);
    }
    return masks.length < 2 || holdsWordsNear(masks);
  }

  function toHit({ doc, score, confidence }: RankedDocument, marks: ReadonlySet<number>, prefix: string | null) {
    const slot = slots[doc] as Slot;
    const { document, site } = slot;
    const heldIds = heldTermIds(slot, marks);
    const held = heldIds.map((id) => (termList[id] as Term).text);
    const heldFrequency = Math.max(0, ...heldIds.map((id) => frequencyOf(doc, id)));
    const { reasons, titleTerms } = matchReasons(document, held, prefix);
    return {
      itemId: document.id,
      articleId: document.articleId,
      title: document.title,
      site,
      byline: document.byline,
      url: document.url,
      score,
      confidence,
      reasons,
      titleTerms,
      heldTerms: held,
      heldFrequency,
    };
  }

  /**
   * For a one-word query, the items saying the word as typed (give or take an edit, or the word a slip
   * of it stands for) before those holding only another word of its stem: one stem stands for words
   * of other meanings ("univers" of "universe" and "University", "premier" of "premiered" and "Premier
   * League"), and a short page saying the other word outranked a long one saying the word typed. Scores
   * are raised to those they pass, so the one list with the blog's articles keeps this order.
   */
  function withWordAsTypedFirst(ranking: Ranking, words: readonly QueryWord[]): Ranking {
    const reading = ranking.wordReadings[0];
    if (words.length !== 1 || !reading || ranking.results.length < 2) return ranking;
    const terms = new Set(reading.terms);
    const maxEdits = reading.edits + 1;
    const near = new Set<number>();
    const typed = (words[0] as QueryWord).surface;
    for (const [word, , edits] of typoMatcher().fuzzyWords(typed, {
      threshold: AS_TYPED_THRESHOLD,
      limit: AS_TYPED_WORDS,
      maxEdits,
    })) {
      const id = typoWordAt.get(word);
      if (id !== undefined && edits <= maxEdits && termsOfWord(word).some((term) => terms.has(term))) near.add(id);
    }
    const saysIt = (ranked: RankedDocument) => (slots[ranked.doc] as Slot).words.some((id) => near.has(id));
    const first = ranking.results.filter(saysIt);
    if (first.length === 0 || first.length === ranking.results.length) return ranking;
    const results = [...first, ...ranking.results.filter((ranked) => !saysIt(ranked))];
    for (let at = results.length - 2; at >= 0; at--) {
      const [ranked, next] = [results[at] as RankedDocument, results[at + 1] as RankedDocument];
      if (ranked.score < next.score) results[at] = { ...ranked, score: next.score };
    }
    return { ...ranking, results };
  }

  /** Each slot's comparable address (`comparableAddress`), worked out once: only a query that is an address asks. */
  const addressOfSlot = new WeakMap<Slot, string | null>();
  const slotAddress = (slot: Slot) => {
    if (!addressOfSlot.has(slot)) addressOfSlot.set(slot, slot.document.url && comparableAddress(slot.document.url));
    return addressOfSlot.get(slot) ?? null;
  };

  /**
   * The ranking with the items saved at `address` (the whole query, when it is one) first, as results
   * as sure as the surest: a pasted address finds its page whatever else its words match.
   */
  function withSavedAtAddressFirst(ranking: Ranking, address: string | null, limit: number): Ranking {
    if (address === null) return ranking;
    const saved: number[] = [];
    slots.forEach((slot, doc) => {
      if (slot && slotAddress(slot) === address) saved.push(doc);
    });
    if (saved.length === 0) return ranking;
    const others = (list: readonly RankedDocument[]) => list.filter(({ doc }) => !saved.includes(doc));
    const top = [...ranking.results, ...ranking.loose];
    const score = Math.max(0, ...top.map((ranked) => ranked.score));
    const confidence = Math.max(1, ...top.map((ranked) => ranked.confidence));
    return {
      ...ranking,
      results: [...saved.map((doc) => ({ doc, score, confidence })), ...others(ranking.results)].slice(0, limit),
      loose: others(ranking.loose),
    };
  }

  /**
   * The saved items with a tag (as the user wrote it, any case), by title: what a tag alone lists. At
   * the full score: in one list with the blog's articles of that tag (`mergeSearch`), the user's own
   * come first, not after twenty articles.
   */
  function browseTag(tag: string, limit: number): LibraryResponse {
    const results: LibraryHit[] = [];
    for (const slot of slots) {
      if (!slot || !hasTag(slot, tag)) continue;
      const { document, site } = slot;
      const { id: itemId, articleId, title, byline, url } = document;
      // Listed for its tag, which the row says (no word of it matched: "saved text" would be wrong).
      results.push({
        itemId,
        articleId,
        title,
        site,
        byline,
        url,
        score: 1,
        confidence: 1,
        reasons: ['tag'],
        heldTerms: [],
      });
    }
    results.sort((a, b) => a.title.localeCompare(b.title));
    return { results: results.slice(0, limit), loose: [], matchedTerms: new Set(), prefix: null };
  }

  function search(
    query: string,
    {
      limit = 20,
      typing: asked = !/\s$/.test(query),
      suggest = false,
      tag,
    }: {
      limit?: number;
      typing?: boolean;
      suggest?: boolean;
      /** Only items the user gave this tag (the popup's tag filter); with no query, all of them. */
      tag?: string;
    } = {},
  ): LibraryResponse {
    const { words, endsWithWord } = readQuery(query);
    const typing = asked && endsWithWord;
    if (tag !== undefined && words.length === 0) return browseTag(tag, limit);
    if (words.length === 0 || live === 0) return { results: [], loose: [], matchedTerms: new Set(), prefix: null };
    const accept = (doc: number) => {
      const slot = slots[doc];
      return slot !== undefined && (tag === undefined || hasTag(slot, tag));
    };
    const read = (asWritten: boolean) =>
      rankQuery(vocabulary(), typoMatcher(), words, {
        limit,
        looseLimit: LOOSE_LIMIT,
        typing,
        accept,
        tuning,
        // Only synonyms naming one thing: a page of any subject says "exposed" in other senses than "leak".
        synonyms: getSameThingSynonymTable(),
        ...(wordsNear && { wordsNear: wordsNearIn }),
        ...(asWritten && { meantAsWritten: (word: QueryWord) => meantAsWritten(word.term) }),
      });
    let ranking = read(true);
    // Nothing at all as written: a word everyday speech uses may still be a slip ("desert" of a page's
    // "dessert"; a British spelling is no slip, it is read as its American form). What that reading
    // finds is loosely related at most, never a result ("poker" only loosely finds the SRE book's "poke").
    if (ranking.results.length === 0 && ranking.loose.length === 0 && words.some((word) => meantAsWritten(word.term))) {
      const asSlips = read(false);
      ranking = { ...asSlips, results: [], loose: [...asSlips.results, ...asSlips.loose].slice(0, LOOSE_LIMIT) };
    }
    ranking = withWordAsTypedFirst(ranking, words);
    ranking = withSavedAtAddressFirst(ranking, addressOfQuery(query), limit);
    const prefix = unfinishedWord(words, typing);
    const marks = markTerms(ranking.matchedTerms);
    const nothing = ranking.results.length === 0 && ranking.loose.length === 0;
    return {
      results: ranking.results.map((ranked) => toHit(ranked, marks, prefix)),
      loose: ranking.loose.map((ranked) => toHit(ranked, marks, prefix)),
      matchedTerms: ranking.matchedTerms,
      termWeights: ranking.termWeights,
      prefix,
      wordReadings: ranking.wordReadings,
      ...(suggest && nothing && { spelling: spellQuery(vocabulary(), typoMatcher(), query, meantAsWritten) }),
    };
  }

  /**
   * Saved items by how much of a text's weighted terms they cover (its heaviest words: see
   * lib/related/library-related.ts): each term credits an item with its weight times tf/(tf + K)
   * of the item's field-weighted frequency, and the item's confidence is that credit, with its
   * largest single term's counted half, as a share of the whole weight (one shared word never
   * makes a match). Items at `threshold` or above, best first. Reads only these terms' postings.
   */
  function cover(
    weighted: ReadonlyArray<{ term: string; weight: number }>,
    {
      threshold,
      limit = 10,
      saturation = K1,
      leaveOut,
    }: {
      threshold: number;
      limit?: number;
      saturation?: number;
      /** Saved items the text is from: neither listed nor counted in a word's rarity. */
      leaveOut?: (document: Pick<LibraryDocument, 'id' | 'url'>) => boolean;
    },
  ): LibraryResponse {
    const credit = new Map<number, { sum: number; largest: number }>();
    const matchedTerms = new Set<string>();
    let total = 0;
    // Whether a document is left out, asked once per document the words reach.
    const leftOutByDoc = new Map<number, boolean>();
    const isLeftOut = (doc: number) => {
      if (!leaveOut) return false;
      const known = leftOutByDoc.get(doc);
      if (known !== undefined) return known;
      const left = leaveOut((slots[doc] as Slot).document);
      leftOutByDoc.set(doc, left);
      return left;
    };
    // The page the text is from would make each of its own words look common: with two saved copies of
    // one story, every word was in both, and neither was related to the other.
    const leftOutCount = leaveOut ? [...slotById.values()].filter(isLeftOut).length : 0;
    const pages = live - leftOutCount;
    const rarest = Math.log(1 + (pages - 0.5) / 1.5);
    for (const { term, weight } of weighted) {
      total += weight;
      const id = termIds.get(term);
      const entry = id === undefined ? undefined : termList[id];
      if (id === undefined || !entry || entry.df === 0) continue;
      const flat = postingsOf(id);
      let df = entry.df;
      if (leftOutCount > 0) for (let at = 0; at < flat.length; at += 2) if (isLeftOut(flat[at] as number)) df--;
      if (df === 0) continue;
      matchedTerms.add(term);
      // postingsOf holds idf × tf(K1 + 1)/(tf + K1) × 1000: read tf/(tf + K1) back, then tf.
      const libraryIdf = Math.log(1 + (live - entry.df + 0.5) / (entry.df + 0.5));
      const scale = libraryIdf * (K1 + 1) * 1000;
      // A word most saved pages use tells them apart no more than one none uses: credited by its rarity here.
      const rarity = Math.log(1 + (pages - df + 0.5) / (df + 0.5)) / rarest;
      for (let at = 0; at < flat.length; at += 2) {
        const doc = flat[at] as number;
        if (leftOutCount > 0 && isLeftOut(doc)) continue;
        const share = Math.min((flat[at + 1] as number) / scale, 0.999);
        const tf = (K1 * share) / (1 - share);
        const gained = (weight * rarity * tf) / (tf + saturation);
        const found = credit.get(doc);
        if (found) {
          found.sum += gained;
          found.largest = Math.max(found.largest, gained);
        } else credit.set(doc, { sum: gained, largest: gained });
      }
    }
    const ranked: RankedDocument[] = [];
    for (const [doc, { sum, largest }] of credit) {
      const confidence = total > 0 ? (sum - largest / 2) / total : 0;
      if (confidence >= threshold && slots[doc]) ranked.push({ doc, score: sum / total, confidence });
    }
    ranked.sort((a, b) => b.confidence - a.confidence || b.score - a.score || a.doc - b.doc);
    const marks = markTerms(matchedTerms);
    const results = ranked.slice(0, limit).map((one) => toHit(one, marks, null));
    return { results, loose: [], matchedTerms, prefix: null };
  }

  return {
    put,
    putAnalyzed,
    remove,
    search,
    cover,
    snapshot,
    restore,
    /** The fingerprint of each indexed item: what `syncLibraryIndex` compares with the data. */
    fingerprints(): Map<string, string> {
      return new Map([...slotById].map(([id, doc]) => [id, (slots[doc] as Slot).document.fingerprint]));
    },
    get size() {
      return live;
    },
    /** How big the index is: live documents, terms in use, postings (live and not yet dropped) and typo words. */
    stats() {
      let postings = 0;
      let terms = 0;
      for (const term of termList) {
        postings += term.docs?.length ?? term.baseEnd - term.baseStart;
        if (term.df > 0) terms++;
      }
      return { documents: live, terms, postings, words: wordCounts.filter((count) => count > 0).length };
    },
  };
}

export type LibraryIndex = ReturnType<typeof createLibraryIndex>;

/**
 * Whether a field holds one of `held` (read as the index reads it: "on-call" is "oncall" too), or a
 * word that completes the unfinished one; each term found is added to `found`.
 */
function mentions(text: string, held: ReadonlySet<string>, prefix: string | null, found: Set<string>): boolean {
  if (!text) return false;
  let mentioned = false;
  for (const term of analyzeField(text))
    if (held.has(term)) {
      found.add(term);
      mentioned = true;
    }
  if (mentioned || prefix === null) return mentioned;
  return tokenize(normalizeText(text)).some((token) => completesPrefix(token.surface, prefix));
}

/**
 * Which of the item's fields hold its matched words (`held`, the matched terms it holds): its own
 * (title, tags, note, highlights), its byline, the address or the site's name when none of those
 * does, and its saved text when a word is in none of them, so a passage found in the text under a title that shares one word ("app" of a long
 * sentence, in "Apple's") reads "Matched title and saved text". The terms that complete the
 * unfinished word are left out of that (though not of "Matched title").
 */
function matchReasons(
  document: Omit<LibraryDocument, 'text'>,
  held: readonly string[],
  prefix: string | null,
): { reasons: MatchReason[]; titleTerms: string[] } {
  const heldSet = new Set(held);
  const found = new Set<string>();
  const reasons: MatchReason[] = [];
  if (mentions(document.title, heldSet, prefix, found)) reasons.push('title');
  const titleTerms = [...found];
  // Every tag and highlight is read (not up to the first that matches): each word found counts.
  const anyMentions = (texts: readonly string[]) =>
    texts.map((text) => mentions(text, heldSet, prefix, found)).includes(true);
  if (anyMentions(document.tags)) reasons.push('tag');
  if (mentions(document.note, heldSet, prefix, found)) reasons.push('note');
  if (anyMentions(document.highlights)) reasons.push('highlight');
  // The byline is in no snippet (Readability takes it out of the text): the row says whose it is;
  // unless it names the site ("BBC News" as both): that is the site's match.
  if (isAuthor(document) && mentions(document.byline ?? '', heldSet, prefix, found)) reasons.push('author');
  const address = mentions(addressWords(document.url), heldSet, prefix, found);
  const siteName = mentions(document.siteName ?? '', heldSet, prefix, found);
  if (reasons.length === 0 && (address || siteName)) reasons.push('site');
  // The completions of a word still being typed ("ho": how, host, …) would make "saved text" come and go at each key.
  const inTextOnly = (term: string) => !found.has(term) && !(prefix !== null && term.startsWith(prefix));
  if (reasons.length === 0 || held.some(inTextOnly)) reasons.push('text');
  return { reasons, titleTerms };
}
