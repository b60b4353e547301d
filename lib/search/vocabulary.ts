import type { SerializedSearchIndex } from '@/lib/search/build-index';
import { lowerBound as lowerBoundOf } from '@/lib/search/sorted';

/**
 * The index as the search stages read it: sorted terms with their postings, looked up by binary
 * search, and each term's idf.
 */
export interface Vocabulary {
  readonly terms: readonly string[];
  /** For each term: flat [docIndex, weight × 1000, …], docs ascending. */
  readonly postings: readonly (readonly number[])[];
  readonly docCount: number;
  /** The term's position in `terms`, or -1. */
  termIndex(term: string): number;
  /** The position of the first term ≥ `value` (where terms starting with `value` begin). */
  lowerBound(value: string): number;
  /** How specific a term is: BM25's idf from its document frequency. */
  idf(term: number): number;
}

export function createVocabulary(index: SerializedSearchIndex): Vocabulary {
  const { terms, postings } = index;
  const docCount = index.docIds.length;

  const lowerBound = (value: string) => lowerBoundOf(terms, value);

  return {
    terms,
    postings,
    docCount,
    lowerBound,
    termIndex(term) {
      const at = lowerBound(term);
      return terms[at] === term ? at : -1;
    },
    idf(term) {
      const df = (postings[term] as number[]).length / 2;
      return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    },
  };
}

/** How many documents hold a term, looked up by its text (0: none); postings are [doc, weight] pairs. */
export function documentCount(vocabulary: Pick<Vocabulary, 'termIndex' | 'postings'>, term: string): number {
  const at = vocabulary.termIndex(term);
  return at < 0 ? 0 : (vocabulary.postings[at] as readonly number[]).length / 2;
}

/** The documents holding any of these terms, looked up by their text. */
export function documentsHolding(
  vocabulary: Pick<Vocabulary, 'termIndex' | 'postings'>,
  terms: readonly string[],
): Set<number> {
  const holders = new Set<number>();
  for (const term of terms) {
    const at = vocabulary.termIndex(term);
    const list = at < 0 ? [] : (vocabulary.postings[at] as readonly number[]);
    for (let i = 0; i < list.length; i += 2) holders.add(list[i] as number);
  }
  return holders;
}
