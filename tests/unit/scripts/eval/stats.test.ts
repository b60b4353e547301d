import { describe, expect, it } from 'vitest';
import { formatTiming, summarize } from '@/scripts/eval/stats';

describe('summarize (bench figures)', () => {
  it('gives the median, p95 and range of the samples', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(summarize(samples)).toEqual({ median: 11, p95: 20, min: 1, max: 20, samples: 20 });
  });

  it('refuses a failed measurement instead of printing "median NaN ms"', () => {
    expect(() => summarize([12, Number.NaN, 14])).toThrow(/NaN: the measurement failed/);
    expect(() => summarize([Number.POSITIVE_INFINITY])).toThrow(/measurement failed/);
    expect(() => summarize([])).toThrow(/no timing samples/);
  });

  it('formats a timing with its sample count', () => {
    expect(formatTiming(summarize([1, 2, 3]))).toContain('n=3');
  });
});
