import type { Article } from '@/lib/corpus/article';
import { asideFor, type SerializedAsideIndex } from '@/lib/search/aside';
import type { SerializedSearchIndex } from '@/lib/search/build-index';
import { CONFIDENCE, type ConfidenceTuning } from '@/lib/search/confidence';
import { holdsQuoted, quotedPhrases } from '@/lib/search/quoted';
import { type RankedDocument, rankQuery, type WordReading } from '@/lib/search/rank';
import { searchableFields } from '@/lib/search/searchable-fields';
import { spellQuery, suggestionOf, type WordSpelling } from '@/lib/search/suggest';
import type { SynonymEntry } from '@/lib/search/synonyms';
import { americanSpellingOf, analyzeField, readQuery, unfinishedWord } from '@/lib/search/text';
import { createTypoMatcher } from '@/lib/search/typo';
import { createVocabulary, type Vocabulary } from '@/lib/search/vocabulary';
import type { WordWorth } from '@/lib/search/word-worth';

export interface SearchOptions {
  limit?: number;
  topic?: string;
  tag?: string;
  /**
   * Whether the last word may be unfinished (as-you-type), so it also matches as a prefix.
   * Default: true unless the query ends with a space.
   */
  typing?: boolean;
  /** Whether to look for a "Did you mean" correction when nothing matches (costs a typo search per word). */
  suggest?: boolean;
  /**
   * Whether a quoted run is a phrase each result must hold, as typed in a search box (default). False
   * for a text taken from a page (a selection, a link's text): its quote marks are its punctuation, and
   * a selection begun inside a quotation would require the rest of it as a phrase.
   */
  quotedPhrases?: boolean;
}

export interface SearchResult {
  article: Article;
  /** Higher is better; comparable within one query only. */
  score: number;
  /**
   * 0..1: the share of the query's specific words the article covers (1 when listing a filter); for a
   * result, plain words counting (`Candidate.onTopicCertainty`).
   */
  confidence: number;
}

export interface SearchResponse {
  /** Articles about the query, best first: empty when nothing in the library is about it. */
  results: SearchResult[];
  /** Articles sharing some of the query's words but not about it: never to be shown as results. */
  loose: SearchResult[];
  /** "Did you mean", when asked for: only when nothing matches at all (no results, nothing loosely related). */
  suggestion: string | null;
  /** How this index spells each query word, with `suggestion`: for a "Did you mean" over other indexes too (`mergeSearch`). */
  spelling?: WordSpelling[];
  /** Every index term the query matched (exactly, by prefix, by typo or synonym), for highlighting. */
  matchedTerms: ReadonlySet<string>;
  /** The last word as typed, when it was matched as a prefix. */
  prefix: string | null;
  /** How each query word was read (see `Ranking`). */
  wordReadings?: ReadonlyArray<WordReading | null>;
}

const LOOSE_LIMIT = 5;

export interface SearchEngineOptions {
  tuning?: ConfidenceTuning;
  /** Everyday English words one typo from the index's words (see addTypoCandidates). */
  everydayWords?: ReadonlySet<string>;
  /**
   * What words are worth in everyday speech (see `everydayWorthOf`), read when a query first needs it
   * (a word the index does not know, a modifier, an article covering one word alone): building the
   * bundled list takes ~10 ms, once.
   */
  wordWorth?: () => WordWorth;
  /**
   * Words naming things of everyday life (see `EverydaySpeech.namesEverydayThing`), read when a query
   * first needs them; part of everyday speech, so read only with `wordWorth`.
   */
  everydayThings?: () => ReadonlySet<string>;
  /**
   * Stems of technical writing that speech knows too (see `EverydaySpeech.isManualWord`), read when a
   * query first needs them; part of everyday speech, so read only with `wordWorth`.
   */
  manualWords?: () => ReadonlySet<string>;
  /**
   * Adverbs and past forms of verbs (see `EverydaySpeech.tellsHow`), read when a query first needs them;
   * part of everyday speech, so read only with `wordWorth`.
   */
  wordsTellingHow?: () => ReadonlySet<string>;
  /**
   * The synonyms to look for, read at the first query: the general ones by default; the blog's
   * articles add the plain words users say for their terms (`lib/search/bundled.ts`).
   */
  synonyms?: () => readonly SynonymEntry[];
  /** A field that ranks and lists but never decides (`lib/search/aside.ts`): the blog's subject vocabulary. */
  aside?: SerializedAsideIndex;
}

/**
 * Search over a prebuilt index, as a pipeline: candidates (exact terms, prefixes while typing) →
 * typo corrections (and synonyms) → BM25F scores → the top k → "Did you mean" when asked.
 */
