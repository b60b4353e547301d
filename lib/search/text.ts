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

const ASCII_WORD = /[a-z0-9]+(?:[+:.#][a-z0-9]+)*[+#]*/g;
const ASCII_HYPHENATED = /[a-z0-9]+(?:-[a-z0-9]+)+/g;
// Letters and digits of every script (normalized Latin is a-z), so that a saved page in Russian, Greek,
// Arabic or Hindi is found by its words; marks stay inside a word (Indic vowel signs).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[+:.#][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*[+#]*/gu;
const HYPHENATED = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:-[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)+/gu;
const NON_ASCII = /[^\x00-\x7f]+/g;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whether a normalized text holds a letter, digit or mark beyond ASCII (quotes and symbols do not count). */
function hasOtherScripts(normalized: string): boolean {
  for (const run of normalized.matchAll(NON_ASCII)) if (WORD_CHAR.test(run[0])) return true;
  return false;
}

/**
 * The word pattern for a normalized text: the ASCII one (twice as fast) unless a letter, digit or
 * mark of another script is there; both give the same words otherwise.
 */
function wordPatterns(normalized: string): { word: RegExp; hyphenated: RegExp } {
  return hasOtherScripts(normalized)
    ? { word: WORD, hyphenated: HYPHENATED }
    : { word: ASCII_WORD, hyphenated: ASCII_HYPHENATED };
}
/** Chinese and Japanese write words without spaces: each of their characters is a token of its own. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Tokens of already-normalized text (offsets index into that text). */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  const { word } = wordPatterns(normalized);
  for (const match of normalized.matchAll(word)) {
    const surface = match[0];
    if (word === ASCII_WORD || !UNSPACED.test(surface)) {
      tokens.push({ surface, start: match.index, end: match.index + surface.length });
      continue;
    }
    // Split at each unspaced character: the characters alone, and the runs of other letters between.
    let from = 0;
    for (const char of surface.matchAll(UNSPACED_CHAR)) {
      if (char.index > from) tokens.push(token(surface.slice(from, char.index), match.index + from));
      tokens.push(token(char[0], match.index + char.index));
      from = char.index + char[0].length;
    }
    if (from < surface.length) tokens.push(token(surface.slice(from), match.index + from));
  }
  return tokens;
}

function token(surface: string, start: number): Token {
  return { surface, start, end: start + surface.length };
}

/**
 * The index terms a surface word stands for: its stem, and for compounds ("node:test", "n+1") the
 * compound itself plus its parts, so both "node:test" and "node test" find it.
 */
export function termsOfWord(surface: string): string[] {
  if (/^[a-z]+$/.test(surface)) return [stemWord(surface)];
  if (!/[+:.#]/.test(surface)) return [surface];
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
  for (const match of normalized.matchAll(wordPatterns(normalized).hyphenated)) {
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
