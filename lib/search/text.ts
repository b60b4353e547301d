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

/** A normalized text with, for each of its characters, where the character it came from starts and ends in the original. */
export interface NormalizedWithOffsets {
  normalized: string;
  starts: Uint32Array;
  ends: Uint32Array;
}

/**
 * `normalizeText`, keeping the way back to the original: normalizing changes lengths ("…" → "...",
 * "ﬁ" → "fi", "™" → "tm"), and a snippet or highlight must still point at the words as written.
 * Each character is normalized on its own, which is what `normalizeText` does to every character a
 * word can hold (letters, digits and the marks folded away).
 */
export function normalizeTextWithOffsets(text: string): NormalizedWithOffsets {
  // Most characters are ASCII even on pages that are not: those map one for one without the
  // Unicode work, which runs only on the others (a 200 kB copy is read for every snippet shown).
  let normalized = '';
  let starts: Uint32Array = new Uint32Array(text.length + 18);
  let ends: Uint32Array = new Uint32Array(text.length + 18);
  let length = 0;
  let plainFrom = 0;
  const flushPlain = (to: number) => {
    if (to > plainFrom) normalized += normalizeText(text.slice(plainFrom, to));
  };
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    if (length + 18 > starts.length) {
      // No character folds into more than 18 (U+FDFA).
      starts = growTo(starts, starts.length * 2 + 18);
      ends = growTo(ends, ends.length * 2 + 18);
    }
    if (code < 0x80) {
      starts[length] = at;
      ends[length] = at + 1;
      length++;
      at++;
      continue;
    }
    flushPlain(at);
    const width = code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1;
    const folded = normalizeText(text.slice(at, at + width));
    for (let i = 0; i < folded.length; i++) {
      starts[length] = at;
      ends[length] = at + width;
      length++;
    }
    normalized += folded;
    at += width;
    plainFrom = at;
  }
  flushPlain(text.length);
  return { normalized, starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

function growTo(array: Uint32Array, size: number): Uint32Array {
  const grown = new Uint32Array(size);
  grown.set(array);
  return grown;
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
