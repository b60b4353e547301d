import { describe, expect, it } from 'vitest';
import { quotesFromMarkdown } from '@/lib/import/omnivore-highlights';

describe('Omnivore’s highlights/{slug}.md', () => {
  it('reads each quote block with the annotation after it, dropping the link back to Omnivore', () => {
    const markdown = [
      'Read again before the design review.',
      '',
      '> First line of a quote',
      '> and its second line. [⤴️](https://omnivore.app/me/slug#1)',
      '',
      'My note on it,',
      'over two lines.',
      '',
      '> A quote without a note [⤴️](https://omnivore.app/me/slug#2)',
      '>',
      '> Another quote right after. [⤴️](https://omnivore.app/me/slug#3) ',
    ].join('\r\n');
    expect(quotesFromMarkdown(markdown)).toEqual({
      quotes: [
        { quote: 'First line of a quote\nand its second line.', note: 'My note on it,\nover two lines.' },
        // Omnivore's link ends a highlight, even where the next quote follows at once.
        { quote: 'A quote without a note', note: '' },
        { quote: 'Another quote right after.', note: '' },
      ],
      rest: 'Read again before the design review.',
    });
  });

  it('keeps a file without quotes as text', () => {
    expect(quotesFromMarkdown('Just a note\nabout it.')).toEqual({ quotes: [], rest: 'Just a note\nabout it.' });
  });
});
