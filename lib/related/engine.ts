import type { Article } from '@/lib/corpus/article';
import type { SerializedManualProfiles } from '@/lib/related/manual-profiles';
import { countTerms, type SerializedRelatedModel, type SerializedVectors, tfidfWeight } from '@/lib/related/model';
import { analyzeField, isStopWord, normalizeText, stemWord, tokenize } from '@/lib/search/text';
import type { WordWorth } from '@/lib/search/word-worth';

export interface RelatedInput {
  title?: string;
  text: string;
}

/** A term of a text with its tf-idf weight; `index` is its place in the model (undefined: a word the library never used). */
export interface WeightedTerm {
  term: string;
  index: number | undefined;
  weight: number;
}

export interface RelatedResult {
  article: Article;
  /**
   * Cosine similarity, 0..1, of the text's words (everyday words and words of every manual discounted)
   * with the article's own words and subject vocabulary together (`matchingPostings`).
   */
  score: number;
  /** The similarity with the largest single shared word counted half: the best one in the pool is what "matched" reads. */
  confidence: number;
}

export interface RelatedResponse {
  /**
   * Whether the text is about something the library covers at all: `strength` reaches MATCH_THRESHOLD
   * and some article is at least loosely related (LOOSELY_RELATED_CONFIDENCE).
   */
  matched: boolean;
  /**
   * The best confidence among the articles most similar to the text (each corrected by its article's
   * noise in the manuals, MANUAL_NOISE_WEIGHT), plus KNOWN_SHARE_WEIGHT times the share of the text's
   * (discounted, squared) term weight in words the articles or their subject vocabulary use
   * (ASSUMED_KNOWN_SHARE for a text too short to measure it), plus its likeness to the manual pages on
   * one of them above a floor (MANUAL_LIKENESS_WEIGHT); 0 when no article shares one of its own words
   * with the text.
   */
  strength: number;
  results: RelatedResult[];
}

/**
 * A text "matches" the library when its strength reaches this: the best confidence among the
 * articles most similar to it (the cosine similarity of its words, discounted as the ranking
 * discounts them — "name", "return", "table" on every manual page say little — with the article's
 * own words and subject vocabulary together, `matchingPostings`, the largest single shared word
 * counted half, so that a match rests on more than one word), plus KNOWN_SHARE_WEIGHT times the share
 * of the text's weight in words the library uses at all. Calibrated with `npm run eval` as the
 * smallest round value above every unrelated page of the calibration set, real news and product page
 * and unrelated passage (0.4726, a passage on an ATmega328's interrupt routines): see README.
 */
export const MATCH_THRESHOLD = 0.475;
/**
 * A page whose heavy words the library never uses is about something else, however close its few
 * shared words bring it to one article: Python's `locale` page and SQLite's R-tree page share
 * "floating point" or "index" and "query" with an article, but most of their weight is in words no
 * article or subject vocabulary has. A page on an article's subject writes mostly the library's words.
 * Weighed against the confidence by a logistic fit over the documentation sets, real pages and
 * passages of `npm run eval` (0.485 left out set by set, rounded); see README.
 */
const KNOWN_SHARE_WEIGHT = 0.5;
/**
 * A share measured on fewer distinct words than this is no measure: a short everyday sentence is
 * nearly all words the library uses, as is a Chinese page that quotes "AI" and "app" (only its Latin
 * words count). Such a text is given ASSUMED_KNOWN_SHARE. Every passage and page of `npm run eval` has
 * 23 or more; none changes between 20 and 30.
 */
const MIN_MEASURED_TERMS = 30;
/** The confidence that alone decided whether a text matches until 2026-12-04. */
const CONFIDENCE_ALONE_THRESHOLD = 0.13;
/** The share at which the threshold asks for CONFIDENCE_ALONE_THRESHOLD. */
const ASSUMED_KNOWN_SHARE = (MATCH_THRESHOLD - CONFIDENCE_ALONE_THRESHOLD) / KNOWN_SHARE_WEIGHT;
/**
 * An article this close to a text (a little under what a match mostly needs) is loosely related to
 * it: "Find related" offers such articles when nothing matches (find-related.ts), and however known
 * its words, a text matches only if some article is at least this close — everyday prose is nearly
 * all known words, and without a floor a paragraph of it would match at a confidence near 0. As the
 * floor of matching, on `npm run eval` it costs one documentation page and one passage of the 226
 * relevant texts, and no unrelated one is matched either way.
 */
