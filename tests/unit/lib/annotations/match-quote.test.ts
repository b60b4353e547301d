import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { selectorsOfSpan } from '@/lib/annotations/describe-range';
import { matchQuote } from '@/lib/annotations/match-quote';
import { exactOccurrences } from '@/lib/annotations/quote-occurrences';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { createRandom } from '@/scripts/eval/synthetic-corpus';

/**
 * A quote still where its position says is found there without searching the whole text for it
 * (what made N highlights on a long copy cost N passes over it), and every answer is the one the
 * whole-text search gives.
 */

const search = vi.hoisted(() => ({ always: false }));
vi.mock('@/lib/annotations/quote-occurrences', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/annotations/quote-occurrences')>();
  return {
    ...actual,
    // Counted, to tell whether the whole text was searched.
    exactOccurrences: vi.fn(actual.exactOccurrences),
    // `search.always` makes every quote take the whole-text search, as before the position was tried first.
    mayOccurTooOften: (text: string, quote: string) => search.always || actual.mayOccurTooOften(text, quote),
  };
});
const fullSearches = vi.mocked(exactOccurrences);

beforeEach(() => {
  search.always = false;
  fullSearches.mockClear();
});

const SENTENCE = 'Readers never block writers because each reader sees a snapshot of the log.';
/** The same sentence twice, apart, in a long text: only the position tells which was highlighted. */
const TEXT = `${SENTENCE} ${'Filler words between them. '.repeat(2_000)}${SENTENCE} The end.`;
const secondAt = TEXT.lastIndexOf('each reader');

describe('matching a quote at its stored position first', () => {
  it('finds a quote unchanged at its position without searching the text', () => {
    const selectors = selectorsOfSpan(TEXT, secondAt, secondAt + 'each reader sees a snapshot'.length);
    expect(matchQuote(TEXT, selectors)).toEqual({
      status: 'found',
      start: secondAt,
      end: secondAt + 27,
      method: 'position',
    });
    expect(fullSearches).not.toHaveBeenCalled();
  });

  it('paints the copy the position names of two identical quotes with the same context, searching neither', () => {
    const quote = 'never block writers';
    const first = TEXT.indexOf(quote);
    const second = TEXT.lastIndexOf(quote);
    // Prefix "Readers " and suffix " because each…" are the same around both.
    const at = (start: number): SelectorSet => ({
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: 'Readers ', suffix: ' because each reader' },
      position: { type: 'TextPositionSelector', start, end: start + quote.length },
    });
    expect(matchQuote(TEXT, at(first))).toMatchObject({ status: 'found', start: first, method: 'position' });
    expect(matchQuote(TEXT, at(second))).toMatchObject({ status: 'found', start: second, method: 'position' });
    expect(fullSearches).not.toHaveBeenCalled();
  });

  it('searches the text once when the quote moved, and finds it where it is', () => {
    const selectors = selectorsOfSpan(TEXT, secondAt, secondAt + 27);
    const note = 'An editor’s note added later. ';
    expect(matchQuote(note + TEXT, selectors)).toEqual({
      status: 'found',
      start: note.length + secondAt,
      end: note.length + secondAt + 27,
      method: 'exact',
    });
    expect(fullSearches).toHaveBeenCalledTimes(1);
  });

  it('still calls a word found more than 2,000 times ambiguous, at its position or not', () => {
    const text = 'the cat and the dog. '.repeat(1_500);
    const at = text.indexOf('the', 4_000);
    expect(matchQuote(text, selectorsOfSpan(text, at, at + 3))).toEqual({ status: 'not-found', reason: 'ambiguous' });
    expect(fullSearches).toHaveBeenCalledTimes(1);
  });

  it('answers as the whole-text search does, for quotes in place, moved, repeated, edited, imported and absent', () => {
    // Few words, so quotes repeat; some decomposed, so positions are mapped.
    const words = ['cache', 'cachet', 'the', 'log', 'write', 'ahead', 'lock', 'café', 'cafe\u0301', 'a', '—', 'log.'];
    let inPlace = 0;
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const random = createRandom(seed); // seeded by fast-check, which shrinks the seed
        const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
        const length = 5 + Math.floor(random() * 120);
        const text = Array.from({ length }, () => pick(words)).join(' ');
        const start = Math.floor(random() * text.length);
        const end = Math.min(text.length, start + 1 + Math.floor(random() * 40));
        if (!text.slice(start, end).trim()) return;
        const stored = selectorsOfSpan(text, start, end);
        const roll = random();
        const around = Math.floor(random() * 30);
        // The page as it is now: unchanged, a word after the quote lengthened, words added before, the
        // quote's place or its context edited.
        const now =
          roll < 0.25
            ? text
            : roll < 0.3
              ? `${text.slice(0, end)}t${text.slice(end)}` // "cache" now "cachet"
              : roll < 0.4
                ? `${pick(words)} ${pick(words)} ${text}`
                : roll < 0.5
                  ? `${text.slice(0, start)}${pick(words)}${text.slice(end)}`
                  : roll < 0.6
                    ? `${text.slice(0, Math.max(0, start - around))}${pick(words)} ${text.slice(start)}`
                    : roll < 0.7
                      ? `${text.slice(0, end)} ${pick(words)}${text.slice(end + around)}`
                      : text;
        const selectors: SelectorSet =
          roll < 0.75
            ? stored
            : roll < 0.8
              ? { quote: { type: 'TextQuoteSelector', exact: stored.quote.exact } } // imported
              : roll < 0.85
                ? { ...stored, quote: { ...stored.quote, suffix: undefined } } // one side of context
                : roll < 0.9
                  ? { ...stored, quote: { ...stored.quote, prefix: 'nothing like it', suffix: 'at all here' } }
                  : { ...stored, position: { type: 'TextPositionSelector', start: start + 1, end: end + 1 } }; // off by one
        search.always = true;
        const expected = matchQuote(now, selectors);
        search.always = false;
        const found = matchQuote(now, selectors);
        expect(found).toEqual(expected);
        if (found.status === 'found' && found.method === 'position') inPlace++;
      }),
      { seed: 20261207, numRuns: 2_000 },
    );
    // The generated quotes did exercise the quick path.
    expect(inPlace).toBeGreaterThan(300);
  });
});
