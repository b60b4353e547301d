import approximateSearch from 'approx-string-match';
import { exactOccurrences, MAX_OCCURRENCES, mayOccurTooOften } from '@/lib/annotations/quote-occurrences';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { asModelText, collapseWhitespace, type TextSpan } from '@/lib/annotations/text-model';

/**
 * Finds a highlight's quote in a text, the way Hypothesis does (position, then exact quote, then an
 * approximate one: `approx-string-match`, Myers' bit-parallel edit-distance search), but with one
 * rule of its own: a wrong place is worse than none. So the quote's context must agree wherever it
 * is found, and when the context cannot tell two places apart the answer is "ambiguous".
 */

export type QuoteMatch =
  | (TextSpan & {
      status: 'found';
      /** `position`: the quote is where it was; `exact`: elsewhere, unchanged; `approximate`: edited. */
      method: 'position' | 'exact' | 'approximate';
    })
  | {
      status: 'not-found';
      /**
       * `absent`: nothing like the quote in the text; `ambiguous`: several places fit equally;
       * `context-mismatch`: the quote is there, but not among the words around it before.
       */
      reason: 'absent' | 'ambiguous' | 'context-mismatch';
    };

/** A side of the context agrees when at most a quarter of it differs (one changed word in 32 characters does). */
const CONTEXT_AGREEMENT = 0.75;
/** Quotes shorter than this are matched exactly only: a few errors would be most of them. */
const MIN_APPROXIMATE_LENGTH = 16;
/** The approximate search allows edits to a fifth of the quote, at most this many. */
const MAX_QUOTE_ERRORS = 64;
/** Text scanned beyond a context's length, so a few inserted characters next to the quote don't push it out. */
const CONTEXT_SLACK = 8;
/** A character that never occurs in page text, to blank parts of it out. */
const BLANK = '\u0000';

interface Candidate extends TextSpan {
  /** How well the text before and after agrees with the stored context; null where none was stored. */
  prefixScore: number | null;
  suffixScore: number | null;
}

/** How much of `expected` reappears in `window`, from 0 to 1 (1 − edit distance ÷ length). */
function similarity(window: string, expected: string): number {
  if (expected.length === 0) return window.length === 0 ? 1 : 0;
  if (window.length === 0) return 0;
  const [best] = approximateSearch(window, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

/** What is known of the quote: its text, the text around it before, and where it was. */
interface Expected {
  quote: string;
  /** Undefined when not stored (imported quotes); empty when the quote began or ended the text. */
  prefix?: string;
  suffix?: string;
  hint?: number;
  /** Whether the quote began (ended) between words, as a selection of whole words does. */
  startsWord: boolean;
  endsWord: boolean;
}

function scoreContext(text: string, span: TextSpan, { prefix, suffix }: Expected): Candidate {
  const before = text.slice(Math.max(0, span.start - (prefix?.length ?? 0) - CONTEXT_SLACK), span.start);
  const after = text.slice(span.end, span.end + (suffix?.length ?? 0) + CONTEXT_SLACK);
  // An empty stored side means the quote was at the start or end of the text: only that agrees.
  return {
    ...span,
    prefixScore: prefix === undefined ? null : similarity(before, prefix),
    suffixScore: suffix === undefined ? null : similarity(after, suffix),
  };
}

const agrees = (score: number | null) => score !== null && score >= CONTEXT_AGREEMENT;
const hasNoContext = (c: Candidate) => c.prefixScore === null && c.suffixScore === null;
/** A quote stored without any context (imported) can only rely on being the only one. */
const agreesOnOneSide = (c: Candidate) => hasNoContext(c) || agrees(c.prefixScore) || agrees(c.suffixScore);
const agreesOnBothSides = (c: Candidate) =>
  !hasNoContext(c) && [c.prefixScore, c.suffixScore].every((score) => score === null || agrees(score));

/** Letters, digits and the marks that combine with them (a Devanagari vowel sign, a decomposed accent). */
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}_]/u;
/** Whether `text` has a word boundary before index `at` (not between two word characters). */
const isWordBoundary = (text: string, at: number) =>
  !(WORD_CHARACTER.test(text[at - 1] ?? ' ') && WORD_CHARACTER.test(text[at] ?? ' '));

/** "cache" highlighted as a word is not found inside "cachet". */
function keepsWordBoundaries(text: string, span: TextSpan, expected: Expected): boolean {
  return (
    (!expected.startsWord || isWordBoundary(text, span.start)) && (!expected.endsWord || isWordBoundary(text, span.end))
  );
}

/**
 * An approximate match stops where the edit distance is lowest, maybe inside an edited word or
 * short of the quote's closing punctuation: take the whole word, and the punctuation.
 */
