import { CONFIDENCE, type ConfidenceTuning } from '@/lib/search/confidence';
import { type RankedDocument, rankQuery } from '@/lib/search/rank';
import { analyzeField, analyzePairs, analyzeQueryWords, normalizeText, termsOfWord, tokenize } from '@/lib/search/text';
import { addLengthGrams, createTypoMatcher, type LengthGrams, type TypoMatcher } from '@/lib/search/typo';
import type { Vocabulary } from '@/lib/search/vocabulary';

/** What of a saved item the library index reads. */
export interface LibraryDocument {
  /** The saved item's id. */
  id: string;
  /** The bundled article the item is, when it is one. */
  articleId: string | null;
  title: string;
  url: string | null;
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
export type MatchReason = 'title' | 'site' | 'tag' | 'note' | 'highlight' | 'text';

export interface LibraryHit {
  itemId: string;
  articleId: string | null;
  title: string;
  site: string;
  url: string | null;
  score: number;
  confidence: number;
  reasons: MatchReason[];
}

export interface LibraryResponse {
  results: LibraryHit[];
  loose: LibraryHit[];
  matchedTerms: ReadonlySet<string>;
  prefix: string | null;
}

type Field = 'title' | 'tags' | 'highlights' | 'note' | 'site' | 'text';
const FIELD_WEIGHTS: Record<Field, number> = { title: 3, tags: 2, highlights: 1.6, note: 1.4, site: 1, text: 1 };
const FIELD_B: Record<Field, number> = { title: 0.3, tags: 0.2, highlights: 0.5, note: 0.5, site: 0.2, text: 0.75 };
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
  text: 1200,
};
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];
/** Pairs ("vector databas") for the short fields only: pairs of a long page's text would triple the index. */
const PAIRED_FIELDS = new Set<Field>(['title', 'tags', 'highlights', 'note']);
const K1 = 1.2;
const MAX_QUERY_WORDS = 32;
const LOOSE_LIMIT = 5;

/** The host of an address without "www.", or ''. */
export function siteOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    return '';
  }
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

function fieldTexts(document: LibraryDocument): Record<Field, string> {
  return {
    title: document.title,
    tags: document.tags.join(' '),
    highlights: document.highlights.join('\n'),
    note: document.note,
    site: addressWords(document.url),
    text: document.text,
  };
}

/** Changes whenever the analysis below changes: stored analyses of another version are made again. */
export const LIBRARY_ANALYSIS_VERSION = 1;

/** A saved item analyzed for the index: its terms with their field-weighted frequencies, and its words for typos. */
export interface AnalyzedLibraryDocument {
  document: Omit<LibraryDocument, 'text'>;
  /** Index terms in the order first met, each with its weight (summed over fields). */
  terms: readonly string[];
  weights: ArrayLike<number>;
  /** Distinct words of three letters or more, for typo corrections. */
  words: readonly string[];
}

/** What indexing an item costs most (normalization, stemming, pairs), apart from the index: it can be done and stored ahead. */
export function analyzeLibraryDocument(document: LibraryDocument): AnalyzedLibraryDocument {
  const texts = fieldTexts(document);
  const frequencies = new Map<string, number>();
  for (const field of FIELDS) {
    const terms = analyzeField(texts[field]);
    if (PAIRED_FIELDS.has(field)) terms.push(...analyzePairs(texts[field]));
    if (terms.length === 0) continue;
    const norm = 1 - FIELD_B[field] + (FIELD_B[field] * terms.length) / REFERENCE_LENGTH[field];
    for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + FIELD_WEIGHTS[field] / norm);
  }
  const words = new Set<string>();
  for (const field of FIELDS)
    for (const token of tokenize(normalizeText(texts[field]))) if (token.surface.length >= 3) words.add(token.surface);
  const { text: _text, ...kept } = document;
  return {
    document: kept,
    terms: [...frequencies.keys()],
    weights: Float64Array.from(frequencies.values()),
    words: [...words],
  };
}