export const LOOSELY_RELATED_CONFIDENCE = 0.095;
/**
 * How much an article's noise in the manuals (`SerializedManualProfiles`: the confidence it reaches on
 * the 97th percentile of the pages of five manuals Debian ships) above the articles' median lowers its
 * confidence when a text's strength is measured (below the median, raises it): an article close to many
 * manual pages (SQL functions, plugins) is weak evidence that a page is about it. Chosen with
 * MANUAL_LIKENESS_WEIGHT on the ten documentation sets of `npm run eval` (205 of 255 relevant pages and 13
 * of 101 unrelated matched, against 189 and 14); see README.
 */
const MANUAL_NOISE_WEIGHT = 0.25;
/**
 * How much the page's likeness to the manual pages an article ranks highest (the cosine of its
 * RANKING_TERMS heaviest words with their centroid, `SerializedManualProfiles`) above
 * MANUAL_LIKENESS_FLOOR adds to its strength: a page on an article's subject reads like the manual
 * pages on it, a page sharing a few words with the article does not. Only above the floor, so that
 * passages and pages of other kinds (whose likeness is lower whatever their subject) are judged as before.
 */
const MANUAL_LIKENESS_WEIGHT = 0.2;
const MANUAL_LIKENESS_FLOOR = 0.3;
/** How many of the most similar articles are looked at for a confident one. */
const CONFIDENCE_POOL = 10;
/** Words of the page the library has never used still count, as rare words, so that a page about
 * something else is not judged by the few library words it happens to contain. */
const UNKNOWN_TERM_IDF_SHARE = 0.5;
const MAX_WORDS = 8000;
/**
 * Articles are ranked by the page's heaviest words only (tf-idf): a long manual page's hundreds of
 * passing mentions otherwise outweigh what it is about (on the documentation set of `npm run eval`,
 * hit@5 0.846 → 0.962, flat from 60 to 120 words). Whether the page matches at all reads every word.
 */
const RANKING_TERMS = 100;
const TITLE_REPEAT = 2;
/**
 * What the articles' subject vocabulary (lib/corpus/subject-vocabulary.ts) counts in the ranking,
 * against 1 for their own words. A manual page shares the words of a subject more than those of a
 * two-sentence summary ("sequential scan", "query plan" for an article on a full table scan). It was
 * half (editors' words, not the author's) until a fifth documentation set, written after 0.5, 0.75 and
 * 1 were chosen to compare, put the wanted article in the top 5 for 21 of its 24 pages at 1 against
 * 15 at 0.5 (`npm run eval`; see README). Whether a text matches reads the vocabulary at its own
 * weight (MATCHING_SUBJECT_WEIGHT), on which the threshold is calibrated: kept apart, so that tuning
 * the ranking never moves which texts match.
 */
const SUBJECT_WEIGHT = 1;
/**
 * What the articles' documentation neighbours (lib/corpus/documentation-neighbours.ts) count in the
 * ranking, against 1 for their own words: the commands, tools and terms of the manual pages a reader of
 * the article would look up ("pgbench" for an article on launching without load testing), which neither
 * its summary nor its subject vocabulary says. Ranking only: they never decide whether a text matches.
 * On the ten documentation sets of `npm run eval`, written before them, 0.25–1.5 put the wanted article
 * first for 162–176 of 255 pages against 156 (top 3: 216–222 against 210; top 5: 227–229 against 229).
 */
const RANKING_NEIGHBOUR_WEIGHT = 1;

