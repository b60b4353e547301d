import type { Article } from '@/lib/corpus/article';
import { type SearchableFields, searchableFields } from '@/lib/search/searchable-fields';
import { addTypoWords, analyzeField, analyzePairs } from '@/lib/search/text';

/**
 * The search index Shelf ships, built ahead of time (`npm run catalog`) so that opening the popup
 * does no indexing work. Ranking data is a BM25F inverted index; Fuse.js matches single query
 * words against the vocabulary of words, for typos.
 */
export interface SerializedSearchIndex {
  version: 1;
  /** Article ids in catalog order; postings refer to them by position. */
  docIds: string[];
  /** Sorted index terms: stems, compounds ("node:test"), joined hyphenations, adjacent pairs ("vector databas"). */
  terms: string[];
  /** For each term: flat [docIndex, weight × 1000, docIndex, weight × 1000, …], docs ascending. */
  postings: number[][];
  /** Every word as written in the articles (lowercased), sorted; what Fuse.js matches typos against. */
  words: string[];
  /**
   * Letter pairs of each word ("^c", "ca", …, "e$") → indexes into `words`. It narrows a typo's
   * possible corrections to a few dozen words before Fuse.js scores them, so typo matching costs
   * the same at 200 articles as at 100,000.
   */
  wordGrams: Record<string, number[]>;
}

/** Letter pairs of a word, with start and end marked: "cache" → ^c ca ac ch he e$. */
export function letterPairs(word: string): string[] {
  const padded = `^${word}$`;
  const pairs: string[] = [];
  for (let i = 0; i + 2 <= padded.length; i++) pairs.push(padded.slice(i, i + 2));
  return pairs;
}

export const FIELD_WEIGHTS = { title: 3, keywords: 1.6, summary: 1 } as const;
const FIELD_B = { title: 0.3, keywords: 0.2, summary: 0.6 } as const;
const K1 = 1.2;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

export interface SearchDocument extends SearchableFields {
  id: string;
}

/** An article as the index reads it: title above tags and topic above summary (FIELD_WEIGHTS). */
export function toSearchDocument(article: Article): SearchDocument {
  return { id: article.id, ...searchableFields(article) };
}

export function buildSearchIndex(documents: readonly SearchDocument[]): SerializedSearchIndex {
  const fieldTerms = documents.map(
    (doc) =>
      Object.fromEntries(FIELDS.map((f) => [f, [...analyzeField(doc[f]), ...analyzePairs(doc[f])]])) as Record<
        Field,
        string[]
      >,
  );
  const averageLength = Object.fromEntries(
    FIELDS.map((f) => [
      f,
      fieldTerms.reduce((sum, doc) => sum + doc[f].length, 0) / Math.max(documents.length, 1) || 1,
    ]),
  ) as Record<Field, number>;

  // term → doc → BM25F pseudo-frequency (field frequencies, length-normalized and weighted).
  const frequencies = new Map<string, Map<number, number>>();
  fieldTerms.forEach((doc, docIndex) => {
    for (const field of FIELDS) {
      const norm = 1 - FIELD_B[field] + (FIELD_B[field] * doc[field].length) / averageLength[field];
      for (const term of doc[field]) {
        let byDoc = frequencies.get(term);
        if (!byDoc) {
          byDoc = new Map();
          frequencies.set(term, byDoc);
        }
        byDoc.set(docIndex, (byDoc.get(docIndex) ?? 0) + FIELD_WEIGHTS[field] / norm);
      }
    }
  });

  const terms = [...frequencies.keys()].sort();
  const n = documents.length;
  const postings = terms.map((term) => {
    const byDoc = frequencies.get(term) ?? new Map<number, number>();
    const idf = Math.log(1 + (n - byDoc.size + 0.5) / (byDoc.size + 0.5));
    return [...byDoc.entries()]
      .sort((a, b) => a[0] - b[0])
      .flatMap(([doc, tf]) => [doc, Math.round(((idf * tf * (K1 + 1)) / (tf + K1)) * 1000)]);
  });

  const words = new Set<string>();
  for (const doc of documents) {
    for (const field of FIELDS) addTypoWords(words, doc[field]);
  }
  const sortedWords = [...words].sort();
  const wordGrams = buildWordGrams(sortedWords);
  return { version: 1, docIds: documents.map((doc) => doc.id), terms, postings, words: sortedWords, wordGrams };
}

/** Letter pair → indexes of the words holding it (see `SerializedSearchIndex.wordGrams`). */
export function buildWordGrams(sortedWords: readonly string[]): Record<string, number[]> {
  const wordGrams: Record<string, number[]> = {};
  sortedWords.forEach((word, wordIndex) => {
    for (const pair of new Set(letterPairs(word))) {
      wordGrams[pair] ??= [];
      wordGrams[pair].push(wordIndex);
    }
  });
  return wordGrams;
}
