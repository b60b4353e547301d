import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import { stemmer } from 'stemmer';
import spellingVariantsJson from '@/assets/data/spelling-variants.json';
import { withoutAddressNoise } from '@/lib/search/address-query';
import { codePointWidth, isSecondHalfOfPair } from '@/lib/search/code-points';
import { STOP_WORDS } from '@/lib/search/stop-words';
import { countSpacedWords, UNSPACED, UNSPACED_SCRIPTS } from '@/lib/search/unspaced';

/** Lowercase, accents folded, typographic quotes and dashes made plain. */
export function normalizeText(text: string): string {
  // Normalizing orders a letter's marks, at a cost that grows with their number squared: a hostile
  // page stacking 80,000 on one letter took 2.6 s (a million, minutes). No script needs more than 32.
  const capped = mayHoldLongMarkRun(text) ? text.replace(LONG_MARK_RUN, '$1') : text;
  return (
    capped
      .normalize('NFKD')
      // Russian й is a letter of its own, not и with an accent (its endings "-ой", "-ий" are stemmed).
      .replace(/([иИ])\u0306/g, (_, letter: string) => (letter === 'и' ? 'й' : 'Й'))
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // Greek's word-final sigma is the same letter (and lowercasing chooses it by context).
      .replace(/ς/g, 'σ')
      .replace(/[‘’`´]/g, "'")
      .replace(/[‐‑]/g, '-')
      // Dashes between words ("databases—and") separate; they do not join like hyphens.
      .replace(/[‒–—―]/g, ' ')
  );
}

const LONG_MARK_RUN = /([\p{M}\uff9e\uff9f]{32})[\p{M}\uff9e\uff9f]+/gu;

/** Whether 32 characters at or above U+0300 (where marks are) stand in a row: the pattern above costs 3× normalizing. */
function mayHoldLongMarkRun(text: string): boolean {
  let run = 0;
  for (let at = 0; at < text.length; at++) {
    if (text.charCodeAt(at) < 0x300) run = 0;
    else if (++run >= 32) return true;
  }
  return false;
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
 * Each character is normalized with the marks that follow it (normalizing may reorder those), which
 * gives what `normalizeText` gives the whole text.
 */
export function normalizeTextWithOffsets(text: string): NormalizedWithOffsets {
  // Most characters are ASCII even on pages that are not: those map one for one without the
  // Unicode work, which runs only on the others (a 200 kB copy is read for every snippet shown).
  let normalized = '';
  let starts: Uint32Array = new Uint32Array(text.length + 18);
  let ends: Uint32Array = new Uint32Array(text.length + 18);
  let length = 0;
  let plainFrom = 0;
  for (let at = 0; at < text.length; ) {
    if (text.charCodeAt(at) < 0x80 && !isMarkAt(text, at + 1)) {
      if (length >= starts.length) [starts, ends] = [growTo(starts, length * 2), growTo(ends, length * 2)];
      starts[length] = at;
      ends[length] = at + 1;
      length++;
      at++;
      continue;
    }
    if (at > plainFrom) normalized += normalizeText(text.slice(plainFrom, at));
    let end = at + codePointWidth(text, at);
    while (isMarkAt(text, end)) end += codePointWidth(text, end);
    const folded = foldCluster(text.slice(at, end));
    if (length + folded.length > starts.length) {
      const size = (length + folded.length) * 2;
      [starts, ends] = [growTo(starts, size), growTo(ends, size)];
    }
    for (let i = 0; i < folded.length; i++) {
      starts[length] = at;
      ends[length] = end;
      length++;
    }
    normalized += folded;
    at = end;
    plainFrom = at;
  }
  if (text.length > plainFrom) normalized += normalizeText(text.slice(plainFrom));
  return { normalized, starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

const MARK = /^\p{M}/u;

/**
 * Whether `at` falls inside a character as the reader sees it (between a surrogate pair's halves, or
 * before a combining mark): where a text must not be cut.
 */
export function isInsideCluster(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  return isSecondHalfOfPair(text, at) || isMarkAt(text, at);
}

function isMarkAt(text: string, at: number): boolean {
  // Every combining mark is at U+0300 or above; half-width ﾞ and ﾟ are not marks but fold into ones.
  if (at >= text.length) return false;
  const code = text.charCodeAt(at);
  return code >= 0x300 && (code === 0xff9e || code === 0xff9f || MARK.test(text.slice(at, at + 2)));
}

/** `compute`, remembering up to `limit` results (all forgotten at once when full: words repeat in bursts). */
function remembered(compute: (key: string) => string, limit: number): (key: string) => string {
  const results = new Map<string, string>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) {
      result = compute(key);
      if (results.size >= limit) results.clear();
      results.set(key, result);
    }
    return result;
  };
}

// A page in another script repeats its few dozen letters: fold each once.
const foldRememberedCluster = remembered(normalizeText, 20_000);

function foldCluster(cluster: string): string {
  // Long clusters (stacked marks) are rare and would make large keys.
  return cluster.length > 8 ? normalizeText(cluster) : foldRememberedCluster(cluster);
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
// Starting only where a run of letters starts (marks included): retried inside a long run, these cost
// its length squared.
const ASCII_HYPHENATED = /(?<![a-z0-9])[a-z0-9]+(?:-[a-z0-9]+)+/g;
// Letters and digits of every script (accents folded, Latin is mostly a-z), so that a saved page in Russian, Greek,
// Arabic or Hindi is found by its words; marks stay inside a word (Indic vowel signs).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[+:.#][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*[+#]*/gu;
const HYPHENATED = /(?<![\p{L}\p{N}]\p{M}*)[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:-[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)+/gu;
// A character of a script written without spaces (UNSPACED_SCRIPTS), with its marks (and Japanese's
// long-vowel mark), is a token of its own, so a word is found inside the run of text that holds it, at
// the cost of precision.
const SPACED_LETTER = `(?:(?![${UNSPACED_SCRIPTS}])[\\p{L}\\p{N}])`;
const SPACED_INNER = `(?:(?![${UNSPACED_SCRIPTS}])[\\p{L}\\p{N}\\p{M}])`;
const WORD_OR_UNSPACED = new RegExp(
  `[${UNSPACED_SCRIPTS}][\\p{M}\\u30fc]*|${SPACED_LETTER}${SPACED_INNER}*(?:[+:.#]${SPACED_LETTER}${SPACED_INNER}*)*[+#]*`,
  'gu',
);
const NON_ASCII = /[\u0080-\uffff]+/g;
// What a word of a spaced script is made of, joiners included ("node.js", "on-call").
const SPACED_WORD_CHAR = new RegExp(`^(?![${UNSPACED_SCRIPTS}])[\\p{L}\\p{N}\\p{M}+:.#'_-]`, 'u');

/**
 * Whether a text may be cut at `at` without cutting a word or a character: not inside a character
 * with its marks, and not between two characters of one word (a character of Chinese or Japanese is
 * a word of its own, so a run of them may be cut anywhere).
 */
export function cutsNoWord(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  if (isInsideCluster(text, at)) return false;
  const before = String.fromCodePoint(text.codePointAt(at - (isSecondHalfOfPair(text, at - 1) ? 2 : 1)) as number);
  const after = String.fromCodePoint(text.codePointAt(at) as number);
  return !(SPACED_WORD_CHAR.test(before) && SPACED_WORD_CHAR.test(after));
}
/**
 * Where a slice from `from` ends: near `from + size`, where no word or character is cut (a space, or
 * between two characters of Chinese). A run of one word longer than the reach (base64, say) is cut
 * where it stands: no search matches such a word.
 */
export function sliceEnd(text: string, from: number, size: number): number {
  if (text.length - from <= size) return text.length;
  const end = from + size;
  const reach = Math.min(1_000, Math.floor(size / 2));
  for (let at = end; at > end - reach; at--) if (cutsNoWord(text, at)) return at;
  return end;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whether a normalized text holds a letter, digit or mark beyond ASCII (quotes and symbols do not count). */
function hasOtherScripts(normalized: string): boolean {
  for (const run of normalized.matchAll(NON_ASCII)) if (WORD_CHAR.test(run[0])) return true;
  return false;
}

/**
 * The word patterns for a normalized text: the ASCII ones (the fastest) unless a letter, digit or
 * mark of another script is there, and the one that splits unspaced scripts only where they are;
 * each gives the same words as the next on the texts it is used for.
 */
function wordPatterns(normalized: string): { word: RegExp; hyphenated: RegExp } {
  if (!hasOtherScripts(normalized)) return { word: ASCII_WORD, hyphenated: ASCII_HYPHENATED };
  return { word: UNSPACED.test(normalized) ? WORD_OR_UNSPACED : WORD, hyphenated: HYPHENATED };
}

/** How many words a text has: those between spaces, and each character of scripts written without them. */
export function countWords(text: string): number {
  if (!UNSPACED.test(text)) return countSpacedWords(text);
  // The words `tokenize` finds, counted without making them tokens (a page's copy may be a million characters).
  const normalized = normalizeText(text);
  let count = 0;
  for (const _ of normalized.matchAll(wordPatterns(normalized).word)) count++;
  return count;
}

/**
 * Contractions as people type them without the apostrophe, where that spells no word of its own
 * ("its", "were", "well", "ill", "id", "im", "shed", "lets", "cant", "wont" do), and how many letters come
 * before it: read as the apostrophe's two words, as the text writing "don't" gives them. QA pass: "you dont know
 * those" read "dont" as a misspelling of "done" and missed the page saying "you don’t know those", and
 * "browser youre using" found nothing ("youre" an unknown word).
 */
const UNMARKED_CONTRACTIONS: ReadonlyMap<string, number> = new Map(
  [
    "aren't couldn't didn't doesn't don't hadn't hasn't haven't isn't shouldn't wasn't weren't",
    "wouldn't ain't mustn't needn't that's what's there's here's where's who's he's she's you're they're",
    "you've we've they've i've could've would've should've you'll they'll it'll that'll there'll you'd they'd",
  ]
    .join(' ')
    .split(' ')
    .map((form) => [form.replace("'", ''), form.indexOf("'")]),
);

/** Tokens of already-normalized text (offsets index into that text). */
export function tokenize(normalized: string, word = wordPatterns(normalized).word): Token[] {
  const tokens: Token[] = [];
  for (const match of normalized.matchAll(word)) {
    const surface = match[0];
    const start = match.index;
    const split = surface.length <= 8 ? UNMARKED_CONTRACTIONS.get(surface) : undefined;
    if (split === undefined) {
      tokens.push({ surface, start, end: start + surface.length });
      continue;
    }
    tokens.push({ surface: surface.slice(0, split), start, end: start + split });
    tokens.push({ surface: surface.slice(split), start: start + split, end: start + surface.length });
  }
  return tokens;
}

/**
 * The index terms a surface word stands for: its stem, and for compounds ("node:test", "n+1") the
 * compound itself plus its parts, so both "node:test" and "node test" find it.
 */
export function termsOfWord(surface: string): string[] {
  if (/^[a-z]+$/.test(surface)) return [stemWord(surface)];
  if (CYRILLIC_WORD.test(surface)) return [stemCyrillic(surface)];
  if (!/[+:.#]/.test(surface)) return [surface];
  const parts = surface.split(/[+:.#]+/).filter((part) => part.length >= 2);
  return [surface, ...parts.map(stemWord)];
}

/**
 * The words a surface word offers typo corrections: itself, and for compounds the parts that are
 * words ("webassembly.instantiate" in a page's code, "motherjones.com" in its links), so a misspelled
 * "instntiate" finds what "instantiate" finds. Three letters or more, as shorter words are not corrected.
 */
function typoWordsOf(surface: string): string[] {
  if (surface.length < 3) return [];
  if (!/[+:.#]/.test(surface)) return [surface];
  return [surface, ...surface.split(/[+:.#]+/).filter((part) => part.length >= 3)];
}

/**
 * Adds a text's typo words (`typoWordsOf` each of its words) to `words`, and with `joined` its
 * hyphenated words joined ("hand-crafted" → "handcrafted"): the index holds them joined, so a
 * misspelled "handcraftd" or "ecomerce" is corrected to them (QA pass: only their parts were offered,
 * so neither found its saved page). The blog's index leaves them out: there they are mostly its tags'
 * slugs ("cache-stampede"), which nobody types joined, and 7% more index for the popup to load.
 */
export function addTypoWords(words: Set<string>, text: string, { joined = false } = {}): void {
  const normalized = normalizeText(text);
  const { word, hyphenated } = wordPatterns(normalized);
  for (const token of tokenize(normalized, word))
    for (const typoWord of typoWordsOf(token.surface)) words.add(typoWord);
  if (!joined) return;
  for (const match of normalized.matchAll(hyphenated)) {
    const joined = match[0].replace(/-/g, '');
    if (/^[a-z]+$/.test(joined)) words.add(joined);
  }
}

// Stemming is the costliest step of analyzing a long page, and words repeat: remember results.
const rememberedStem = remembered(americanStem, 50_000);

const CYRILLIC_WORD = /^[\u0400-\u04ff]+$/;

// Words in Cyrillic are stemmed as Russian (its most read language): "конвоях" and "конвои" are one
// term. Another language in Cyrillic is stemmed as well, if less well, and the same for a query.
const rememberedRussianStem = remembered(russianStemmer, 50_000);

// Every word, however short: Snowball's rules keep short stems ("бой", "бои", "боях" are one term).
// Words reach it normalized (ё folded to е: the stemmer's cost grows squared in runs of ё).
function stemCyrillic(word: string): string {
  return rememberedRussianStem(word);
}

/**
 * British spellings with their American forms (`npm run index`: scripts/cli/spelling-variants.ts):
 * a word is read in its American form, so "colour" finds a page that says "color" and the other way
 * round, in the blog's articles and saved pages alike. The table is read on first use, so that a
 * bundle that never analyzes words (the capture script) leaves it out.
 */
let spelling: { words: ReadonlyMap<string, string>; stems: ReadonlyMap<string, string> } | undefined;

function spellingTable() {
  spelling ??= {
    words: new Map(Object.entries(spellingVariantsJson.words as Record<string, string>)),
    stems: new Map(Object.entries(spellingVariantsJson.stems as Record<string, string>)),
  };
  return spelling;
}

/** `word` (normalized) as American English writes it: "colour" → "color"; any other word as it is. */
export function americanSpellingOf(word: string): string {
  return spellingTable().words.get(word) ?? word;
}

/** A stem as the analysis reads it: a British stem ("centr") as its American one ("center"). */
export function americanStemOf(stem: string): string {
  return spellingTable().stems.get(stem) ?? stem;
}

/**
 * Two words of Porter2's (Snowball English) exceptions that Porter reads as forms of other words:
 * "news" is not "new" (every page saying "new" answered "breaking news"), and "bias" is what "biases"
 * and "biased" stem to, not "bia". A stem listed in `assets/data/manual-words.json` follows by hand.
 */
const STEM_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['news', 'news'],
  ['bias', 'bias'],
]);

/**
 * The stem of a word in its American form: an exception as listed, a known British word as its
 * American form stems, any other form of a British stem ("centred") as that stem's American one.
 * Remembered (`rememberedStem`), so an exception costs a word nothing after its first reading.
 */
function americanStem(word: string): string {
  const exception = STEM_EXCEPTIONS.get(word);
  if (exception) return exception;
  const american = spellingTable().words.get(word);
  return american ? stemmer(american) : americanStemOf(stemmer(word));
}

export function stemWord(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  // Short words stay as written ("aws", "dns", "tls" are not plurals), but a vowel and "y" is stemmed
  // as its other forms are: "key", "keys" and "keyed" are one term ("kei"), "say", "says" and "saying"
  // ("sai"). (Reading "keys" as "key" instead left "saying" apart from "say".) The cost: "joy" meets
  // Joi, and "way" WAI.
  if (word.length <= 3) return /^[a-z][aeiou]y$/.test(word) ? rememberedStem(word) : word;
  return rememberedStem(word);
}

export function isStopWord(surface: string): boolean {
  return STOP_WORDS.has(surface);
}

/**
 * Terms of a document field: every word's terms (stop words dropped) plus the joined form of
 * hyphenated words ("on-call" also gives "oncall").
 */
export function analyzeField(text: string): string[] {
  return fieldTerms(text).terms;
}

/** A field's terms (`analyzeField`) with where each is: its offset in the normalized text, of `length`. */
export interface PlacedTerms {
  terms: string[];
  starts: number[];
  length: number;
}

/** `analyzeField`, saying where each term is: what tells whether a page says two words near one another. */
export function analyzeFieldAt(text: string): PlacedTerms {
  const starts: number[] = [];
  return { ...fieldTerms(text, starts), starts };
}

/**
 * A field's terms and its normalized length, each term's offset pushed to `starts` when given: the
 * related box and the blog's index read fields without places, a saved page's text with them.
 */
function fieldTerms(text: string, starts?: number[]): { terms: string[]; length: number } {
  const normalized = normalizeText(text);
  // One look at the text's scripts for both patterns (a page's text is long).
  const { word, hyphenated } = wordPatterns(normalized);
  const terms: string[] = [];
  for (const token of tokenize(normalized, word)) {
    if (isStopWord(token.surface)) continue;
    for (const term of termsOfWord(token.surface)) {
      terms.push(term);
      starts?.push(token.start);
    }
  }
  for (const match of normalized.matchAll(hyphenated)) {
    terms.push(joinedHyphenation(match[0]));
    starts?.push(match.index);
  }
  return { terms, length: normalized.length };
}

function joinedHyphenation(hyphenated: string): string {
  return stemWord(hyphenated.replace(/-/g, ''));
}

/** Where a normalized text's hyphenated words stand, each with its joined form's term ("Wi-Fi" → "wifi"). */
function hyphenatedWordsIn(normalized: string): Array<{ start: number; end: number; term: string }> {
  return [...normalized.matchAll(wordPatterns(normalized).hyphenated)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    term: joinedHyphenation(match[0]),
  }));
}

/**
 * The hyphenated words of a normalized text whose joined form a search matched ("wifi": the text's
 * "Wi-Fi"), which the index holds joined too: where snippets and marks find them.
 */
export function matchedHyphenatedWords(
  normalized: string,
  matchedTerms: ReadonlySet<string>,
): Array<{ start: number; end: number; term: string }> {
  if (!normalized.includes('-')) return [];
  return hyphenatedWordsIn(normalized).filter((word) => matchedTerms.has(word.term));
}

/** The joined forms of a normalized text's hyphenated words ("on-call" → "oncall"). */
export function joinedHyphenations(normalized: string): string[] {
  return hyphenatedWordsIn(normalized).map((word) => word.term);
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

/** The shortest unfinished last word that completes ("ret" → retry); one letter would match half the words. */
export const MIN_PREFIX_LENGTH = 2;

/**
 * The query's unfinished last word, what its results say was matched as a prefix: while typing, a last
 * word of MIN_PREFIX_LENGTH letters or more; else null.
 */
export function unfinishedWord(words: ReadonlyArray<{ surface: string }>, typing: boolean): string | null {
  const last = words.at(-1)?.surface;
  return typing && last !== undefined && last.length >= MIN_PREFIX_LENGTH ? last : null;
}

/**
 * Whether a word completes the query's unfinished last word (`prefix`; null: the query is finished).
 * The length is checked again for a prefix from elsewhere (a reader view a message asked for).
 */
export function completesPrefix(word: string, prefix: string | null): prefix is string {
  return prefix !== null && prefix.length >= MIN_PREFIX_LENGTH && word.startsWith(prefix);
}

/** How many words of a query the searches read: a longer query is a pasted paragraph. */
export const MAX_QUERY_WORDS = 32;

/** A query word: what was typed, and the one term it primarily stands for. */
export interface QueryWord extends Token {
  term: string;
  /**
   * The word written together with the particle after it ("in", "on": stop words, left out of every
   * query), as an index may hold it: "login" of "log in", "plugin" of "plug in".
   */
  joinedWithNext?: string;
}

/**
 * Words a query means only after these: "once" of "exactly once", "at least once", "at most once" is a
 * delivery guarantee, but of "all at once" or "once a day" an adverb that would weigh as much as the
 * rarest words (two of the articles' summaries say it). Documents keep every "once".
 */
const QUERY_WORD_ONLY_AFTER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['once', new Set(['exactly', 'least', 'most'])],
]);

/**
 * Stop words a word may be written together with (`QueryWord.joinedWithNext`). Only these: joined with
 * others, words stem into other words ("rest or" into "restore", "serve really" into "server").
 */
const JOINING_PARTICLES: ReadonlySet<string> = new Set(['in', 'on']);

/** Query words without stop words (unless the query is nothing but stop words). */
export function analyzeQueryWords(text: string): QueryWord[] {
  return meaningfulWords(queryTokens(text));
}

/**
 * A search's query: its words (`analyzeQueryWords`, at most MAX_QUERY_WORDS), and whether the word
 * typed last is among them. While typing, only that word is unfinished: after a word the searches
 * leave out (a stop word), none is. "was time to" has no unfinished word: "time" was finished when
 * "to" was typed (QA pass: read as "time…", it matched timeouts and timestamps, and a saved page
 * holding "was time to" fell out of the list).
 */
export function readQuery(text: string): { words: QueryWord[]; endsWithWord: boolean } {
  const tokens = queryTokens(text);
  const words = meaningfulWords(tokens).slice(0, MAX_QUERY_WORDS);
  return { words, endsWithWord: words.length > 0 && words.at(-1)?.start === tokens.at(-1)?.start };
}

const queryTokens = (text: string) => tokenize(normalizeText(withoutAddressNoise(text)));

function meaningfulWords(tokens: readonly Token[]): QueryWord[] {
  const words: QueryWord[] = tokens.map((token, at) => {
    const next = tokens[at + 1];
    const joins = next && JOINING_PARTICLES.has(next.surface) && /^[a-z]+$/.test(token.surface);
    return {
      ...token,
      term: termsOfWord(token.surface)[0] ?? '',
      ...(joins && !isStopWord(token.surface) && { joinedWithNext: token.surface + next.surface }),
    };
  });
  const meant = words.filter((word, at) => {
    const onlyAfter = QUERY_WORD_ONLY_AFTER.get(word.surface);
    return !onlyAfter || onlyAfter.has(words[at - 1]?.surface ?? '');
  });
  const meaningful = meant.filter((word) => !isStopWord(word.surface));
  // Nothing but stop words: read them all ("what is it"; "once" alone is a word too).
  return meaningful.length > 0 ? meaningful : meant.length > 0 ? meant : words;
}