interface Slot {
  document: Omit<LibraryDocument, 'text'>;
  site: string;
  terms: Int32Array;
  words: readonly string[];
}

interface Term {
  text: string;
  docs: number[];
  weights: number[];
  /** Live documents holding the term. */
  df: number;
}

/**
 * The user's library as an inverted index, kept up to date item by item (`put`, `remove`) instead
 * of rebuilt: the same analysis (normalization, stemming, compounds) and the same search stages
 * (prefixes, completions, typos through Fuse.js, synonyms, phrases, confidence) as the bundled
 * articles. Document numbers grow; a changed item is removed and added again. At the first search
 * after a change, the new terms are merged into the sorted vocabulary; postings are weighted (and rid
 * of removed documents) when a search first reads them.
 */
export function createLibraryIndex(tuning: ConfidenceTuning = CONFIDENCE) {
  const slots: (Slot | undefined)[] = [];
  const slotById = new Map<string, number>();
  const termIds = new Map<string, number>();
  const termList: Term[] = [];
  const wordCounts = new Map<string, number>();
  let live = 0;
  /** Terms in use, sorted (their ids, and their texts for the stages); new ones are merged in after a change (never re-sorted whole). */
  let sortedIds: number[] = [];
  let sortedTerms: string[] = [];
  /** Each term id's position in the sorted terms (-1 when not listed): exact lookups without a binary search. */
  let sortedAt = new Int32Array(0);
  const listed = new Set<number>();
  let newTerms: number[] = [];
  let termsEmptied = false;
  /** Words for typos, appended as met; a word no item holds any more is blanked ('' matches nothing). */
  const typoWords: string[] = [];
  const typoWordAt = new Map<string, number>();
  const lengthGrams: LengthGrams = [];
  let generation = 0;
  let typos: TypoMatcher | undefined;
  const postingsCache = new Map<number, number[]>();
  let cacheGeneration = -1;

  function termId(text: string): number {
    let id = termIds.get(text);
    if (id === undefined) {
      id = termList.length;
      termIds.set(text, id);
      termList.push({ text, docs: [], weights: [], df: 0 });
    }
    return id;
  }

  function put(document: LibraryDocument): void {
    putAnalyzed(analyzeLibraryDocument(document));
  }

  /** Adds an item analyzed before (here, or stored by the background: see lib/db/library-postings.ts). */
  function putAnalyzed({ document, terms, weights, words }: AnalyzedLibraryDocument): void {
    remove(document.id);
    const doc = slots.length;
    const ids = new Int32Array(terms.length);
    terms.forEach((text, at) => {
      const id = termId(text);
      ids[at] = id;
      const term = termList[id] as Term;
      if (term.df === 0 && !listed.has(id)) {
        listed.add(id);
        newTerms.push(id);
      }
      term.docs.push(doc);
      term.weights.push(weights[at] as number);
      term.df++;
    });
    for (const word of words) {
      const count = wordCounts.get(word) ?? 0;
      if (count === 0) showTypoWord(word);
      wordCounts.set(word, count + 1);
    }
    slots.push({ document, site: siteOf(document.url), terms: ids, words });
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
      const count = (wordCounts.get(word) ?? 1) - 1;
      if (count === 0) {
        wordCounts.delete(word);
        typoWords[typoWordAt.get(word) as number] = '';
      } else wordCounts.set(word, count);
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
    // Removed documents leave their postings behind until a search reads the term: drop them then.
    if (term.docs.length > term.df) {
      const keep = term.docs.map((doc) => slots[doc] !== undefined);
      term.docs = term.docs.filter((_, at) => keep[at]);
      term.weights = term.weights.filter((_, at) => keep[at]);
    }
    const idf = Math.log(1 + (live - term.df + 0.5) / (term.df + 0.5));
    flat = [];
    for (let at = 0; at < term.docs.length; at++) {
      const tf = term.weights[at] as number;
      flat.push(term.docs[at] as number, Math.round(((idf * tf * (K1 + 1)) / (tf + K1)) * 1000));
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
    const lowerBound = (value: string) => {
      let low = 0;
      let high = terms.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((terms[mid] as string) < value) low = mid + 1;
        else high = mid;
      }
      return low;
    };
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
          listed.delete(id);
          return false;
        })
      : sortedIds;
    const addedTexts: string[] = [];
    for (const id of newTerms) {
      // Added and removed again before any search: never listed.
      if ((termList[id] as Term).df > 0) addedTexts.push((termList[id] as Term).text);
      else listed.delete(id);
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

  function showTypoWord(word: string): void {
    const at = typoWordAt.get(word);
    if (at !== undefined) {
      typoWords[at] = word;
      return;
    }
    typoWordAt.set(word, typoWords.length);
    addLengthGrams(lengthGrams, word, typoWords.length);
    typoWords.push(word);
    typos = undefined; // its per-word counters are sized to the word list
  }

  function typoMatcher(): TypoMatcher {
    typos ??= createTypoMatcher({ words: typoWords, lengthGrams });
    return typos;
  }

  function toHit({ doc, score, confidence }: RankedDocument, matched: ReadonlySet<string>, prefix: string | null) {
    const { document, site } = slots[doc] as Slot;
    return {
      itemId: document.id,
      articleId: document.articleId,
      title: document.title,
      site,
      url: document.url,
      score,
      confidence,
      reasons: matchReasons(document, matched, prefix),
    };
  }

  function search(query: string, { limit = 20, typing = !/\s$/.test(query) } = {}): LibraryResponse {
    const words = analyzeQueryWords(query).slice(0, MAX_QUERY_WORDS);
    if (words.length === 0 || live === 0) return { results: [], loose: [], matchedTerms: new Set(), prefix: null };
    const accept = (doc: number) => slots[doc] !== undefined;
    const ranking = rankQuery(vocabulary(), typoMatcher(), words, {
      limit,
      looseLimit: LOOSE_LIMIT,
      typing,
      accept,
      tuning,
    });
    const prefix = typing ? (words.at(-1)?.surface ?? null) : null;
    return {
      results: ranking.results.map((ranked) => toHit(ranked, ranking.matchedTerms, prefix)),
      loose: ranking.loose.map((ranked) => toHit(ranked, ranking.matchedTerms, prefix)),
      matchedTerms: ranking.matchedTerms,
      prefix,
    };
  }

  return {
    put,
    putAnalyzed,
    remove,
    search,
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
        postings += term.docs.length;
        if (term.df > 0) terms++;
      }
      return { documents: live, terms, postings, words: wordCounts.size };
    },
  };
}

export type LibraryIndex = ReturnType<typeof createLibraryIndex>;

function mentions(text: string, matched: ReadonlySet<string>, prefix: string | null): boolean {
  for (const token of tokenize(normalizeText(text))) {
    if (termsOfWord(token.surface).some((term) => matched.has(term))) return true;
    if (prefix !== null && prefix.length >= 2 && token.surface.startsWith(prefix)) return true;
  }
  return false;
}

/** Which of the item's own fields hold a matched word; the captured text when none does. */
function matchReasons(
  document: Omit<LibraryDocument, 'text'>,
  matched: ReadonlySet<string>,
  prefix: string | null,
): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (mentions(document.title, matched, prefix)) reasons.push('title');
  if (document.tags.some((tag) => mentions(tag, matched, prefix))) reasons.push('tag');
  if (mentions(document.note, matched, prefix)) reasons.push('note');
  if (document.highlights.some((highlight) => mentions(highlight, matched, prefix))) reasons.push('highlight');
  if (reasons.length === 0 && mentions(addressWords(document.url), matched, prefix)) reasons.push('site');
  return reasons.length > 0 ? reasons : ['text'];
}
