import { describe, expect, it } from 'vitest';
import { exactOccurrences, MAX_OCCURRENCES, mayOccurTooOften } from '@/lib/annotations/quote-occurrences';

describe('telling whether a quote may occur too often to say where it was', () => {
  it('says so for a quote of common characters, overlapping occurrences too', () => {
    const text = 'x'.repeat(MAX_OCCURRENCES + 10);
    expect(exactOccurrences(text, 'xx')).toHaveLength(MAX_OCCURRENCES + 1);
    expect(mayOccurTooOften(text, 'xx')).toBe(true);
  });

  it('rules it out, without searching, when one of its characters is rare enough', () => {
    const text = `${'the cat and the dog. '.repeat(1_500)}Zebra.`;
    expect(mayOccurTooOften(text, 'the')).toBe(true);
    expect(mayOccurTooOften(text, 'the Zebra')).toBe(false);
    expect(mayOccurTooOften(text, 'cat')).toBe(false); // "c" occurs 1,500 times
  });
});
