import { describe, expect, it } from 'vitest';
import { echoedQuery } from '@/lib/search/shown-line';

describe('a query as a status line repeats it', () => {
  it('drops the marks of a query that is one quoted phrase: the line quotes it', () => {
    expect(echoedQuery('“the sea is singing”')).toBe('the sea is singing');
    expect(echoedQuery(' "standalone mode" ')).toBe('standalone mode');
    expect(echoedQuery('"a" and "b"')).toBe('"a" and "b"');
    expect(echoedQuery('runtime "standalone mode"')).toBe('runtime "standalone mode"');
  });

  // Review: a regular expression with spaces on both sides of a lazy run took 34 s for a quote mark,
  // 5,000 spaces and a letter; the line is made at each render of "No … matches".
  it('reads a long pasted query once: a quote mark, thousands of spaces, a word', () => {
    expect(echoedQuery(`"${' '.repeat(50_000)}x`)).toBe('" x');
    expect(echoedQuery(`"${' '.repeat(50_000)}x"`)).toBe('x');
  });
});
