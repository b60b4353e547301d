import { describe, expect, it } from 'vitest';
import { getHighlightRanges, splitAtHighlights } from '@/lib/search/highlight';
import { normalizeText, termsOfWord } from '@/lib/search/text';

const marked = (text: string, words: string[], prefix: string | null = null) =>
  getHighlightRanges(text, new Set(words.flatMap(termsOfWord)), prefix).map((r) => text.slice(r.start, r.end));

describe('getHighlightRanges', () => {
  it('marks every form of a matched word, merging neighbours into one range', () => {
    expect(marked('Retries and retry storms: retrying hurts', ['retry'])).toEqual(['Retries', 'retry', 'retrying']);
    expect(marked('A thundering herd of requests', ['thundering', 'herd'])).toEqual(['thundering herd']);
  });

  it('marks words starting with the word being typed', () => {
    expect(marked('Idempotency keys for idempotent consumers', [], 'idemp')).toEqual(['Idempotency', 'idempotent']);
  });

  // QA pass: "wifi" found the page saying "Wi-Fi password" (the index holds hyphenated words joined
  // too), and no passage showed it: nothing was marked, so the reader opened at the top.
  it('marks a hyphenated word whole when the query wrote it joined', () => {
    expect(marked('Enter the Wi-Fi password, then check your e-mail.', ['wifi', 'password'])).toEqual([
      'Wi-Fi password',
    ]);
    expect(marked('Enter the Wi-Fi password, then check your e-mail.', ['email'])).toEqual(['e-mail']);
    expect(marked('An on-call engineer', ['call'])).toEqual(['call']); // a part, as before
  });

  it('never returns overlapping or out-of-order ranges', () => {
    const ranges = getHighlightRanges('cache cache-stampede caching', new Set(termsOfWord('cache')), 'cach');
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.start).toBeGreaterThan(ranges[i - 1]!.end);
  });

  it('marks words in texts whose length normalizing changes (ellipses, ligatures, accents)', () => {
    expect(marked('Wait… the café’s ﬁrst naïve retry', ['cafe', 'first', 'naive', 'retry'])).toEqual([
      'café',
      'ﬁrst naïve retry',
    ]);
    expect(marked('Crème brûlée… Ørsted 𝒳 retries', ['creme', 'brulee', 'retry'])).toEqual(['Crème brûlée', 'retries']);
    // Scripts whose normalizing depends on context (Greek's final sigma) or reorders marks (Arabic).
    const folded = (text: string, word: string) =>
      getHighlightRanges(text, new Set(termsOfWord(normalizeText(word))), null).map((r) => text.slice(r.start, r.end));
    expect(folded('Η ΟΔΟΣ ΕΙΝΑΙ', 'οδός')).toEqual(['ΟΔΟΣ']);
    expect(folded('قال مُحَمَّد ذلك', 'مُحَمَّد')).toEqual(['مُحَمَّد']);
  });

  it('returns nothing when nothing matched', () => {
    expect(getHighlightRanges('anything', new Set(), null)).toEqual([]);
  });
});

describe('splitAtHighlights', () => {
  it('cuts a text into plain and marked parts that put it back together', () => {
    const text = 'A thundering herd on restart';
    const parts = splitAtHighlights(text, [
      { start: 2, end: 17 },
      { start: 21, end: 28 },
    ]);
    expect(parts).toEqual([
      { text: 'A ', marked: false },
      { text: 'thundering herd', marked: true },
      { text: ' on ', marked: false },
      { text: 'restart', marked: true },
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect(splitAtHighlights(text, [])).toEqual([{ text, marked: false }]);
  });
});
