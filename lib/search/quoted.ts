import { runToEnd, type Steps } from '@/lib/dom/time-slices';
import { type MisreadWord, phraseReader, type QueryPhrase, queryPhrase } from '@/lib/search/phrase';
import { isQuoteMark } from '@/lib/search/shown-line';
import { americanSpellingOf, MAX_QUERY_WORDS, normalizeText, sliceEnd, tokenize } from '@/lib/search/text';

/**
 * What stands before a quote mark that closes a quotation, or is an inch mark, rather than opening
 * one: a word (`pittance”`, `27"`), the punctuation that ends one (`pittance,”`, `literally.”`), a
 * closing bracket or an apostrophe. Anything else may stand before an opening mark: nothing, a space,
 * an opening bracket, a dash, `title:"…"`.
 */
const BEFORE_CLOSING = /[\p{L}\p{N}\p{M},.;!?)\]}'’…%]/u;

/**
 * The quoted runs of a query ("standalone mode", “standalone mode”): as in every search box, exact
 * phrases each result must hold (QA pass: the SRE book's "failure modes" answered "standalone mode"
 * in quotes). A quote left open while typing is read as closed at the query's end. A quote mark
 * right after a word (`pittance,” Forte said`, `27" screen`) closes a quotation the query began
 * before it, or is an inch mark: it opens none (QA pass: a passage pasted from a news story read
 * `” Forte said` as a quoted phrase, and the page opened at the first "Forte said"). French
 * guillemets may have a space inside: « mot ».
 */
function quotedRuns(query: string): string[] {
  const runs: string[] = [];
  for (let at = 0; at < query.length; at++) {
    const mark = query[at] as string;
    if (!isQuoteMark(mark)) continue;
    if (at > 0 && BEFORE_CLOSING.test(query[at - 1] as string)) continue;
    let end = at + 1;
    while (end < query.length && !isQuoteMark(query[end])) end++;
    // A mark standing alone between spaces, never closed, quotes nothing (« mot » and " a b" are closed).
    if (end === query.length && /\s/.test(query[at + 1] ?? '')) continue;
    runs.push(query.slice(at + 1, end));
    at = end;
  }
  return runs;
}

/**
 * The query's quoted phrases, each as `holdsPhrase` reads it: every word as written (a single word
 * too), none of them unfinished or read as a misspelling. Empty when nothing is quoted.
 */
export function quotedPhrases(query: string): QueryPhrase[] {
  const phrases: QueryPhrase[] = [];
  const seen = new Set<string>();
  // No more words than a query has (MAX_QUERY_WORDS) in all: each phrase is looked for in every copy
  // listed (red-team pass: 250 quoted words held the popup for some 45 s per 3 MB copy).
  let wordsLeft = MAX_QUERY_WORDS;
  for (const run of quotedRuns(query)) {
    const words = tokenize(normalizeText(run)).map((token) => americanSpellingOf(token.surface));
    const key = words.join(' ');
    if (words.length === 0 || words.length > wordsLeft || seen.has(key)) continue;
    seen.add(key);
    wordsLeft -= words.length;
    phrases.push({ words, lastIsPrefix: false });
  }
  return phrases;
}

/**
 * The phrase snippets look for and a reader opened at once finds (`QueryPhrase`): the query's words in
 * a row. With quoted phrases, the longest of them; when the query has words outside them too, the
 * whole query first, quote marks aside, then that phrase (QA pass: a passage pasted with its quotation,
 * `misuse the word “literally” just to annoy`, opened the page at its first "literally").
 */
export function searchPhrase(
  query: string,
  typing: boolean,
  readings: readonly MisreadWord[] = [],
  /** The query's quoted phrases, when the caller has them already (`quotedPhrases`). */
  quoted: readonly QueryPhrase[] = quotedPhrases(query),
): QueryPhrase | null {
  const phrase = queryPhrase(query, typing, readings);
  if (quoted.length === 0) return phrase;
  const longest = quoted.reduce((a, b) => (b.words.length > a.words.length ? b : a));
  return phrase && phrase.words.length > longest.words.length ? { ...phrase, orElse: longest } : longest;
}

/** Characters of a text read between looks at the clock (`holdsQuotedSteps`). */
const QUOTED_SLICE = 4_000;

/**
 * Whether every quoted phrase is held by one of these texts (a title, a summary, the tags, a copy, a
 * note). Each text is read once for all the phrases (a copy may be megabytes).
 */
export function holdsQuoted(texts: readonly string[], phrases: readonly QueryPhrase[]): boolean {
  return runToEnd(holdsQuotedSteps(texts, phrases));
}

/**
 * `holdsQuoted` as steps: it yields between slices of each text, so that a page looking through
 * copies of megabytes can pause inside one (red-team pass: one 3 MB copy held the page ~0.3 s).
 */
export function* holdsQuotedSteps(
  texts: readonly string[],
  phrases: readonly QueryPhrase[],
  slice = QUOTED_SLICE,
): Steps<boolean> {
  const left = new Set(phrases);
  for (const text of texts) {
    if (text === '' || left.size === 0) continue;
    const readers = [...left].map((phrase) => ({ phrase, read: phraseReader(phrase) }));
    for (let from = 0; from < text.length; ) {
      const to = sliceEnd(text, from, slice);
      for (const token of tokenize(normalizeText(text.slice(from, to)))) {
        for (const { phrase, read } of readers)
          if (left.has(phrase) && read(token.surface, from + token.start) !== null) left.delete(phrase);
        if (left.size === 0) return true;
      }
      from = to;
      if (from < text.length) yield;
    }
  }
  return left.size === 0;
}
