import {
  americanSpellingOf,
  isStopWord,
  MAX_QUERY_WORDS,
  MIN_PREFIX_LENGTH,
  normalizeText,
  termsOfWord,
  tokenize,
} from '@/lib/search/text';

/**
 * A query's words in order, stop words included: what a text holding the query as written has in a
 * row. A phrase copied or remembered from a saved page ("by an update to the") may have one specific
 * word that a blog article matches as well; holding every word in a row is what tells them apart.
 */
export interface QueryPhrase {
  words: readonly string[];
  /** The last word is still being typed: a word that starts with it completes the phrase. */
  lastIsPrefix: boolean;
  /**
   * By position, the terms a word the search read as a misspelling stands for ("qutlity": "qualiti"):
   * a text word of one of them holds its place, so a phrase remembered with a slip still names its page.
   */
  misread?: ReadonlyArray<readonly string[] | null>;
  /**
   * Where a text does not hold these words in a row, the passage is where it holds these (the longest
   * quoted part of a passage pasted with its quote marks: `misuse the word “literally” just to annoy`,
   * `searchPhrase`); the text does not count as holding the phrase for that (`holdsPhrase`).
   */
  orElse?: QueryPhrase;
}

/** A query word (stop words aside, in order) as written, and the terms it was read as when misspelled. */
export interface MisreadWord {
  surface: string;
  terms: readonly string[] | null;
}

/** Fewer words are a name or a term ("retry storm"), which titles hold as often as pages. */
export const MIN_PHRASE_WORDS = 3;

/**
 * The query as a phrase, if it has enough words. `typing`: its last word may be unfinished, as the
 * search reads it (a word of one letter or a stop word is taken as written: "to the" is not "to them").
 */
export function queryPhrase(
  query: string,
  typing: boolean,
  /** The query's words as the search read them (`misreadWords`): a misspelled one matches what it was read as. */
  readings: readonly MisreadWord[] = [],
): QueryPhrase | null {
  const tokens = tokenize(normalizeText(query));
  // In American spelling, as the text's words are read: "the colour of the" is "the color of the".
  const words = tokens.map((token) => americanSpellingOf(token.surface));
  if (words.length < MIN_PHRASE_WORDS || words.length > MAX_QUERY_WORDS) return null;
  const last = words.at(-1) as string;
  const phrase: QueryPhrase = { words, lastIsPrefix: typing && last.length >= MIN_PREFIX_LENGTH && !isStopWord(last) };
  // The search's words are the phrase's without stop words, in order: each stands at the next token written as it.
  let next = 0;
  const misread = tokens.map(({ surface }) => {
    if (readings[next]?.surface !== surface) return null;
    return readings[next++]?.terms ?? null;
  });
  return misread.some((terms) => terms !== null) ? { ...phrase, misread } : phrase;
}

/**
 * The query's words as written (American spelling), stop words aside: what a snippet would rather
 * find as they are than by their stem alone (`SnippetOptions.written`).
 */
export function writtenWords(query: string): string[] {
  return tokenize(normalizeText(query))
    .map((token) => americanSpellingOf(token.surface))
    .filter((word) => !isStopWord(word));
}

/**
 * Reads a text's words one at a time, in order (normalized, as `tokenize` gives them), each with
 * where it starts: once the words read end with the phrase, it answers where the phrase began.
 */
export function phraseReader(phrase: QueryPhrase): (word: string, start: number) => number | null {
  const { words, lastIsPrefix, misread } = phrase;
  // Whether a text word is what the misspelled query word at a position was read as (stems met often, kept).
  const stems = new Map<string, string>();
  const readAs = (at: number, seen: string) => {
    const terms = misread?.[at];
    if (!terms) return false;
    let stem = stems.get(seen);
    if (stem === undefined) {
      stem = termsOfWord(seen)[0] ?? '';
      stems.set(seen, stem);
    }
    return terms.includes(stem);
  };
  const size = words.length;
  const recent: string[] = new Array(size);
  const starts: number[] = new Array(size);
  let wordsRead = 0;
  let lastAsWritten = '';
  return (word, start) => {
    recent[wordsRead % size] = americanSpellingOf(word);
    starts[wordsRead % size] = start;
    wordsRead++;
    lastAsWritten = word;
    if (wordsRead < size) return null;
    for (let back = 0; back < size; back++) {
      const at = size - 1 - back;
      const wanted = words[at] as string;
      const seen = recent[(wordsRead - 1 - back) % size] as string;
      // A word being typed begins the word as the text writes it, or as American English does.
      const begins = () => seen.startsWith(wanted) || lastAsWritten.startsWith(wanted);
      if ((back === 0 && lastIsPrefix ? !begins() : seen !== wanted) && !readAs(at, seen)) return null;
    }
    return starts[wordsRead % size] as number;
  };
}

/** Whether a short text (a title, a summary) holds the phrase (the whole of it: not its `orElse`). */
export function holdsPhrase(text: string, phrase: QueryPhrase): boolean {
  const readWord = phraseReader(phrase);
  return tokenize(normalizeText(text)).some((token) => readWord(token.surface, token.start) !== null);
}

/**
 * Whether one phrase is the other typed further (or taken back): the same words, the last of the
 * shorter one possibly unfinished. The pages holding one likely hold the other.
 */
export function phrasesAgree(a: QueryPhrase, b: QueryPhrase): boolean {
  const [shorter, longer] = a.words.length <= b.words.length ? [a.words, b.words] : [b.words, a.words];
  const last = shorter.length - 1;
  for (let at = 0; at < last; at++) if (shorter[at] !== longer[at]) return false;
  const [x, y] = [shorter[last] as string, longer[last] as string];
  return x.startsWith(y) || y.startsWith(x);
}
