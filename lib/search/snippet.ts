import { runInSlices, runToEnd, type SliceOptions, type Steps } from '@/lib/dom/time-slices';
import { getHighlightRanges, type HighlightRange } from '@/lib/search/highlight';
import { phraseReader, type QueryPhrase } from '@/lib/search/phrase';
import type { MatchedTermWeight } from '@/lib/search/score';
import { shownLine } from '@/lib/search/shown-line';
import {
  americanSpellingOf,
  completesPrefix,
  isInsideCluster,
  matchedHyphenatedWords,
  normalizeText,
  normalizeTextWithOffsets,
  sliceEnd,
  termsOfWord,
  tokenize,
} from '@/lib/search/text';

export interface Snippet {
  /** A passage of the text, with "…" where it was cut. */
  text: string;
  /** The matched words in `text`. */
  ranges: HighlightRange[];
  /**
   * The passage's words as they stand in the text (without "…"): what the reader looks for to open
   * there; '' for the page's own note, which is nowhere in its copy.
   */
  passage: string;
  /**
   * The text holds the query's words in a row (`SnippetOptions.phrase`, the whole of it); the snippet
   * then shows where. A snippet at the phrase's `orElse` does not hold it.
   */
  holdsPhrase?: true;
}

const WIDTH = 180;

/**
 * Characters read between looks at the clock. A saved copy may hold a million characters, some of
 * which fold into eighteen (U+FDFA): read whole, one snippet would hold the page for seconds; read in
 * slices, input and paints get their turn every few milliseconds, and a stale search stops.
 */
export const SNIPPET_SLICE = 4_000;

/** How far a cut moves to keep a character whole: a hostile page may stack thousands of marks on one letter. */
const MAX_CLUSTER_STEP = 32;

interface Hit {
  start: number;
  key: string;
  /** The text writes it as the query does (`SnippetOptions.written`), not merely with its stem. */
  asWritten: boolean;
}

export interface SnippetOptions {
  /** The query as a phrase: where the text holds it in a row, that passage is the snippet. */
  phrase?: QueryPhrase | null;
  /**
   * What each matched term shows of the query (the search's `termWeights`): a passage is worth, for each
   * query word, its surest term there. Without them, each different term counts one.
   */
  weights?: ReadonlyMap<string, MatchedTermWeight>;
  /**
   * The query's words as written (`writtenWords`): of passages worth the same, the one holding more of
   * them as written is the snippet (QA pass: "regionalism" showed a table of "regions" and "regional",
   * its stem's, and the reader opened there, far from the one place the page says "regionalism").
   */
  written?: readonly string[];
  width?: number;
  slice?: number;
}

/**
 * The passage of a long text that holds the query's words in a row or, failing that, shows the most
 * of its matched words (different words first, then how many), cut at word boundaries, with the
 * words highlighted. Null when no word matches.
 */
export function makeSnippet(
  text: string,
  matchedTerms: ReadonlySet<string>,
  prefix: string | null,
  { phrase = null, weights, written = [], width = WIDTH, slice = SNIPPET_SLICE }: SnippetOptions = {},
): Snippet | null {
  const scan = runToEnd(scanText(text, matchedTerms, prefix, { phrase, written }, slice));
  return snippetOf(text, scan, matchedTerms, prefix, width, weights);
}

export interface SnippetSliceOptions extends SnippetOptions, Pick<SliceOptions, 'pause' | 'sliceMs'> {
  /** Stops reading at the next pause (the result is then null): the search it was for is stale. */
  signal?: AbortSignal;
}

/** `makeSnippet`, pausing every few milliseconds while it reads a long text. */
export async function makeSnippetBetweenTasks(
  text: string,
  matchedTerms: ReadonlySet<string>,
  prefix: string | null,
  options: SnippetSliceOptions = {},
): Promise<Snippet | null> {
  const made = await makeSnippetsBetweenTasks(new Map([['', text]]), matchedTerms, prefix, options);
  return made?.get('') ?? null;
}

