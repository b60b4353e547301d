import type { Article } from '@/lib/corpus/article';
import { pauseForPage, runInSlices, SLICE_MS, type Steps } from '@/lib/dom/time-slices';
import { comparableAddress } from '@/lib/net/same-page';
import { addressOfQuery } from '@/lib/search/address-query';
import { CONFIDENCE } from '@/lib/search/confidence';
import type { SearchResponse, SearchResult } from '@/lib/search/engine';
import type { LibraryHit, LibraryResponse, MatchReason } from '@/lib/search/library-index';
import { holdsPhrase, type MisreadWord, phrasesAgree, type QueryPhrase, writtenWords } from '@/lib/search/phrase';
import { holdsQuoted, holdsQuotedSteps, quotedPhrases, searchPhrase } from '@/lib/search/quoted';
import type { WordReading } from '@/lib/search/rank';
import type { MatchedTermWeight } from '@/lib/search/score';
import { distinctWords, type Snippet, type UserNote } from '@/lib/search/snippet';
import { spokenWordWorth } from '@/lib/search/spoken-words';
import { suggestionOf } from '@/lib/search/suggest';
import { analyzeField, isStopWord, normalizeText, readQuery, tokenize } from '@/lib/search/text';
import { READER_VIEW_TERMS, type SidePanelView } from '@/lib/side-panel/view-schema';

/** One entry of the one result list: a blog article, or a page the user saved. */
export type SearchHit =
  | {
      kind: 'article';
      key: string;
      article: Article;
      /** What of the user's own about it matched (their tag, note or highlight), when it is saved. */
      reasons: MatchReason[];
      itemId: string | null;
      confidence: number;
    }
  | { kind: 'page'; key: string; page: LibraryHit; confidence: number; snippet?: Snippet };

export interface UnifiedResponse {
  /** Best first; library hits and articles ranked together. */
  hits: SearchHit[];
  /** Whether `hits` are only loosely related (nothing is about the query). */
  loose: boolean;
  matchedTerms: ReadonlySet<string>;
  /**
   * The terms the library matched, which saved pages' snippets and passages look for (`pageTermsOf`):
   * a word a page holds as typed ("Hardawar") that the blog reads as a typo ("hardware") is looked
   * for as typed, not where the page says "hardware".
   */
  pageTerms?: ReadonlySet<string>;
  /** What each of those shows of the query: a page's snippet is the passage with the surest reading of each word. */
  pageTermWeights?: ReadonlyMap<string, MatchedTermWeight>;
  /** How the library read each query word (stop words aside): a misspelled one holds its place in the phrase. */
  pageWordReadings?: ReadonlyArray<WordReading | null>;
  prefix: string | null;
  /** "Did you mean", only when nothing matches at all. */
  suggestion: string | null;
  /**
   * The query as a phrase (`lib/search/phrase.ts`; `withQueryPhrase`): snippets look for it, the list
   * puts what holds it first, and a reader opened before its passage was read looks for it.
   */
  phrase?: QueryPhrase | null;
  /** The query's words as written (`writtenWords`): a snippet would rather find them as they are. */
  written?: readonly string[];
  /**
   * The query's quoted phrases (`lib/search/quoted.ts`), each a requirement: the blog's engine lists
   * only articles holding them; a saved page is listed once its title or its copy, note, highlights
   * or tags are read holding them (`withQuotedHeld`).
   */
  quoted?: readonly QueryPhrase[];
  /**
   * How many words (stop words aside) the query has when it is a question (QUESTION_WORDS or more):
   * a saved page matched by its text alone then waits after the articles for its passage (`withPassagesFirst`).
   */
  questionWords?: number;
}

interface Scored<T> {
  value: T;
  score: number;
  confidence: number;
  /** A blog article's key as its engine listed it, before a saved copy could raise it (`score`). */
  engineKey?: number;
  /** A blog article holding the query's words in its summary only, or a saved page saying them much more (`tiesGoFirst`). */
  inPassing?: boolean;
  saysMore?: boolean;
}

/**
 * A saved page saying a query word this often (`LibraryHit.heldFrequency`: twice in a text of 1,200
 * words besides stop words, or once in its title) says it more than an article whose summary alone
 * mentions it; on equal keys it comes first. Ties otherwise list the article first. QA pass on unseen
 * pages (Debian's manuals): "Dango" of Django's design philosophies, which says "Django" throughout,
 * came second to an article on FastAPI whose summary names Django once; "soket" of a socket tutorial
 * still lists the article on WebSockets first (its title names them).
 */
export const SAYS_MORE_FREQUENCY = 2;

/** The terms an article's title and tags name, analyzed once per article (not at every keystroke's merge). */
const namedTermsByArticle = new WeakMap<Article, readonly string[]>();

