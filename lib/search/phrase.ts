import { normalizeText, tokenize } from '@/lib/search/text';

/**
 * A query's words in order, stop words included: what a text holding the query as written has in a
 * row. A phrase copied or remembered from a saved page ("by an update to the") may have one specific
 * word that a blog article matches as well; holding every word in a row is what tells them apart.
 */
export interface QueryPhrase {
  words: readonly string[];
  /** The last word is still being typed: a word that starts with it completes the phrase. */
  lastIsPrefix: boolean;
}

/** Fewer words are a name or a term ("retry storm"), which titles hold as often as pages. */
export const MIN_PHRASE_WORDS = 3;

export function queryPhrase(query: string, lastIsPrefix: boolean): QueryPhrase | null {
  const words = tokenize(normalizeText(query)).map((token) => token.surface);
  return words.length >= MIN_PHRASE_WORDS ? { words, lastIsPrefix } : null;
}

/**
 * Reads a text's words one at a time, in order (normalized, as `tokenize` gives them): `push` says
 * whether the words read so far end with the phrase, and where it began.
 */
export function phraseReader(phrase: QueryPhrase): (word: string, start: number) => number | null {
  const { words, lastIsPrefix } = phrase;
  const size = words.length;
  const recent: string[] = new Array(size);
  const starts: number[] = new Array(size);
  let read = 0;
  return (word, start) => {
    recent[read % size] = word;
    starts[read % size] = start;
    read++;
    if (read < size) return null;
    for (let back = 0; back < size; back++) {
      const wanted = words[size - 1 - back] as string;
      const seen = recent[(read - 1 - back) % size] as string;
      if (back === 0 && lastIsPrefix ? !seen.startsWith(wanted) : seen !== wanted) return null;
    }
    return starts[read % size] as number;
  };
}

/** Whether a short text (a title, a summary) holds the phrase. */
export function holdsPhrase(text: string, phrase: QueryPhrase): boolean {
  const read = phraseReader(phrase);
  return tokenize(normalizeText(text)).some((token) => read(token.surface, token.start) !== null);
}