/** term → flat [doc, weight × 10000, …]: a text's terms look up the articles that use them. */
function postingsOf({ terms, vectors }: SerializedVectors) {
  const postings: number[][] = terms.map(() => []);
  vectors.forEach((vector, doc) => {
    for (let i = 0; i < vector.length; i += 2)
      (postings[vector[i] as number] as number[]).push(doc, vector[i + 1] as number);
  });
  return postings;
}

/**
 * Adjacent words the library writes as one ("time zone" → timezone, "back pressure" →
 * backpressure, "fail over" → failover): their joined stems, where the library knows them.
 */
export function joinedWords(text: string, isKnown: (term: string) => boolean): string[] {
  const words = tokenize(normalizeText(text))
    .map((token) => token.surface)
    .filter((word) => /^[a-z]+$/.test(word) && !isStopWord(word));
  const joined: string[] = [];
  for (let at = 1; at < words.length; at++) {
    const term = stemWord(`${words[at - 1]}${words[at]}`);
    if (isKnown(term)) joined.push(term);
  }
  return joined;
}

/**
 * The terms written in Latin letters or digits: the articles are in English, so words of other
 * scripts say nothing of what a page shares with them, and counted as rare words they would drown
 * the English a page quotes (the threshold was calibrated on the Latin words alone).
 */
function latinTerms(terms: string[]): string[] {
  return terms.filter((term) => LATIN_TERM.test(term));
}

