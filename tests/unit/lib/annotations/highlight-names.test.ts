import { describe, expect, it } from 'vitest';
import { highlightNames, shortQuote } from '@/lib/annotations/highlight-names';

describe('highlightNames', () => {
  it('names a highlight by its short quote, with its place only where another shares it', () => {
    const start = 'Readers never block writers, and writers never';
    const names = highlightNames([
      { id: 'a', quote: `${start} block readers.` },
      { id: 'b', quote: 'Keep transactions short.' },
      { id: 'c', quote: `${start} wait.` },
      { id: 'd', quote: `${start} stop.` },
    ]);
    const short = shortQuote(start);
    expect(short).toBe('Readers never block writers, and writer…');
    expect(names.get('a')).toEqual({ short, place: ' (1st)' });
    expect(names.get('b')).toEqual({ short: 'Keep transactions short.', place: '' });
    expect(names.get('c')).toEqual({ short, place: ' (2nd)' });
    expect(names.get('d')).toEqual({ short, place: ' (3rd)' });
  });

  // Review: the short quote was cut by code units, and could end in half an emoji.
  it('never cuts a short quote inside an emoji', () => {
    const quote = `${'a'.repeat(38)}😀 and more words after it`;
    expect(shortQuote(quote)).toBe(`${'a'.repeat(38)}…`);
  });
});