/** Whether an article's title or tags hold none of these terms: its summary alone matched them. */
function matchedInPassing(article: Article, terms: ReadonlySet<string>): boolean {
  let named = namedTermsByArticle.get(article);
  if (!named) {
    named = [...analyzeField(article.title), ...analyzeField(article.tags.join(' ').replace(/-/g, ' '))];
    namedTermsByArticle.set(article, named);
  }
  return !named.some((term) => terms.has(term));
}

/** Whether `a` goes before `b` at equal keys: an article first, unless `b` is an article in passing and `a` a page saying more. */
function tiesGoFirst(a: Scored<SearchHit>, b: Scored<SearchHit>): boolean {
  if (a.value.kind === 'page' && b.value.kind === 'article') return a.saysMore === true && b.inPassing === true;
  if (a.value.kind === 'article' && b.value.kind === 'page') return !(b.saysMore === true && a.inPassing === true);
  return false;
}

/**
 * How a result ranks among results of both sources: scores of two indexes are not comparable, so
 * each counts as its share of the best score of its own source; confidence (the share of the
 * query's specific words covered, comparable across sources) weighs first.
 */
function rankKey({ score, confidence }: { score: number; confidence: number }, best: number): number {
  return confidence * (0.5 + 0.5 * (best > 0 ? score / best : 0));
}

/** Whether a word was read as a compound, whole ("node.js", "lwn.net"): not only as its parts. */
function holdsCompound(reading: WordReading): boolean {
  return reading.terms.some((term) => COMPOUND_MARK.test(term));
}

