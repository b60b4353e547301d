import { stemmer } from 'stemmer';
import { STOP_WORDS } from '@/lib/search/stop-words';

/** Lowercase, accents folded, typographic quotes and dashes made plain. */
export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[‘’`´]/g, "'")
      .replace(/[‐‑]/g, '-')
      // Dashes between words ("databases—and") separate; they do not join like hyphens.
      .replace(/[‒–—―]/g, ' ')
  );
}

/**
 * A word as written plus where it sits. Words keep inner `+ : . #` ("n+1", "node:test", "node.js",
 * "c#") so such names stay findable; hyphens separate words ("split-brain" = "split brain").
 */
export interface Token {
  surface: string;
  start: number;
  end: number;
}

const WORD = /[a-z0-9]+(?:[+:.#][a-z0-9]+)*[+#]*/g;
const HYPHENATED = /[a-z0-9]+(?:-[a-z0-9]+)+/g;

/** Tokens of already-normalized text (offsets index into that text). */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalized.matchAll(WORD)) {
    tokens.push({ surface: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * The index terms a surface word stands for: its stem, and for compounds ("node:test", "n+1") the
 * compound itself plus its parts, so both "node:test" and "node test" find it.
 */
export function termsOfWord(surface: string): string[] {
  if (/^[a-z]+$/.test(surface)) return [stemWord(surface)];
  if (/^[a-z0-9]+$/.test(surface)) return [surface];
  const parts = surface.split(/[+:.#]+/).filter((part) => part.length >= 2);
  return [surface, ...parts.map(stemWord)];
}

// Stemming is the costliest step of analyzing a long page, and words repeat: remember results.
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

export function stemWord(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let stem = STEM_CACHE.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
    STEM_CACHE.set(word, stem);
  }
  return stem;
}

export function isStopWord(surface: string): boolean {
  return STOP_WORDS.has(surface);
}

/**
 * Terms of a document field: every word's terms (stop words dropped) plus the joined form of
 * hyphenated words ("on-call" also gives "oncall").
 */
export function analyzeField(text: string): string[] {
  const normalized = normalizeText(text);
  const terms: string[] = [];
  for (const token of tokenize(normalized)) {
    if (!isStopWord(token.surface)) terms.push(...termsOfWord(token.surface));
  }
  for (const match of normalized.matchAll(HYPHENATED)) {
    terms.push(stemWord(match[0].replace(/-/g, '')));
  }
  return terms;
}

/** Adjacent meaningful words as one term ("vector databas"), so phrases outrank scattered words. */
export function analyzePairs(text: string): string[] {
  const words = tokenize(normalizeText(text))
    .filter((token) => !isStopWord(token.surface))
    .map((token) => termsOfWord(token.surface)[0] ?? '');
  return words.slice(1).map((word, index) => pairTerm(words[index] as string, word));
}

export function pairTerm(first: string, second: string): string {
  return `${first} ${second}`;
}

/** A query word: what was typed, and the one term it primarily stands for. */
export interface QueryWord extends Token {
  term: string;
}

/** Query words without stop words (unless the query is nothing but stop words). */
export function analyzeQueryWords(text: string): QueryWord[] {
  const words = tokenize(normalizeText(text)).map((token) => ({ ...token, term: termsOfWord(token.surface)[0] ?? '' }));
  const meaningful = words.filter((word) => !isStopWord(word.surface));
  return meaningful.length > 0 ? meaningful : words;
}
