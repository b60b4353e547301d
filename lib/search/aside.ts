import { analyzeField } from '@/lib/search/text';

/**
 * A field that ranks and lists but never decides: each article's subject vocabulary
 * (`lib/corpus/subject-vocabulary.ts`: words a text on its subject uses that its title and summary do
 * not, "training data" for fine-tuning) and the words of its plain phrases (`lib/corpus/plain-words.ts`),
 * one by one. Whether a query has results is decided on the articles' own text, as before; once the
 * query's own words have decided there are some, a query word the field holds ranks the article and
 * lists it as a plain phrase's term does (`Candidate.onTopicCertainty`), at `FACTOR.aside`. Its terms
 * join the index's under ASIDE_MARK, which no query word's term begins with, so no word is read,
 * completed or corrected through them, and none is highlighted.
 */
export const ASIDE_MARK = '\u0001';

export interface SerializedAsideIndex {
  /** The articles the postings refer to, by position. */
  docIds: string[];
  /** Sorted terms (without ASIDE_MARK). */
  terms: string[];
  /** For each term: flat [docIndex, weight × 1000, …], docs ascending (as the search index's). */
  postings: number[][];
}

/** The aside field as an engine reads it: terms marked, postings referring to its index's documents. */
export interface AsideIndex {
  terms: string[];
  postings: number[][];
}

/** An article's aside entries: its subject vocabulary, then its plain phrases (not the terms they stand for: its own words). */
export function asideEntriesOf(
  id: string,
  vocabulary: Readonly<Record<string, readonly string[]>>,
  plainWords: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>>,
): string[] {
  return [...(vocabulary[id] ?? []), ...(plainWords[id] ?? []).map(([plain]) => plain)];
}

/** The field's length normalization and saturation, as the search index's short fields (`build-index.ts`). */
const ASIDE_B = 0.3;
const K1 = 1.2;

/** BM25 postings of each article's entries (`npm run index`: `assets/data/search-aside.json`). */
export function buildAsideIndex(
  documents: ReadonlyArray<{ id: string; entries: readonly string[] }>,
): SerializedAsideIndex {
  const docTerms = documents.map(({ entries }) => entries.flatMap((entry) => analyzeField(entry)));
  const averageLength = docTerms.reduce((sum, terms) => sum + terms.length, 0) / Math.max(docTerms.length, 1) || 1;
  const frequencies = new Map<string, Map<number, number>>();
  docTerms.forEach((terms, doc) => {
    const norm = 1 - ASIDE_B + (ASIDE_B * terms.length) / averageLength;
    for (const term of terms) {
      let byDoc = frequencies.get(term);
      if (!byDoc) {
        byDoc = new Map();
        frequencies.set(term, byDoc);
      }
      byDoc.set(doc, (byDoc.get(doc) ?? 0) + 1 / norm);
    }
  });
  const n = documents.length;
  const terms = [...frequencies.keys()].sort();
  return {
    docIds: documents.map(({ id }) => id),
    terms,
    postings: terms.map((term) => {
      const byDoc = frequencies.get(term) as Map<number, number>;
      const idf = Math.log(1 + (n - byDoc.size + 0.5) / (byDoc.size + 0.5));
      return [...byDoc.entries()]
        .sort((a, b) => a[0] - b[0])
        .flatMap(([doc, tf]) => [doc, Math.round(((idf * tf * (K1 + 1)) / (tf + K1)) * 1000)]);
    }),
  };
}

/**
 * The field over an index's documents (`docIds`: the bundled ones, or the catalog's once the blog added
 * articles): an article the field does not know has no aside terms.
 */
export function asideFor(aside: SerializedAsideIndex, docIds: readonly string[]): AsideIndex {
  // The bundled index's own articles, in its order (the popup's case): the postings already refer to them.
  if (docIds.length === aside.docIds.length && docIds.every((id, at) => id === aside.docIds[at]))
    return { terms: aside.terms.map((term) => ASIDE_MARK + term), postings: aside.postings };
  const position = new Map(docIds.map((id, at) => [id, at]));
  const terms: string[] = [];
  const postings: number[][] = [];
  aside.terms.forEach((term, at) => {
    const pairs: Array<[number, number]> = [];
    const list = aside.postings[at] as number[];
    for (let i = 0; i < list.length; i += 2) {
      const doc = position.get(aside.docIds[list[i] as number] as string);
      if (doc !== undefined) pairs.push([doc, list[i + 1] as number]);
    }
    if (pairs.length === 0) return;
    terms.push(ASIDE_MARK + term);
    postings.push(pairs.sort((a, b) => a[0] - b[0]).flat());
  });
  return { terms, postings };
}