function extendToQuoteEnds(text: string, span: TextSpan, expected: Expected): TextSpan {
  let { start, end } = span;
  while (expected.startsWord && start > 0 && !isWordBoundary(text, start)) start--;
  while (expected.endsWord && end < text.length && !isWordBoundary(text, end)) end++;
  const [first, last] = [expected.quote[0] ?? '', expected.quote.at(-1) ?? ''];
  if (!WORD_CHARACTER.test(first) && text[start - 1] === first && text[start] !== first) start--;
  if (!WORD_CHARACTER.test(last) && text[end] === last && text[end - 1] !== last) end++;
  return { start, end };
}

/**
 * Among several occurrences whose context agrees on at least one side, the one that agrees on both
 * sides, if only one does and it is also the closest to where the quote was. The last sentence of a
 * paragraph shown twice fails this (the copy has both sides of the original's context, the original
 * keeps its prefix and its position), as it should: nobody can tell which copy was highlighted.
 */
function pickByPosition(agreeing: Candidate[], hint: number | undefined): Candidate | null {
  if (hint === undefined) return null;
  const full = agreeing.filter(agreesOnBothSides);
  const [only] = full;
  if (full.length !== 1 || !only) return null;
  const distance = Math.abs(only.start - hint);
  return agreeing.every((c) => c === only || Math.abs(c.start - hint) > distance) ? only : null;
}

/** Whether the span has the stored context, both sides, written out unchanged right around it. */
function hasWholeContext(text: string, span: TextSpan, { prefix, suffix }: Expected): boolean {
  if (prefix === undefined || suffix === undefined) return false;
  return (
    (prefix ? text.slice(span.start - prefix.length, span.start) === prefix : span.start === 0) &&
    (suffix ? text.slice(span.end, span.end + suffix.length) === suffix : span.end === text.length)
  );
}

/**
 * In repetitive text ("Repeat. Repeat. Repeat.") each occurrence's neighbours agree with most of its
 * context, being part of it, and once text was added before them the position could not tell them
 * apart (review). The occurrence with its whole stored context around it, unchanged, is the
 * highlight when it is the only one and every other occurrence that agrees lies within that
 * context. A copy further away (a paragraph shown twice) is not explained so: the position decides.
 */
function withWholeContext(text: string, agreeing: Candidate[], expected: Expected): Candidate | null {
  const whole = agreeing.filter((c) => hasWholeContext(text, c, expected));
  const [only] = whole;
  if (whole.length !== 1 || !only) return null;
  const [from, to] = [only.start - (expected.prefix?.length ?? 0), only.end + (expected.suffix?.length ?? 0)];
  return agreeing.every((c) => c.start >= from && c.end <= to) ? only : null;
}

/**
 * Whether the text before and after the quote now meet somewhere other than around `found`, with
 * nothing between them: the quote was deleted from its place, so `found` is another copy (a form's
 * help text shown twice, a pull quote), not the highlight.
 */
function contextMeetsWithoutQuote(text: string, found: TextSpan, { prefix, suffix }: Expected): boolean {
  if (prefix === undefined || suffix === undefined) return false;
  const joined = collapseWhitespace(`${prefix} ${suffix}`).trim();
  if (joined.length < MIN_APPROXIMATE_LENGTH) return false;
  const around = { start: Math.max(0, found.start - prefix.length), end: found.end + suffix.length };
  const searched = blankOut(text, [around]);
  const maxErrors = Math.floor(joined.length / 8);
  // An empty side was the start or end of the text: the other side must now be there.
  const window = joined.length + CONTEXT_SLACK;
  if (!prefix) return similarity(searched.slice(0, window), joined) >= 1 - maxErrors / joined.length;
  if (!suffix) return similarity(searched.slice(-window), joined) >= 1 - maxErrors / joined.length;
  return approximateSearch(searched, joined, maxErrors).length > 0;
}

/** The quote's span at the stored position, when it is there with both sides of its context agreeing. */
function atPosition(text: string, expected: Expected): TextSpan | null {
  const { quote, hint } = expected;
  if (hint === undefined || !text.startsWith(quote, hint)) return null;
  const span = { start: hint, end: hint + quote.length };
  if (!keepsWordBoundaries(text, span, expected)) return null;
  return agreesOnBothSides(scoreContext(text, span, expected)) ? span : null;
}

type ExactMatch = (QuoteMatch & { status: 'found'; oneSided: boolean }) | (QuoteMatch & { status: 'not-found' });