/**
 * Snippets of several texts (by id; those with no matched word have none), read on one clock: a
 * pause once 8 ms have passed, whether in one long copy or across twenty short ones. Null when stopped.
 */
export async function makeSnippetsBetweenTasks(
  texts: ReadonlyMap<string, string>,
  matchedTerms: ReadonlySet<string>,
  prefix: string | null,
  {
    signal,
    pause,
    sliceMs,
    phrase = null,
    weights,
    written = [],
    width = WIDTH,
    slice = SNIPPET_SLICE,
  }: SnippetSliceOptions = {},
): Promise<Map<string, Snippet> | null> {
  function* steps(): Steps<Map<string, Snippet>> {
    const made = new Map<string, Snippet>();
    let left = texts.size;
    for (const [id, text] of texts) {
      const scan = yield* scanText(text, matchedTerms, prefix, { phrase, written }, slice);
      const snippet = snippetOf(text, scan, matchedTerms, prefix, width, weights);
      if (snippet) made.set(id, snippet);
      if (--left > 0) yield;
    }
    return made;
  }
  return runInSlices(steps(), { pause, sliceMs, signal });
}

interface Scan {
  hits: Hit[];
  /** Where the phrase first stands in the text, if it does (else its `orElse`). */
  phraseAt: number | null;
  /** Whether that is the whole phrase. */
  wholePhrase: boolean;
}

/** Where the query's words (and its phrase) stand in `text`, read a slice at a time (it yields between slices). */
function* scanText(
  text: string,
  matchedTerms: ReadonlySet<string>,
  prefix: string | null,
  { phrase, written }: { phrase: QueryPhrase | null; written: readonly string[] },
  slice: number,
): Steps<Scan> {
  const hits: Hit[] = [];
  const asWritten = new Set(written);
  const readPhrase = phrase ? phraseReader(phrase) : null;
  let phraseAt: number | null = null;
  // Where the phrase's fallback first stands: the passage only if the whole phrase stands nowhere.
  const readOrElse = phrase?.orElse ? phraseReader(phrase.orElse) : null;
  let orElseAt: number | null = null;
  for (let from = 0; from < text.length; ) {
    const to = sliceEnd(text, from, slice);
    // Words are found in the normalized text; `starts` is where each stands in the slice.
    const { normalized, starts } = normalizeTextWithOffsets(text.slice(from, to));
    const sliceHits: Hit[] = [];
    for (const token of tokenize(normalized)) {
      const start = from + (starts[token.start] as number);
      if (readPhrase && phraseAt === null) phraseAt = readPhrase(token.surface, start);
      if (readOrElse && orElseAt === null) orElseAt = readOrElse(token.surface, start);
      const term = termsOfWord(token.surface).find((candidate) => matchedTerms.has(candidate));
      if (term) sliceHits.push({ start, key: term, asWritten: asWritten.has(americanSpellingOf(token.surface)) });
      else if (completesPrefix(token.surface, prefix)) sliceHits.push({ start, key: prefix, asWritten: false });
    }
    // A hyphenated word the query wrote joined ("wifi": "Wi-Fi"), as the index holds it.
    const hyphenated = matchedHyphenatedWords(normalized, matchedTerms);
    for (const word of hyphenated)
      sliceHits.push({ start: from + (starts[word.start] as number), key: word.term, asWritten: false });
    if (hyphenated.length > 0) sliceHits.sort((a, b) => a.start - b.start);
    hits.push(...sliceHits);
    from = to;
    if (from < text.length) yield;
  }
  return { hits, phraseAt: phraseAt ?? orElseAt, wholePhrase: phraseAt !== null };
}