/** Latin letters (ø and ß too), ASCII digits and the joiners of compounds: "http-сервер" joined is not one. */
const LATIN_TERM = /^[\p{Script=Latin}0-9+:.#]+$/u;

/**
 * What an article's subject vocabulary counts against its own words when a text is matched. Words a
 * text on the subject uses ("daylight saving", "local time" for the timezone article) are evidence
 * the two-sentence summary cannot give. With 1 and a threshold of 0.13, the documentation sets of
 * `npm run eval` matched 75 of 99 relevant pages (64 on the articles' own words at 0.119) with 8 of
 * 42 unrelated pages matched, as before, and its passages 15 and 17 of 20 (14 and 14) with none of 12
 * unrelated (1 and 1), measured while matching read every word undiscounted. See README.
 */
const MATCHING_SUBJECT_WEIGHT = 1;

/**
 * Each article's own words plus its subject vocabulary at MATCHING_SUBJECT_WEIGHT, as one unit vector
 * (a word in both adds up; terms in the order met, not sorted). An article without vocabulary
 * (learned from the blog) is scaled as if it had one sharing none of its words, so that it is not
 * closer to every text than the others. Returned as postings: term → flat [doc, weight × 10000,
 * 1 if the term is one of the article's own words else 0, …].
 */
function matchingPostings(model: SerializedRelatedModel): { index: Map<string, number>; postings: number[][] } {
  const termAt = new Map<string, number>();
  const postings: number[][] = [];
  model.vectors.forEach((vector, doc) => {
    const combined = new Map<string, number>();
    const add = (term: string, value: number) => combined.set(term, (combined.get(term) ?? 0) + value);
    for (let i = 0; i < vector.length; i += 2)
      add(model.terms[vector[i] as number] as string, (vector[i + 1] as number) / 10000);
    const subject = model.subjects.vectors[doc] ?? [];
    for (let i = 0; i < subject.length; i += 2)
      add(
        model.subjects.terms[subject[i] as number] as string,
        (MATCHING_SUBJECT_WEIGHT * (subject[i + 1] as number)) / 10000,
      );
    let sum = subject.length > 0 ? 0 : MATCHING_SUBJECT_WEIGHT ** 2;
    for (const value of combined.values()) sum += value * value;
    const norm = Math.sqrt(sum) || 1;
    const own = new Set<string>();
    for (let i = 0; i < vector.length; i += 2) own.add(model.terms[vector[i] as number] as string);
    for (const [term, value] of combined) {
      let at = termAt.get(term);
      if (at === undefined) {
        at = postings.length;
        termAt.set(term, at);
        postings.push([]);
      }
      (postings[at] as number[]).push(doc, Math.round((value / norm) * 10000), own.has(term) ? 1 : 0);
    }
  });
  return { index: termAt, postings };
}

/**
 * Each article's manual profile by document (undefined: none, an article learned from the blog) and
 * the articles' median noise, which a document without a profile counts (its confidence unchanged).
 */
function readProfiles(docIds: readonly string[], profiles: SerializedManualProfiles | undefined) {
  const listed = docIds.map((id) => profiles?.articles[id]);
  const noises = listed.flatMap((profile) => (profile ? [profile.noise / 10000] : [])).sort((a, b) => a - b);
  const median =
    noises.length === 0
      ? 0
      : ((noises[Math.floor((noises.length - 1) / 2)] as number) +
          (noises[Math.ceil((noises.length - 1) / 2)] as number)) /
        2;
  const centroids = listed.map((profile) => {
    if (!profile || !profiles) return undefined;
    const centroid = new Map<string, number>();
    for (let i = 0; i < profile.centroid.length; i += 2)
      centroid.set(
        profiles.terms[profile.centroid[i] as number] as string,
        (profile.centroid[i + 1] as number) / 10000,
      );
    return centroid;
  });
  const noiseAboveMedian = listed.map((profile) => (profile ? profile.noise / 10000 - median : 0));
  return { centroids, noiseAboveMedian };
}

export function createRelatedEngine(
  model: SerializedRelatedModel,
  articles: readonly Article[],
  discounts: WordWorth = new Map(),
  profiles?: SerializedManualProfiles,
) {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const docs = model.docIds.map((id) => byId.get(id) as Article);
  const termIndex = new Map(model.terms.map((term, index) => [term, index]));
  const idf = model.idf.map((value) => value / 1000);
  const unknownIdf = Math.log((docs.length + 1) / 0.5) * UNKNOWN_TERM_IDF_SHARE;
  const postings = postingsOf(model);
  const subjectPostings = postingsOf(model.subjects);
  const subjectIndex = new Map(model.subjects.terms.map((term, index) => [term, index]));
  const neighbourPostings = postingsOf(model.neighbours);
  const neighbourIndex = new Map(model.neighbours.terms.map((term, index) => [term, index]));
  /** Built at the first `related()` call (`relatedToArticle` and `weighTerms` never need it). */
  let matchingModel: ReturnType<typeof matchingPostings> | undefined;
  /** The manual profiles as `related()` reads them, built at its first call too. */
  let manual: ReturnType<typeof readProfiles> | undefined;

  /**
   * Each article's dot product with these weighted terms, its largest single share, and the terms'
   * norm; `lists` are the postings of the articles' own words or their subject vocabulary ([doc,
   * weight] pairs), or both together (`matchingPostings`: [doc, weight, own] triples, `stride` 3,
   * which also tell the articles sharing one of their own words with the text).
   */
  function similarities(
    weighted: ReadonlyArray<{ index: number | undefined; weight: number }>,
    lists = postings,
    stride: 2 | 3 = 2,
  ) {
    let norm = 0;
    const scores = new Float64Array(docs.length);
    const largestShare = new Float64Array(docs.length);
    const sharesOwnWord = new Uint8Array(docs.length);
    for (const { index, weight } of weighted) {
      norm += weight * weight;
      if (index === undefined) continue;
      const list = lists[index] as number[];
      for (let i = 0; i < list.length; i += stride) {
        const doc = list[i] as number;
        const share = weight * ((list[i + 1] as number) / 10000);
        scores[doc] = (scores[doc] as number) + share;
        if (share > (largestShare[doc] as number)) largestShare[doc] = share;
        // A word worth nothing here (discounted to 0) is not shared.
        if (stride === 3 && list[i + 2] === 1 && weight > 0) sharesOwnWord[doc] = 1;
      }
    }
    return { scores, largestShare, sharesOwnWord, norm: Math.sqrt(norm) || 1 };
  }

  /** `similarities` against the articles' own words and subject vocabulary together. */
  function matchingSimilarities(weighted: ReadonlyArray<{ term: string; weight: number }>) {
    matchingModel ??= matchingPostings(model);
    const { index } = matchingModel;
    return similarities(
      weighted.map(({ term, weight }) => ({ index: index.get(term), weight })),
      matchingModel.postings,
      3,
    );
  }

  /**
   * The text's terms weighed by tf-idf against the library (the title counted more; words the
   * library never used as rare words), heaviest first.
   */
  function weighTerms(input: RelatedInput | string): WeightedTerm[] {
    const { title = '', text } = typeof input === 'string' ? { text: input } : input;
    const isKnown = (term: string) => termIndex.has(term);
    const words = [...latinTerms(analyzeField(text)).slice(0, MAX_WORDS), ...joinedWords(text, isKnown)];
    const titleTerms = [...latinTerms(analyzeField(title)), ...joinedWords(title, isKnown)];
    const terms = [...Array.from({ length: TITLE_REPEAT }, () => titleTerms).flat(), ...words];
    const weighted = [...countTerms(terms)].map(([term, count]) => {
      const index = termIndex.get(term);
      return { term, index, weight: tfidfWeight(count, index === undefined ? unknownIdf : (idf[index] as number)) };
    });
    return weighted.sort((a, b) => b.weight - a.weight);
  }

  /**
   * `weighTerms` with everyday words and words of every manual discounted ("name", "new", "return",
   * "argument" on every entry of a manual say little of its topic), heaviest first.
   */
  function weighDiscountedTerms(input: RelatedInput | string): WeightedTerm[] {
    return weighTerms(input)
      .map((term) => ({ ...term, weight: term.weight * (discounts.get(term.term) ?? 1) }))
      .sort((a, b) => b.weight - a.weight);
  }

  /**
   * The share of the terms' squared weight in words some article's own words or subject vocabulary use;
   * a word only the excluded article uses counts as unknown (it is not among the articles compared).
   */
  function knownShare(weighted: ReadonlyArray<{ term: string; weight: number }>, excludeId?: string): number {
    matchingModel ??= matchingPostings(model);
    const { index, postings: lists } = matchingModel;
    const excluded = excludeId === undefined ? -1 : model.docIds.indexOf(excludeId);
    let known = 0;
    let all = 0;
    for (const { term, weight } of weighted) {
      all += weight * weight;
      const at = index.get(term);
      if (at === undefined) continue;
      const list = lists[at] as number[];
      let usedByAnother = false;
      for (let i = 0; i < list.length && !usedByAnother; i += 3) usedByAnother = list[i] !== excluded;
      if (usedByAnother) known += weight * weight;
    }
    return all > 0 ? known / all : 0;
  }

  /** The cosine of these (heaviest) terms, of this norm, with an article's centroid of the manual pages it ranks highest (0 without one). */
  function manualLikeness(
    terms: readonly WeightedTerm[],
    norm: number,
    centroid: ReadonlyMap<string, number> | undefined,
  ): number {
    if (!centroid) return 0;
    let dot = 0;
    for (const { term, weight } of terms) dot += weight * (centroid.get(term) ?? 0);
    return dot / norm;
  }

  /**
   * A text's weighed terms and what ranking and matching read of every article for it. Everyday words
   * and words of every manual are discounted ("name", "new", "return", "argument" on every entry of a
   * manual say little of its topic). The ranking reads the RANKING_TERMS heaviest, against the articles
   * and, on the same scale (norm), their subject vocabulary (which only orders the articles sharing a
   * word with the text: it never lists one by itself). Matching (the confidence, and the pool read for
   * it) reads every word against the articles' own words and subject vocabulary together.
   */
  function scoresOf(input: RelatedInput | string) {
    const discounted = weighDiscountedTerms(input);
    const top = discounted.slice(0, RANKING_TERMS);
    const heaviest = similarities(top);
    const subjects = similarities(
      top.map(({ term, weight }) => ({ index: subjectIndex.get(term), weight })),
      subjectPostings,
    ).scores;
    const neighbours = similarities(
      top.map(({ term, weight }) => ({ index: neighbourIndex.get(term), weight })),
      neighbourPostings,
    ).scores;
    const matching = matchingSimilarities(discounted);
    return {
      discounted,
      top,
      norm: heaviest.norm,
      matching,
      rankScore: (doc: number) =>
        ((heaviest.scores[doc] as number) +
          SUBJECT_WEIGHT * (subjects[doc] as number) +
          RANKING_NEIGHBOUR_WEIGHT * (neighbours[doc] as number)) /
        heaviest.norm,
      confidence: (doc: number) =>
        ((matching.scores[doc] as number) - (matching.largestShare[doc] as number) / 2) / matching.norm,
    };
  }

  /**
   * Every article's ranking score and confidence for a text (0 for an article sharing none of its own
   * words with it), with the text's RANKING_TERMS heaviest terms and their norm: what
   * `npm run manual-profiles` reads of each manual page.
   */
  function scoresOfEveryArticle(input: RelatedInput | string) {
    const scored = scoresOf(input);
    const rankScores = docs.map((_, doc) => scored.rankScore(doc));
    const confidences = docs.map((_, doc) => (scored.matching.sharesOwnWord[doc] ? scored.confidence(doc) : 0));
    return { rankScores, confidences, top: scored.top, norm: scored.norm };
  }

  function related(
    input: RelatedInput | string,
    options: { limit?: number; excludeId?: string } = {},
  ): RelatedResponse {
    const limit = options.limit ?? 5;
    const { discounted, top, norm, matching, rankScore, confidence } = scoresOf(input);
    // Only articles sharing one of their own words with the text are listed.
    const ranked: Array<{ doc: number; rankScore: number; score: number; confidence: number }> = [];
    matching.sharesOwnWord.forEach((shares, doc) => {
      if (shares && (docs[doc] as Article).id !== options.excludeId) {
        ranked.push({
          doc,
          rankScore: rankScore(doc),
          score: (matching.scores[doc] as number) / matching.norm,
          confidence: confidence(doc),
        });
      }
    });
    // Ties fall back to the similarity matched on (`score`), then to catalog order (the document index).
    ranked.sort((a, b) => b.rankScore - a.rankScore || b.score - a.score || a.doc - b.doc);
    // Matching reads the pool of the articles most similar to the whole text, as calibrated.
    const pool = [...ranked].sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, CONFIDENCE_POOL);
    const best = Math.max(0, ...pool.map(({ confidence }) => confidence));
    manual ??= readProfiles(model.docIds, profiles);
    const { centroids, noiseAboveMedian } = manual;
    // What the manuals say of the pool's articles: a noisy article's confidence counts less, and a page
    // like the manual pages on one of them counts more (none without profiles).
    const calibrated = Math.max(
      0,
      ...pool.map(({ doc, confidence }) => confidence - MANUAL_NOISE_WEIGHT * (noiseAboveMedian[doc] as number)),
    );
    const likeness = Math.max(0, ...pool.map(({ doc }) => manualLikeness(top, norm, centroids[doc])));
    const share =
      discounted.length >= MIN_MEASURED_TERMS ? knownShare(discounted, options.excludeId) : ASSUMED_KNOWN_SHARE;
    // A text sharing none of the articles' own words has nothing to list, however known its words.
    const strength =
      pool.length > 0
        ? calibrated +
          KNOWN_SHARE_WEIGHT * share +
          MANUAL_LIKENESS_WEIGHT * Math.max(0, likeness - MANUAL_LIKENESS_FLOOR)
        : 0;
    const results = ranked
      .slice(0, limit)
      .map(({ doc, score, confidence }) => ({ article: docs[doc] as Article, score, confidence }));
    return { matched: strength >= MATCH_THRESHOLD && best >= LOOSELY_RELATED_CONFIDENCE, strength, results };
  }

  /** The precomputed most related articles of a bundled article. */
  function relatedToArticle(articleId: string): Article[] {
    const index = model.docIds.indexOf(articleId);
    return index < 0
      ? []
      : (model.related[index] ?? []).map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
  }

  return { related, relatedToArticle, weighTerms, weighDiscountedTerms, scoresOfEveryArticle };
}

export type RelatedEngine = ReturnType<typeof createRelatedEngine>;