/** The exact occurrence whose context agrees (`oneSided` when only one side does), or why there is none. */
function matchExactly(text: string, spans: TextSpan[], expected: Expected): ExactMatch {
  if (spans.length > MAX_OCCURRENCES) return { status: 'not-found', reason: 'ambiguous' };
  const agreeing = spans
    .filter((span) => keepsWordBoundaries(text, span, expected))
    .map((span) => scoreContext(text, span, expected))
    .filter(agreesOnOneSide);
  // Where the position says, with the same words around it: that is the highlight, even when the
  // same words appear elsewhere.
  const inPlace = agreeing.find((c) => c.start === expected.hint && agreesOnBothSides(c));
  const found =
    inPlace ??
    (agreeing.length === 1
      ? agreeing[0]
      : (withWholeContext(text, agreeing, expected) ?? pickByPosition(agreeing, expected.hint)));
  if (!found) return { status: 'not-found', reason: agreeing.length ? 'ambiguous' : 'context-mismatch' };
  const method = found.start === expected.hint ? 'position' : 'exact';
  return { status: 'found', start: found.start, end: found.end, method, oneSided: !agreesOnBothSides(found) };
}

/** Overlapping approximate matches are one place; keep the one whose context fits best. */
function bestPerPlace(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start);
  const places: Candidate[][] = [];
  let placeEnd = -1;
  for (const candidate of sorted) {
    if (candidate.start < placeEnd) places[places.length - 1]?.push(candidate);
    else places.push([candidate]);
    placeEnd = Math.max(placeEnd, candidate.end);
  }
  const score = (c: Candidate) => (c.prefixScore ?? 0) + (c.suffixScore ?? 0);
  return places.map((place) =>
    place.reduce((best, c) =>
      score(c) > score(best) || (score(c) === score(best) && c.end - c.start > best.end - best.start) ? c : best,
    ),
  );
}

function trimSpaces(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return { start, end };
}

/**
 * The quote edited in place: an approximate match whose context agrees on both sides. `searched` is
 * the text with the quote's unedited copies blanked out, which would otherwise hide it (the search
 * reports only the matches with the fewest errors).
 */
function matchApproximately(
  text: string,
  searched: string,
  expected: Expected,
): { match: QuoteMatch | null; contextUnchanged: boolean } {
  const { quote } = expected;
  if (quote.length < MIN_APPROXIMATE_LENGTH) return { match: null, contextUnchanged: false };
  const maxErrors = Math.min(MAX_QUOTE_ERRORS, Math.floor(quote.length / 5));
  const candidates = approximateSearch(searched, quote, maxErrors).map((match) =>
    scoreContext(text, extendToQuoteEnds(text, trimSpaces(text, match), expected), expected),
  );
  // An edited quote has only its context to vouch for it: both sides must agree.
  const agreeing = bestPerPlace(candidates).filter(agreesOnBothSides);
  const [found] = agreeing;
  // Whether a place fits with its context as it was: the quote edited, and not only alike.
  const contextUnchanged = agreeing.some((c) => c.prefixScore === 1 && c.suffixScore === 1);
  if (agreeing.length > 1) return { match: { status: 'not-found', reason: 'ambiguous' }, contextUnchanged };
  if (!found) return { match: null, contextUnchanged };
  return { match: { status: 'found', start: found.start, end: found.end, method: 'approximate' }, contextUnchanged };
}

function blankOut(text: string, spans: TextSpan[]): string {
  let blanked = '';
  let from = 0;
  for (const span of spans) {
    if (span.start < from) continue;
    blanked += text.slice(from, span.start) + BLANK.repeat(span.end - span.start);
    from = span.end;
  }
  return blanked + text.slice(from);
}

/**
 * Marks that only steer the direction of the text around them (left-to-right, right-to-left, Arabic
 * letter mark): an editor or a CMS adds or drops them between two captures without changing a word.
 * Kept in the text a highlight draws and shows; left out when quotes are compared.
 */
const DIRECTION_MARKS = /[\u061C\u200E\u200F]/g;

/** A quote, its context or a text as they are compared: without direction marks, decomposed (NFD). */
const forMatching = (text: string) => text.replace(DIRECTION_MARKS, '').normalize('NFD');

interface Decomposed {
  text: string;
  from: TextSpan[];
  to: number[];
}
/**
 * The last text looked at, and its decomposition (null when comparing leaves it as it is): a copy's
 * highlights are anchored one after another in the same text, which is decomposed, or found to need
 * nothing, once and not once per highlight.
 */
let lastDecomposed: { original: string; decomposed: Decomposed | null } | null = null;

/**
 * The text as compared (`forMatching`), with the span of the text each of its characters came from,
 * and where each character of the text went; null when the text is already as compared. One code point and the marks after it at a time, which
 * decomposes as the whole text would.
 */