function snippetOf(
  text: string,
  { hits, phraseAt, wholePhrase }: Scan,
  matchedTerms: ReadonlySet<string>,
  prefix: string | null,
  width: number,
  weights?: ReadonlyMap<string, MatchedTermWeight>,
): Snippet | null {
  if (hits.length === 0) return null;
  if (phraseAt !== null) {
    const snippet = cut(text, Math.max(0, phraseAt - Math.round(width * 0.2)), width, matchedTerms, prefix);
    return wholePhrase ? { ...snippet, holdsPhrase: true } : snippet;
  }
  let best = { from: 0, worth: 0, written: 0, count: 0 };
  let from = 0;
  let writtenInWindow = 0;
  const inWindow = new Map<string, number>();
  const worthOf = windowWorth(weights);
  for (let to = 0; to < hits.length; to++) {
    const hit = hits[to] as Hit;
    inWindow.set(hit.key, (inWindow.get(hit.key) ?? 0) + 1);
    if (hit.asWritten) writtenInWindow++;
    while (hit.start - (hits[from] as Hit).start > width * 0.7) {
      const key = (hits[from] as Hit).key;
      if ((hits[from] as Hit).asWritten) writtenInWindow--;
      const left = (inWindow.get(key) ?? 1) - 1;
      if (left === 0) inWindow.delete(key);
      else inWindow.set(key, left);
      from++;
    }
    const count = to - from + 1;
    const worth = worthOf(inWindow);
    const better =
      worth > best.worth ||
      (worth === best.worth &&
        (writtenInWindow > best.written || (writtenInWindow === best.written && count > best.count)));
    if (better) best = { from, worth, written: writtenInWindow, count };
  }
  const first = (hits[best.from] as Hit).start;
  return cut(text, Math.max(0, first - Math.round(width * 0.2)), width, matchedTerms, prefix);
}

/**
 * What the terms in a passage show of the query: for each query word, the weight of its surest term
 * there (a term the weights do not know, the unfinished word's completion, a word of its own worth 1).
 * Without weights, how many different terms.
 */
function windowWorth(weights: ReadonlyMap<string, MatchedTermWeight> | undefined) {
  if (!weights) return (inWindow: ReadonlyMap<string, number>) => inWindow.size;
  // One map for every window of a scan: it runs once per matched word of a copy.
  const byWord = new Map<number | string, number>();
  return (inWindow: ReadonlyMap<string, number>): number => {
    byWord.clear();
    for (const key of inWindow.keys()) {
      const known = weights.get(key);
      const word = known ? known.word : key;
      byWord.set(word, Math.max(byWord.get(word) ?? 0, known ? known.weight : 1));
    }
    let worth = 0;
    for (const weight of byWord.values()) worth += weight;
    return worth;
  };
}

/**
 * How far a cut moves to fall between words: Chinese and Japanese run on without spaces (so may a long
 * address), and a passage must stay short (the reader's view takes 400 characters).
 */
const WORD_REACH = 24;

function cut(text: string, around: number, width: number, matchedTerms: ReadonlySet<string>, prefix: string | null) {
  let start = around;
  while (start > 0 && around - start < WORD_REACH && /\S/.test(text[start - 1] as string)) start--;
  if (start > 0 && /\S/.test(text[start - 1] as string)) start = around;
  // Not between a letter and its accent, nor inside an emoji (a run of marks is cut after a few).
  for (let step = 0; step < MAX_CLUSTER_STEP && isInsideCluster(text, start); step++) start--;
  let end = Math.min(text.length, start + width);
  const endAtWidth = end;
  while (end < text.length && end - endAtWidth < WORD_REACH && /\S/.test(text[end] as string)) end++;
  if (end < text.length && /\S/.test(text[end] as string)) end = endAtWidth;
  for (let step = 0; step < MAX_CLUSTER_STEP && isInsideCluster(text, end); step++) end++;
  const passage = text.slice(start, end).replace(/\s+/g, ' ').trim();
  // `passage` keeps every character: the reader looks for it in the copy as written.
  const shown = `${start > 0 ? '…' : ''}${shownLine(passage)}${end < text.length ? '…' : ''}`;
  return { text: shown, ranges: getHighlightRanges(shown, matchedTerms, prefix), passage };
}

/** A note of the user's on a saved page: a highlight's, on the words of the copy it quotes, or the page's own (no quote). */
export interface UserNote {
  note: string;
  quote?: string;
  /** The item's tags as a line ("Tags: …"): shown only when they show more of the query than the copy. */
  tags?: true;
}

