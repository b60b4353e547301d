import { describe, expect, it } from 'vitest';
import { aboveFloor, formatTiming, summarize } from '@/scripts/eval/stats';

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

describe('aboveFloor (a page beside the floor of the same runs)', () => {
  it('is each run’s time minus that run’s floor, so a slow moment cancels out', () => {
    // The second run was slow for both pages: apart, the medians move; paired, it does not.
    expect(aboveFloor([100, 300, 110], [60, 250, 70])).toEqual([40, 50, 40]);
    expect(summarize(aboveFloor([100, 300, 110], [60, 250, 70])).median).toBe(40);
  });

  it('prints a run that painted before its floor with the digits of its size', () => {
    expect(formatTiming(summarize(aboveFloor([40, 60], [67.9, 10])))).toContain('min -27.9,');
  });

  it('refuses lists of different lengths (a run that lost one of its two pages)', () => {
    expect(() => aboveFloor([100, 110], [60])).toThrow(/2 times and 1 floors/);
  });
});