function decompose(text: string): Decomposed | null {
  if (lastDecomposed?.original === text) return lastDecomposed.decomposed;
  if (forMatching(text) === text) {
    lastDecomposed = { original: text, decomposed: null };
    return null;
  }
  const from: TextSpan[] = [];
  const to: number[] = [];
  let decomposed = '';
  for (const cluster of text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const span = { start: cluster.index, end: cluster.index + cluster[0].length };
    for (let k = span.start; k < span.end; k++) to[k] = decomposed.length;
    const piece = forMatching(cluster[0]);
    for (let k = 0; k < piece.length; k++) from.push(span);
    decomposed += piece;
  }
  to[text.length] = decomposed.length;
  const result = { text: decomposed, from, to };
  lastDecomposed = { original: text, decomposed: result };
  return result;
}

/**
 * Where `selectors` point in `text` (a model's text: whitespace already collapsed). Both are compared
 * without direction marks and decomposed (NFD): a page captured again may write "é" as one character
 * or as "e" and a combining accent (text from macOS, another editor), and a highlight of "café" is
 * the same words either way.
 */
export function matchQuote(text: string, selectors: SelectorSet): QuoteMatch {
  const { quote, position } = selectors;
  const decomposedQuote = {
    ...quote,
    exact: forMatching(quote.exact),
    ...(quote.prefix !== undefined && { prefix: forMatching(quote.prefix) }),
    ...(quote.suffix !== undefined && { suffix: forMatching(quote.suffix) }),
  };
  const decomposed = decompose(text);
  if (!decomposed) return matchInText(text, { quote: decomposedQuote, position });
  const hint = position && {
    ...position,
    start: decomposed.to[Math.min(position.start, text.length)] as number,
    end: decomposed.to[Math.min(position.end, text.length)] as number,
  };
  const match = matchInText(decomposed.text, { quote: decomposedQuote, ...(hint && { position: hint }) });
  if (match.status !== 'found') return match;
  const start = (decomposed.from[match.start] as TextSpan).start;
  const end = (decomposed.from[match.end - 1] as TextSpan).end;
  return { ...match, start, end };
}

function matchInText(text: string, selectors: SelectorSet): QuoteMatch {
  const quote = asModelText(selectors.quote.exact).trim();
  if (!quote) return { status: 'not-found', reason: 'absent' };
  const prefix = selectors.quote.prefix === undefined ? undefined : asModelText(selectors.quote.prefix);
  const suffix = selectors.quote.suffix === undefined ? undefined : asModelText(selectors.quote.suffix);
  const expected: Expected = {
    quote,
    prefix,
    suffix,
    hint: selectors.position?.start,
    startsWord: prefix !== undefined && isWordBoundary(prefix + quote, prefix.length),
    endsWord: suffix !== undefined && isWordBoundary(quote + suffix, quote.length),
  };
  // Unchanged where the position says, with its context: what searching the whole text would answer
  // (matchExactly's first rule), without that search and the scoring of every occurrence (N highlights
  // in a long copy searched it N times). Only a quote of common characters may occur so often that
  // the search answers "ambiguous" even then: that one is still searched for, its occurrences unscored.
  const inPlace = atPosition(text, expected);
  const spans = inPlace && !mayOccurTooOften(text, quote) ? [] : exactOccurrences(text, quote);
  if (inPlace && spans.length <= MAX_OCCURRENCES) return { status: 'found', ...inPlace, method: 'position' };
  const exact = spans.length > 0 ? matchExactly(text, spans, expected) : null;
  if (exact?.status === 'found' && exact.method === 'position' && !exact.oneSided) return withoutFlag(exact);
  if (exact?.status === 'not-found' && exact.reason === 'ambiguous') return exact;
  // The page changed. The highlighted place may still be there with the quote edited, or emptied:
  // then the exact occurrence found elsewhere is another copy.
  const copies = spans.filter((span) => keepsWordBoundaries(text, span, expected));
  const approximate = matchApproximately(text, copies.length ? blankOut(text, copies) : text, expected);
  const edited = approximate.match;
  if (exact?.status !== 'found') return edited ?? exact ?? { status: 'not-found', reason: 'absent' };
  // Paragraphs alike but for a number (a template, a list): a lookalike whose context only nearly
  // agrees does not outweigh the quote unchanged with its whole context around it (review).
  if (edited && !approximate.contextUnchanged && hasWholeContext(text, exact, expected)) return withoutFlag(exact);
  if (edited?.status === 'found') {
    // An edited place that fits both sides beats a copy that fits one; against a copy that fits both, nobody can tell.
    return exact.oneSided ? edited : { status: 'not-found', reason: 'ambiguous' };
  }
  if (edited) return edited;
  if (contextMeetsWithoutQuote(text, exact, expected)) return { status: 'not-found', reason: 'absent' };
  return withoutFlag(exact);
}

const withoutFlag = ({ oneSided: _, ...match }: ExactMatch & { status: 'found' }): QuoteMatch => match;
