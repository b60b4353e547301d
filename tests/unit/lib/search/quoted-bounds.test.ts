import { describe, expect, it, vi } from 'vitest';
import { holdsQuoted, quotedPhrases } from '@/lib/search/quoted';
import { MAX_QUERY_WORDS, normalizeText } from '@/lib/search/text';

vi.mock('@/lib/search/text', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/search/text')>();
  return { ...actual, normalizeText: vi.fn(actual.normalizeText) };
});

// Red-team pass: a query of many quoted words (typed, or a page's selection searched) had each saved
// copy listed read whole once per phrase, on the page's main thread: 250 phrases over a 3 MB copy
// held the popup for some 45 seconds per copy.
describe('quoted phrases are bounded', () => {
  it('a query of 500 quote marks asks for no more words than a query may have', () => {
    const query = Array.from({ length: 250 }, (_, at) => `"word${at}"`).join(' ');
    const words = quotedPhrases(query).reduce((sum, phrase) => sum + phrase.words.length, 0);
    expect(words).toBeGreaterThan(0);
    expect(words).toBeLessThanOrEqual(MAX_QUERY_WORDS);
    expect(quotedPhrases('"cache" '.repeat(250))).toHaveLength(1);
  });

  it('a copy is read once however many phrases are quoted', () => {
    const copy = 'Alpha came first. Then beta, and gamma after it; delta last. '.repeat(50);
    vi.mocked(normalizeText).mockClear();
    expect(holdsQuoted(['A title', copy], quotedPhrases('"alpha" "beta" "gamma" "delta"'))).toBe(true);
    expect(holdsQuoted([copy], quotedPhrases('"alpha" "gamma after it" "epsilon"'))).toBe(false);
    expect(vi.mocked(normalizeText).mock.calls.filter(([text]) => text === copy)).toHaveLength(2);
  });
});