const COMPOUND_MARK = /[+:.#]/;

/**
 * What each source's keys count: where the two indexes read a query word as different words, the one
 * that read it further from what was typed ("emtiting" as the blog's "editing", two edits, where a
 * saved page says "emitting", one) counts half per extra edit, so the closer reading comes first. A
 * word one index read as typed and the other not at all counts the other's half too: a short word the
 * blog does not know weighs nothing in its confidence ("BBC News" listed articles saying "new" above
 * the saved page holding both words), and so does a compound one read whole and the other only in
 * part ("LWN.net": the blog's "net"); a page not holding such a word of the library's counts half
 * too (`pageFactor`: "redis nyc" listed a page on Redis alone above the blog's Redis articles). Both
 * read as the same term whatever spelling each holds
 * ("worflows": the blog's "workflow", a page's "workflows"): nothing changes here.
 */
function sourceFactors(
  articleReadings: ReadonlyArray<WordReading | null> = [],
  pageReadings: ReadonlyArray<WordReading | null> = [],
): SourceFactors {
  let articleExtra = 0;
  let pageExtra = 0;
  const libraryOnly: Array<readonly string[]> = [];
  for (let at = 0; at < Math.min(articleReadings.length, pageReadings.length); at++) {
    const article = articleReadings[at];
    const page = pageReadings[at];
    if (!article && page?.edits === 0) {
      articleExtra++;
      libraryOnly.push(page.terms);
    }
    if (!page && article?.edits === 0) pageExtra++;
    // The same for a compound one index holds whole ("lwn.net") and the other only in part ("net").
    if (article?.edits === 0 && page?.edits === 0 && holdsCompound(page) !== holdsCompound(article)) {
      if (holdsCompound(page)) {
        articleExtra++;
        libraryOnly.push(page.terms.filter((term) => COMPOUND_MARK.test(term)));
      } else pageExtra++;
    }
    if (!article || !page || article.terms.some((term) => page.terms.includes(term))) continue;
    articleExtra += Math.max(0, article.edits - page.edits);
    pageExtra += Math.max(0, page.edits - article.edits);
  }
  return { article: 0.5 ** articleExtra, page: 0.5 ** pageExtra, libraryOnly };
}

/**
 * Whether the blog read every query word it read at all only as another word, each one the library
 * holds as typed: then, when the user's own words hold them (`namedByUser`), the blog's matches are of
 * words nobody asked about (QA pass: a page tagged "taxes" came first, then 17 articles whose titles say
 * "takes"). A query with any word the blog reads as typed, or one the library does not, keeps both; so
 * does one only a saved page's text holds (review: a copy saying "the cahce bug" hid every cache article).
 */
function readsOnlyAsOtherWords(
  articleReadings: ReadonlyArray<WordReading | null> = [],
  pageReadings: ReadonlyArray<WordReading | null> = [],
): boolean {
  let misread = 0;
  for (const [at, article] of articleReadings.entries()) {
    if (!article) continue;
    const page = pageReadings[at];
    if (article.edits === 0 || page?.edits !== 0 || article.terms.some((term) => page.terms.includes(term)))
      return false;
    misread++;
  }
  return misread > 0;
}

/** Whether a saved item matched by words its user chose: a tag, a note, its title (not its copy's text). */
function namedByUser(page: LibraryHit): boolean {
  return page.reasons.some((reason) => reason === 'tag' || reason === 'note' || reason === 'title');
}

interface SourceFactors {
  article: number;
  page: number;
  /** Words only the library read as typed, by their terms: a page that holds none of one counts half as well. */
  libraryOnly: ReadonlyArray<readonly string[]>;
}

/** What a page's key counts: its source's factor, halved for each word only the library read that it does not hold. */
function pageFactor(page: LibraryHit, factors: SourceFactors): number {
  const held = page.heldTerms;
  if (!held) return factors.page;
  const missing = factors.libraryOnly.filter((terms) => !terms.some((term) => held.includes(term))).length;
  return factors.page * 0.5 ** missing;
}

/** From this many words (stop words aside), a query is a question in the user's words, not a name or a phrase. */
const QUESTION_WORDS = 3;

/**
 * A saved page that only its text matched to a question (QUESTION_WORDS) is listed after the blog's
 * articles: a long page holds most words of any question, here and there ("events show up in the
 * wrong order": the SRE book, which says each of them somewhere); so is one whose title shares no more
 * than an everyday word or two with it, or whose site name or byline does (`aboutQuestion`). The
 * user's tags, note and highlights, a title naming the question, a passage holding most of the question (`withPassagesFirst`) and a phrase it holds
 * (`withPhraseFirst`) still put it first. With the 22 shared pages saved, the blog's answers to its own
 * questions were first for 477 of 783, not 638 (top five: 692, not 738); now, of 823, for 671, not
 * 673 (top five: 773, not 775) (`npm run eval`, "questions with all 22 pages saved"). A saved blog article so matched keeps its engine place,
 * and its copy counts this little where the engine did not list it.
 */
const TEXT_ONLY_FOR_QUESTION = 1e-3;

/** How many of those pages the list keeps after the articles, however many articles it lists. */
const KEPT_AFTER = 5;

/** This many words of a question in a page's title name its subject, however everyday. */
const TITLE_WORDS_OF_QUESTION = 3;

/** The user's own words for a page: a question's word in them is no chance. */
const USERS_OWN: ReadonlySet<MatchReason> = new Set(['tag', 'note', 'highlight']);

/**
 * Whether a saved page is about a question beyond its text: the user's tags, note or highlights hold
 * a word of it, or its title three, or one everyday speech seldom uses (worth `commonWorth` or more:
 * "api", "cpu", "node"). One or two everyday words in a title are chance: with 108 unseen real pages
 * saved, "The Spectacular Story Of Metroid, One Of Gaming's Richest Universes" came first for "deleted
 * one test customer and thousands of related rows vanished", "New Zealand" for a question on time
 * zones and "Facebook Is Tracking Me Even Though I'm Not on Facebook" for one on a chatbot, their long
 * texts holding the rest here and there: the blog's answers were first for 622 of 823 questions, not 673.
 */
function aboutQuestion(page: LibraryHit): boolean {
  if (page.reasons.some((reason) => USERS_OWN.has(reason))) return true;
  if (!page.reasons.includes('title')) return false;
  // A hit read without its title's terms: its reasons say.
  if (page.titleTerms === undefined) return true;
  const worth = spokenWordWorth();
  return (
    page.titleTerms.length >= TITLE_WORDS_OF_QUESTION ||
    page.titleTerms.some((term) => (worth.get(term) ?? 1) >= CONFIDENCE.commonWorth)
  );
}

function mergeLists(
  articles: readonly SearchResult[],
  pages: readonly LibraryHit[],
  getArticle: (id: string) => Article | undefined,
  limit: number,
  factors = sourceFactors(),
  question = false,
  articleTerms: ReadonlySet<string> = new Set(),
): SearchHit[] {
  const bestArticle = Math.max(0, ...articles.map((r) => r.score));
  const bestPage = Math.max(0, ...pages.map((p) => p.score));
  const byArticle = new Map<string, Scored<SearchHit & { kind: 'article' }>>();
  for (const result of articles) {
    const key = rankKey(result, bestArticle) * factors.article;
    byArticle.set(result.article.id, {
      value: {
        kind: 'article',
        key: `article:${result.article.id}`,
        article: result.article,
        reasons: [],
        itemId: null,
        confidence: result.confidence,
      },
      score: key,
      confidence: result.confidence,
      engineKey: key,
      inPassing: matchedInPassing(result.article, articleTerms),
    });
  }
  const ranked: Scored<SearchHit>[] = [];
  const afterArticles: Scored<SearchHit>[] = [];
  for (const page of pages) {
    const textOnly = question && !aboutQuestion(page);
    const key = rankKey(page, bestPage) * pageFactor(page, factors);
    const article = page.articleId ? getArticle(page.articleId) : undefined;
    if (!article) {
      (textOnly ? afterArticles : ranked).push({
        value: { kind: 'page', key: page.itemId, page, confidence: page.confidence },
        score: key,
        confidence: page.confidence,
        saysMore: (page.heldFrequency ?? 0) >= SAYS_MORE_FREQUENCY,
      });
      continue;
    }
    // A saved blog article is one result: the article, with what of the user's own matched; or,
    // when the blog's search did not find it, its saved copy's words (ones the summary lacks).
    const known = byArticle.get(article.id);
    const own = page.reasons.filter((reason) => reason === 'tag' || reason === 'note' || reason === 'highlight');
    if (known) {
      known.value.reasons = own;
      known.value.itemId = page.itemId;
      if (!textOnly) known.score = Math.max(known.score, key);
      continue;
    }
    const reasons: MatchReason[] = page.reasons.includes('text') ? [...own, 'text'] : own;
    if (reasons.length > 0) {
      byArticle.set(article.id, {
        value: {
          kind: 'article',
          key: `article:${article.id}`,
          article,
          reasons,
          itemId: page.itemId,
          confidence: page.confidence,
        },
        score: key * (textOnly ? TEXT_ONLY_FOR_QUESTION : 1),
        confidence: page.confidence,
      });
    }
  }
  const inEngineOrder = [...byArticle.values()].filter((entry) => entry.engineKey !== undefined);
  for (const entry of byArticle.values()) if (entry.engineKey !== entry.score) ranked.push(entry);
  // Equal keys: articles first (`tiesGoFirst`), then as each source ranked them (the sort is stable).
  ranked.sort((a, b) => b.score - a.score || (tiesGoFirst(a, b) ? -1 : tiesGoFirst(b, a) ? 1 : 0));
  // Pages found by their text alone for a question come after, a few kept however many articles
  // there are: a phrase they hold still puts one first once its copy is read (`withPhraseFirst`).
  afterArticles.sort((a, b) => b.score - a.score);
  const kept = Math.min(afterArticles.length, KEPT_AFTER, Math.floor(limit / 2));
  const merged = withCrowdedOutPages(inEngineOrderWithRest(inEngineOrder, ranked, limit - kept), ranked, kept);
  return [...merged, ...afterArticles.slice(0, limit - merged.length).map((entry) => entry.value)];
}

/**
 * A full list with the saved pages its articles crowded out at its end, in place of its last entries
 * (KEPT_AFTER pages at most, with the `kept` after it): a page holding the query's words in a row is
 * lifted only from the list, once its copy is read (`withPhraseFirst`). QA pass on unseen pages: "the
 * same database", nine times in SQLite's "Isolation In SQLite", listed another saved page and nineteen
 * of the blog's articles on databases, and not that page.
 */
function withCrowdedOutPages(merged: SearchHit[], ranked: readonly Scored<SearchHit>[], kept: number): SearchHit[] {
  const listed = new Set(merged);
  const pages = ranked.filter((entry) => entry.value.kind === 'page');
  const crowdedOut = pages.filter((entry) => !listed.has(entry.value)).length;
  const room = Math.min(crowdedOut, KEPT_AFTER - kept, Math.floor(merged.length / 2));
  if (room <= 0) return merged;
  const prefix = merged.slice(0, merged.length - room);
  const inPrefix = new Set(prefix);
  const after = pages.filter((entry) => !inPrefix.has(entry.value)).slice(0, room);
  return [...prefix, ...after.map((entry) => entry.value)];
}

/**
 * The blog's articles in their engine's order (it reads more than the share of the query an article
 * covers: fields, word pairs, plain words; on the questions of `npm run eval` its top 5 held the
 * wanted article more often), and the rest by key where their keys rank them: saved pages, articles
 * only the library found, and articles a saved copy ranks higher (a tag, a note), which also keep
 * their engine place when that comes first. Nothing passes an article whose engine key is higher,
 * wherever the engine placed it below a weaker one.
 */
/**
 * What an article in engine order holds the rest back by: its engine key; nothing for one a saved copy
 * raised, which the rest meet by its higher key (and is listed by that key, or at its engine place).
 */
function heldBackBy(entry: Scored<SearchHit>): number {
  return entry.engineKey === entry.score ? entry.engineKey : Number.NEGATIVE_INFINITY;
}

function inEngineOrderWithRest(
  inEngineOrder: readonly Scored<SearchHit>[],
  byKey: readonly Scored<SearchHit>[],
  limit: number,
): SearchHit[] {
  const strongestFrom: number[] = new Array(inEngineOrder.length + 1).fill(Number.NEGATIVE_INFINITY);
  // The same over articles that name the query's words in their title or tags: a page saying more passes the rest at a tie.
  const strongestNamingFrom: number[] = new Array(inEngineOrder.length + 1).fill(Number.NEGATIVE_INFINITY);
  for (let at = inEngineOrder.length - 1; at >= 0; at--) {
    const entry = inEngineOrder[at] as Scored<SearchHit>;
    strongestFrom[at] = Math.max(heldBackBy(entry), strongestFrom[at + 1] as number);
    strongestNamingFrom[at] = Math.max(
      entry.inPassing ? Number.NEGATIVE_INFINITY : heldBackBy(entry),
      strongestNamingFrom[at + 1] as number,
    );
  }
  const merged: SearchHit[] = [];
  const listed = new Set<Scored<SearchHit>>();
  let article = 0;
  let other = 0;
  while (merged.length < limit) {
    while (article < inEngineOrder.length && listed.has(inEngineOrder[article] as Scored<SearchHit>)) article++;
    while (other < byKey.length && listed.has(byKey[other] as Scored<SearchHit>)) other++;
    const next = inEngineOrder[article];
    const rival = byKey[other];
    const passesAtTie = rival?.saysMore === true && (strongestNamingFrom[article] as number) < rival.score;
    const strongest = strongestFrom[article] as number;
    const taken =
      next && (!rival || strongest > rival.score || (strongest === rival.score && !passesAtTie)) ? next : rival;
    if (!taken) break;
    listed.add(taken);
    merged.push(taken.value);
  }
  return merged;
}

/**
 * A query with this many words besides stop words that a saved page holds word for word was taken
 * from that page: what else is listed must cover at least PASTED_PHRASE_SHARE of what the page
 * covers. Each article meets a sentence of sixteen words in three or four everyday ones ("client",
 * "data", "size"), enough to list twenty of them under the page otherwise. A remembered phrase
 * ("528,000 lines of code, but", "by an update to the") is only put first.
 */
export const PASTED_PHRASE_WORDS = 5;
export const PASTED_PHRASE_SHARE = 0.5;

/**
 * The list with what holds the query's words in a row first (saved pages whose copies hold it, as
 * their snippets found; articles whose title or summary does), each part in its order. Scores tie
 * when a saved page and an article both cover a query's few specific words; a phrase from the page
 * ("by an update to the") then names the page. A long phrase a page holds leaves out the weak
 * matches below it (PASTED_PHRASE_WORDS). The same response when nothing holds it.
 */
export function withPhraseFirst(response: UnifiedResponse, snippets: ReadonlyMap<string, Snippet>): UnifiedResponse {
  const phrase = response.phrase;
  if (!phrase || response.loose) return response;
  const copyHolds = (hit: SearchHit) => {
    const copy = savedCopyOf(hit);
    return copy !== null && snippets.get(copy)?.holdsPhrase === true;
  };
  const holds = (hit: SearchHit) =>
    hit.kind === 'page'
      ? holdsPhrase(hit.page.title, phrase) || copyHolds(hit)
      : holdsPhrase(hit.article.title, phrase) || holdsPhrase(hit.article.summary, phrase) || copyHolds(hit);
  const [holding, rest] = splitByPhrase(response.hits, holds);
  const holdingPages = holding.filter((hit) => hit.kind === 'page' || copyHolds(hit));
  if (holdingPages.length === 0 || rest.length === 0) return response;
  if (phrase.words.filter((word) => !isStopWord(word)).length < PASTED_PHRASE_WORDS)
    return { ...response, hits: [...holding, ...rest] };
  const floor = PASTED_PHRASE_SHARE * Math.max(...holdingPages.map((hit) => hit.confidence));
  return { ...response, hits: [...holding, ...rest.filter((hit) => hit.confidence >= floor)] };
}

/** A passage holding this share of a question's words, three at least, is about it (`withPassagesFirst`). */
const PASSAGE_SHARE = 0.75;

/**
 * A question's list once the copies are read: saved pages whose snippet's passage holds most of its
 * words (PASSAGE_SHARE) come first, in their order. Found by their text alone, they waited after the
 * articles (`TEXT_ONLY_FOR_QUESTION`) for this: "drained traffic test deployments" is one passage of
 * the SRE book, "events show up in the wrong order" two of its words here and there.
 */
export function withPassagesFirst(
  response: UnifiedResponse,
  snippets: ReadonlyMap<string, Snippet>,
  /** The question the snippets were made for, when it was typed on since: its share is the one they met. */
  madeFor: Pick<UnifiedResponse, 'questionWords'> = response,
): UnifiedResponse {
  if (!response.questionWords || !madeFor.questionWords || response.loose) return response;
  const needed = Math.max(QUESTION_WORDS, Math.ceil(PASSAGE_SHARE * madeFor.questionWords));
  const terms = pageTermsOf(response);
  const holds = (hit: SearchHit) => {
    const snippet = hit.kind === 'page' ? snippets.get(hit.page.itemId) : undefined;
    return snippet !== undefined && distinctWords(snippet, terms) >= needed;
  };
  const [holding, rest] = splitByPhrase(response.hits, holds);
  return holding.length > 0 ? { ...response, hits: [...holding, ...rest] } : response;
}

/** `items` split into those that hold the phrase and the rest, each part in its order (the popup's list, `query -- library`). */
export function splitByPhrase<T>(items: readonly T[], holds: (item: T) => boolean): [T[], T[]] {
  const holding: T[] = [];
  const rest: T[] = [];
  for (const item of items) (holds(item) ? holding : rest).push(item);
  return [holding, rest];
}

/** Snippets made from the listed pages' copies, with what they were made for. */
export interface MadeSnippets {
  snippets: ReadonlyMap<string, Snippet>;
  /** The saved items whose copy, notes, highlights or tags hold every quoted phrase of the query they were made for. */
  quotedHolders?: ReadonlySet<string>;
  /** The response they were made for (and whose phrase they looked for): the previous one's stay shown until the new ones are made. */
  madeFor: UnifiedResponse | null;
}

const NO_SNIPPETS: ReadonlyMap<string, Snippet> = new Map();

/**
 * The list once the copies are read, and the snippets that may choose where a saved page opens.
 * - Order: a saved page holding the query's words in a row comes first. Until this query's copies
 *   are read, the last ones' order holds while the phrase is typed on (or taken back), so the list
 *   does not flip at each keystroke.
 * - Opening: only snippets made for this very response. Another query's passage (even of a phrase
 *   typed on) would open the reader elsewhere; without one, the reader looks for this query's phrase.
 */
export function withCopiesRead(
  merged: UnifiedResponse,
  made: MadeSnippets,
): { response: UnifiedResponse; openingSnippets: ReadonlyMap<string, Snippet> } {
  const phrase = merged.phrase ?? null;
  const madePhrase = made.madeFor?.phrase ?? null;
  const current = made.madeFor === merged;
  const typedOn = phrase !== null && madePhrase !== null && phrasesAgree(phrase, madePhrase);
  const ordered =
    current || typedOn
      ? withPhraseFirst(withPassagesFirst(merged, made.snippets, made.madeFor ?? merged), made.snippets)
      : merged;
  return {
    response: withQuotedHeld(ordered, current ? made.quotedHolders : undefined),
    openingSnippets: current ? made.snippets : NO_SNIPPETS,
  };
}

/**
 * The list without what does not hold the query's quoted phrases: titles (and articles' summaries and
 * tags) are read here, saved items' copies, notes, highlights and tags by whoever read them (`holders`;
 * until then an item whose own words do not hold them waits, not listed).
 */
export function withQuotedHeld(response: UnifiedResponse, holders: ReadonlySet<string> | undefined): UnifiedResponse {
  const quoted = response.quoted;
  if (!quoted || quoted.length === 0) return response;
  const held = (hit: SearchHit) => {
    const itemId = hit.kind === 'page' ? hit.page.itemId : hit.itemId;
    if (itemId !== null && holders?.has(itemId)) return true;
    // A saved blog article the library found by the user's note holds the phrase only where that does.
    const { title, summary, tags } =
      hit.kind === 'article' ? hit.article : { title: hit.page.title, summary: '', tags: [] };
    return holdsQuoted([title, summary, tags.join(' ')], quoted);
  };
  return response.hits.every(held) ? response : { ...response, hits: response.hits.filter(held) };
}

/** What `getSnippetSources` reads of saved items: their copies, and their notes, highlights and tags. */
interface SnippetSources {
  texts: ReadonlyMap<string, string>;
  notes: ReadonlyMap<string, readonly UserNote[]>;
}

const quotedSourcesOf = ({ texts, notes }: SnippetSources, id: string) => [
  texts.get(id) ?? '',
  ...(notes.get(id) ?? []).flatMap(({ note, quote }) => [note, quote ?? '']),
];

/** How many items' copies `readQuotedHolders` reads at once. */
const QUOTED_READ_BATCH = 40;

/**
 * The saved items whose copy, notes, highlights or tags (as `getSnippetSources` reads them) hold every
 * quoted phrase, for any number of items (the reading list's search finds every item it can; the
 * popup's lists twenty): read QUOTED_READ_BATCH at a time, and looked through in slices with pauses
 * between, inside a copy too (red-team pass: every item found was read at once and looked through in
 * one go, holding the page). Null once `signal` is aborted.
 */
export async function readQuotedHolders(
  ids: readonly string[],
  quoted: readonly QueryPhrase[],
  read: (ids: readonly string[]) => Promise<SnippetSources>,
  { signal, pause = pauseForPage }: { signal?: AbortSignal; pause?: () => Promise<void> } = {},
): Promise<Set<string> | null> {
  const holders = new Set<string>();
  for (let at = 0; at < ids.length; at += QUOTED_READ_BATCH) {
    const batch = ids.slice(at, at + QUOTED_READ_BATCH);
    const sources = await read(batch);
    function* steps(): Steps<void> {
      for (const id of batch) {
        if (yield* holdsQuotedSteps(quotedSourcesOf(sources, id), quoted)) holders.add(id);
        yield;
      }
    }
    await runInSlices(steps(), { pause, signal, sliceMs: SLICE_MS });
    if (signal?.aborted) return null;
  }
  return signal?.aborted ? null : holders;
}

/**
 * The merged list with its query read as a phrase (the last word unfinished while the query is typed).
 * A query with quoted phrases looks for the longest of them, and has no "Did you mean": a phrase in
 * quotes is meant as written. When it has words outside them too, the whole query is looked for
 * first, quote marks aside: a passage pasted with its quotation (`misuse the word “literally” just to
 * annoy`) opened the page at the first "literally" (QA pass).
 */
export function withQueryPhrase(merged: UnifiedResponse, query: string): UnifiedResponse {
  const quoted = quotedPhrases(query);
  const phrase = searchPhrase(query, merged.prefix !== null, misreadWords(query, merged.pageWordReadings), quoted);
  return { ...merged, phrase, written: writtenWords(query), ...(quoted.length > 0 && { quoted, suggestion: null }) };
}

/**
 * The query's words (stop words aside) with the terms each misspelled one was read as in saved pages
 * (QA pass: "requests are about tice", "the qutlity of the" found no page holding the phrase, and a
 * page saying "quality" more often but not in that phrase came first).
 */
export function misreadWords(query: string, readings: ReadonlyArray<WordReading | null> = []): MisreadWord[] {
  return readQuery(query).words.map(({ surface }, at) => {
    const reading = readings[at];
    return { surface, terms: reading && reading.edits > 0 ? reading.terms : null };
  });
}

/** A hit's title, whichever source it comes from. */
function titleOf(hit: SearchHit): string {
  return hit.kind === 'article' ? hit.article.title : hit.page.title;
}

/** A text's words as search reads them, joined: case, accents and punctuation aside. */
function wordsOf(text: string): string {
  return tokenize(normalizeText(text))
    .map((token) => token.surface)
    .join(' ');
}

/**
 * The list with what is titled exactly as the query first ("RTL test" names the saved page "RTL
 * Test"), or saved at the address the query is: both sources' best results tie in `mergeSearch`,
 * and an article came first. The same response when no title or address is the query.
 */
export function withExactTitleFirst(response: UnifiedResponse, query: string): UnifiedResponse {
  const words = wordsOf(query);
  if (!words) return response;
  const address = addressOfQuery(query);
  const urlOf = (hit: SearchHit) => (hit.kind === 'page' ? hit.page.url : hit.article.url);
  const isExact = (hit: SearchHit) => {
    if (wordsOf(titleOf(hit)) === words) return true;
    const url = address === null ? null : urlOf(hit);
    return url !== null && comparableAddress(url) === address;
  };
  const [titled, rest] = splitByPhrase(response.hits, isExact);
  if (titled.length === 0 || response.hits[0] === titled[0]) return response;
  return { ...response, hits: [...titled, ...rest] };
}

/** The library's answer before it can be searched (or when it is left out): nothing. */
export const NO_LIBRARY_RESPONSE: LibraryResponse = { results: [], loose: [], matchedTerms: new Set(), prefix: null };

/** The bundled articles' and the library's answers to one query, as one list. */
export function mergeSearch(
  bundled: SearchResponse,
  library: LibraryResponse,
  getArticle: (id: string) => Article | undefined,
  limit = 20,
): UnifiedResponse {
  const matchedTerms = new Set([...bundled.matchedTerms, ...library.matchedTerms]);
  const pageTerms = library.matchedTerms;
  const pageTermWeights = library.termWeights;
  const pageWordReadings = library.wordReadings;
  const prefix = bundled.prefix ?? library.prefix;
  const factors = sourceFactors(bundled.wordReadings, library.wordReadings);
  const words = Math.max(bundled.wordReadings?.length ?? 0, library.wordReadings?.length ?? 0);
  const questionWords = words >= QUESTION_WORDS ? words : undefined;
  const blogMisreads =
    library.results.some(namedByUser) && readsOnlyAsOtherWords(bundled.wordReadings, library.wordReadings);
  const merged = (articles: readonly SearchResult[], pages: readonly LibraryHit[], question: boolean) =>
    mergeLists(blogMisreads ? [] : articles, pages, getArticle, limit, factors, question, bundled.matchedTerms);
  const hits = merged(bundled.results, library.results, questionWords !== undefined);
  if (hits.length > 0)
    return {
      hits,
      loose: false,
      matchedTerms,
      pageTerms,
      pageTermWeights,
      pageWordReadings,
      prefix,
      suggestion: null,
      questionWords,
    };
  // Only loosely related, nothing is about the question: the pages rank with the articles, as their
  // keys say (no passage will lift them: `withPassagesFirst` leaves a loose list alone).
  const loose = merged(bundled.loose, library.loose, false);
  return {
    hits: loose,
    loose: loose.length > 0,
    matchedTerms,
    pageTerms,
    pageTermWeights,
    pageWordReadings,
    prefix,
    suggestion: loose.length > 0 ? null : suggestionOverBoth(bundled, library),
  };
}

/**
 * "Did you mean" over the blog's words and the user's: a word either knows stays as typed ("sudan" in
 * a saved page is not "sudden"), and a word neither knows takes the closest either holds.
 */
function suggestionOverBoth(bundled: SearchResponse, library: LibraryResponse): string | null {
  if (!bundled.spelling || !library.spelling) return bundled.suggestion;
  return suggestionOf([bundled.spelling, library.spelling]);
}

const REASON_NAMES: Record<MatchReason, string> = {
  title: 'title',
  site: 'site',
  author: 'author',
  tag: 'your tag',
  note: 'your note',
  highlight: 'your highlight',
  text: 'saved text',
};

/** Why a hit matched, as its line says: "Matched your tag and your note"; '' for an article's own words. */
export function describeMatchReasons(hit: SearchHit): string {
  return describeReasons(reasonsOf(hit));
}

/** Reasons as a line: "Matched your tag and your note"; '' for none. */
export function describeReasons(reasons: readonly MatchReason[]): string {
  if (reasons.length === 0) return '';
  const names = reasons.map((reason) => REASON_NAMES[reason]);
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Matched ${listed}`;
}

/**
 * The saved copy a hit opens in the reader, at the passage that matched: a saved page's, or a saved
 * blog article's found only in its copy ("Matched saved text": the words are in the copy, not in what
 * the blog says of it). Null for an article the blog's own words found, which opens as an article.
 */
export function savedCopyOf(hit: SearchHit): string | null {
  if (hit.kind === 'page') return hit.page.itemId;
  return hit.itemId !== null && hit.reasons.includes('text') ? hit.itemId : null;
}

/** Why a hit matched, whichever source it comes from. */
export function reasonsOf(hit: SearchHit): readonly MatchReason[] {
  return hit.kind === 'page' ? hit.page.reasons : hit.reasons;
}

/**
 * The saved item a hit's row takes its snippet from: the copy it opens (`savedCopyOf`), or a saved
 * blog article's own words when the user's note or a highlight matched. The blog's summary holds
 * none of the words a user searches their note by; the article still opens as an article.
 */
export function snippetSourceOf(hit: SearchHit): string | null {
  const copy = savedCopyOf(hit);
  if (copy !== null || hit.kind === 'page' || hit.itemId === null) return copy;
  return hit.reasons.some((reason) => reason === 'note' || reason === 'highlight') ? hit.itemId : null;
}

/**
 * The reader's view of a saved copy a search found (`savedCopyOf`): at the passage its snippet shows;
 * when the snippet has not been read yet (Enter pressed at once), with the search's matched terms,
 * for the reader to find it.
 */
export function readerViewOf(
  itemId: string,
  snippets: ReadonlyMap<string, Snippet>,
  response: Pick<UnifiedResponse, 'matchedTerms' | 'pageTerms' | 'pageTermWeights' | 'prefix' | 'phrase' | 'written'>,
  /** Why the result matched: found by the user's note, not by the copy or a highlight, the reader opens at the note. */
  reasons: readonly MatchReason[] = [],
): ReaderView {
  const { prefix, phrase } = response;
  const passage = snippets.get(itemId)?.passage;
  if (passage) return { kind: 'reader', itemId, passage };
  // Found by the note, the copy's words and highlights aside (a highlight is in the copy: opened there).
  if (reasons.includes('note') && !reasons.includes('text') && !reasons.includes('highlight'))
    return { kind: 'reader', itemId, at: 'note' };
  const { count, length } = READER_VIEW_TERMS;
  // The surest readings of the query's words first: those the view keeps.
  const weightOf = (term: string) => response.pageTermWeights?.get(term)?.weight ?? 0;
  const terms = [...pageTermsOf(response)]
    .filter((term) => term.length <= length)
    .sort((a, b) => weightOf(b) - weightOf(a))
    .slice(0, count);
  const view: ReaderView = { kind: 'reader', itemId };
  if (terms.length > 0 || prefix) view.terms = terms;
  if (prefix && prefix.length <= length) view.prefix = prefix;
  const carried = (shown: QueryPhrase) =>
    shown.words.length <= count && shown.words.every((word) => word.length <= length);
  if (phrase && carried(phrase)) {
    view.phrase = { words: [...phrase.words], lastIsPrefix: phrase.lastIsPrefix };
    if (phrase.orElse && carried(phrase.orElse))
      view.phrase.orElse = { words: [...phrase.orElse.words], lastIsPrefix: phrase.orElse.lastIsPrefix };
  }
  const written = response.written?.filter((word) => word.length <= length).slice(0, count);
  if (written && written.length > 0) view.written = written;
  return view;
}

type ReaderView = Extract<SidePanelView, { kind: 'reader' }>;

/** What saved pages' snippets and passages look for: the library's terms (all matched terms when not told apart). */
export function pageTermsOf({ matchedTerms, pageTerms }: Pick<UnifiedResponse, 'matchedTerms' | 'pageTerms'>) {
  return pageTerms ?? matchedTerms;
}