/** A highlighted quote as a passage the reader can look for: its first words, within the reader view's 400 characters. */
const QUOTE_PASSAGE_LENGTH = 300;

/**
 * The snippets with, for a page whose note holds more of the query than its copy's snippet (a phrase
 * first, then different words), that note as its snippet: a highlight's opens the reader at the
 * highlighted words (a hit on a note opened it at the last reading position, its row showing words
 * that held less of the query); the page's own note at no passage (it is not in the copy).
 */
export function withNoteSnippets(
  snippets: ReadonlyMap<string, Snippet>,
  notes: ReadonlyMap<string, readonly UserNote[]>,
  matchedTerms: ReadonlySet<string>,
  prefix: string | null,
  options: Pick<SnippetOptions, 'phrase' | 'weights' | 'written'> = {},
): Map<string, Snippet> {
  const made = new Map(snippets);
  for (const [id, highlights] of notes) {
    const copy = made.get(id) ?? null;
    let best = copy;
    let fromNote = false;
    for (const { quote, note, tags } of highlights) {
      const snippet = makeSnippet(note, matchedTerms, prefix, options);
      // A note showing all the copy's passage shows is the snippet too: the row says the note matched
      // (QA pass: "Matched your note" above a passage of the copy, both saying "surveillance"). Not the
      // tags' line: the copy's passage says more, and opens the reader there (review).
      const coversCopy =
        !tags && best === copy && copy !== null && snippet !== null && showsAllOf(snippet, copy, matchedTerms);
      if (snippet && (!best || outweighs(snippet, best, matchedTerms) || coversCopy)) {
        best = { ...snippet, passage: quote ? quotePassage(quote) : '' };
        fromNote = true;
      }
    }
    if (best && fromNote) made.set(id, best);
  }
  return made;
}

/** Whether a snippet shows more of the query than another: the phrase first, then more different words. */
function outweighs(snippet: Snippet, other: Snippet, matchedTerms: ReadonlySet<string>): boolean {
  if (Boolean(snippet.holdsPhrase) !== Boolean(other.holdsPhrase)) return Boolean(snippet.holdsPhrase);
  return distinctWords(snippet, matchedTerms) > distinctWords(other, matchedTerms);
}

/**
 * How many different words a snippet marks (a range may hold several: "embargo history" is one), each
 * counted by the matched term it holds when `matchedTerms` are given: "add.wasm" and "Wasm" are one
 * word of the query, not two (QA pass: a copy's passage saying both outweighed the tag "wasm-stuff").
 */
export function distinctWords(snippet: Snippet, matchedTerms?: ReadonlySet<string>): number {
  return markedWords(snippet, matchedTerms).size;
}

/** Whether a snippet marks every word another does, and holds the phrase if that one does. */
function showsAllOf(snippet: Snippet, other: Snippet, matchedTerms: ReadonlySet<string>): boolean {
  if (other.holdsPhrase && !snippet.holdsPhrase) return false;
  const words = markedWords(snippet, matchedTerms);
  return [...markedWords(other, matchedTerms)].every((word) => words.has(word));
}

/** The different words a snippet marks, each as the matched term it holds (see `distinctWords`). */
function markedWords({ text, ranges }: Snippet, matchedTerms?: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  for (const { start, end } of ranges)
    for (const token of tokenize(normalizeText(text.slice(start, end)))) {
      const terms = termsOfWord(token.surface);
      words.add(terms.find((term) => matchedTerms?.has(term)) ?? terms[0] ?? token.surface);
    }
  return words;
}

function quotePassage(quote: string): string {
  const words = quote.replace(/\s+/g, ' ').trim();
  if (words.length <= QUOTE_PASSAGE_LENGTH) return words;
  const space = words.lastIndexOf(' ', QUOTE_PASSAGE_LENGTH);
  let cutAt = space > 0 ? space : QUOTE_PASSAGE_LENGTH;
  // Not between a letter and its accent, nor inside an emoji (a run of marks is cut after a few).
  for (let step = 0; step < MAX_CLUSTER_STEP && isInsideCluster(words, cutAt); step++) cutAt--;
  return words.slice(0, cutAt);
}