export function createSearchEngine(
  index: SerializedSearchIndex,
  articles: readonly Article[],
  {
    tuning = CONFIDENCE,
    everydayWords = new Set(),
    wordWorth,
    everydayThings,
    manualWords,
    wordsTellingHow,
    synonyms,
    aside,
  }: SearchEngineOptions = {},
) {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const docs = index.docIds.map((id) => {
    const article = byId.get(id);
    if (!article) throw new Error(`search index refers to unknown article "${id}"`);
    return article;
  });
  // The aside terms sort before every other (ASIDE_MARK), so the index's own terms keep their order.
  const asideTerms = aside && asideFor(aside, index.docIds);
  const vocabulary = createVocabulary(
    asideTerms
      ? {
          ...index,
          terms: [...asideTerms.terms, ...index.terms],
          postings: [...asideTerms.postings, ...index.postings],
        }
      : index,
  );
  const typos = createTypoMatcher({ ...index, sorted: true }); // the index's words are sorted (build-index.ts)
  const namesSubject = subjectTermsOf(docs, vocabulary);
  let anySubjectTerms: Set<number> | undefined;
  const everydaySpeech = wordWorth && {
    worth: wordWorth,
    namesSubject,
    namesSomeSubject: (term: number) => {
      anySubjectTerms ??= new Set(docs.flatMap((_, doc) => [...namesSubject.termsOf(doc)]));
      return anySubjectTerms.has(term);
    },
    // The lists hold words as written (in American spelling, `getEngineOptions`): "tumour" is "tumor".
    namesEverydayThing: (surface: string) => everydayThings?.().has(americanSpellingOf(surface)) === true,
    isManualWord: (term: string) => manualWords?.().has(term) === true,
    tellsHow: (surface: string) => wordsTellingHow?.().has(americanSpellingOf(surface)) === true,
  };

  function search(query: string, options: SearchOptions = {}): SearchResponse {
    const limit = options.limit ?? 20;
    const asked = options.typing ?? !/\s$/.test(query);
    const quoted = options.quotedPhrases === false ? [] : quotedPhrases(query);
    const accept = (doc: number) => {
      const article = docs[doc] as Article;
      return (
        (!options.topic || article.topic === options.topic) &&
        (!options.tag || article.tags.includes(options.tag)) &&
        (quoted.length === 0 || holdsQuoted([article.title, article.summary, article.tags.join(' ')], quoted))
      );
    };
    const { words, endsWithWord } = readQuery(query);
    const typing = asked && endsWithWord;
    if (words.length === 0) {
      // No words: a filter alone lists its articles; nothing at all finds nothing.
      const results = options.topic || options.tag ? browse(accept, limit) : [];
      return { results, loose: [], suggestion: null, matchedTerms: new Set(), prefix: null };
    }

    const ranking = rankQuery(vocabulary, typos, words, {
      limit,
      looseLimit: LOOSE_LIMIT,
      typing,
      accept,
      tuning,
      everydayWords,
      everydaySpeech,
      synonyms: synonyms?.(),
      aside: aside !== undefined,
    });
    const toResults = (ranked: readonly RankedDocument[]) =>
      ranked.map(({ doc, score, confidence }) => ({ article: docs[doc] as Article, score, confidence }));
    const results = toResults(ranking.results);
    const loose = toResults(ranking.loose);
    const { matchedTerms, wordReadings } = ranking;
    // A quoted phrase is meant as written: nothing holding it is no misspelling to correct.
    const spelling =
      options.suggest && quoted.length === 0 && results.length === 0 && loose.length === 0
        ? spellingWithin(query, options)
        : undefined;
    return {
      results,
      loose,
      suggestion: spelling ? suggestionOf([spelling]) : null,
      ...(spelling && { spelling }),
      matchedTerms,
      prefix: unfinishedWord(words, typing),
      wordReadings,
    };
  }

  function browse(accept: (doc: number) => boolean, limit: number): SearchResult[] {
    const results: SearchResult[] = [];
    for (let doc = 0; doc < docs.length; doc++)
      if (accept(doc)) results.push({ article: docs[doc] as Article, score: 0, confidence: 1 });
    return results.sort((a, b) => a.article.title.localeCompare(b.article.title)).slice(0, limit);
  }

  /**
   * The spelling of a query that found nothing. With a topic or tag chosen, only one whose correction
   * finds something there: else "Did you mean" leads to the same empty list ("idempotnt" in *Career &
   * leadership*, its typo matched in other topics; "thndrng" there, its correction too).
   */
  function spellingWithin(query: string, options: SearchOptions): WordSpelling[] | undefined {
    const spelling = spellQuery(vocabulary, typos, query);
    if (!options.topic && !options.tag) return spelling;
    const corrected = suggestionOf([spelling]);
    if (corrected === null) return spelling;
    const there = search(corrected, { ...options, typing: false, suggest: false, limit: 1 });
    return there.results.length > 0 || there.loose.length > 0 ? spelling : undefined;
  }

  /** "Did you mean": the query with each unknown word replaced by its closest known word, or null. */
  function suggest(query: string): string | null {
    return suggestionOf([spellQuery(vocabulary, typos, query)]);
  }

  return { search, suggest, size: docs.length };
}

export type SearchEngine = ReturnType<typeof createSearchEngine>;

/**
 * Whether a term is one of a document's title, tag or topic words: what names its subject. Each document's
 * words are analyzed when first asked for (all at once would add ~10 ms to creating the engine).
 */
function subjectTermsOf(docs: readonly Article[], vocabulary: Vocabulary) {
  const subjectTerms: Array<Set<number> | undefined> = [];
  const termsOf = (doc: number): Set<number> => {
    let terms = subjectTerms[doc];
    if (!terms) {
      const { title, keywords } = searchableFields(docs[doc] as Article);
      terms = new Set(analyzeField(`${title} ${keywords}`).map((word) => vocabulary.termIndex(word)));
      subjectTerms[doc] = terms;
    }
    return terms;
  };
  return Object.assign((doc: number, term: number) => termsOf(doc).has(term), { termsOf });
}
