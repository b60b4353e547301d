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

  it('reads quote lines of 400,000 spaces or brackets at once (a crafted export froze the importing page)', () => {
    // Omnivore's link was looked for with a regex that tried each position of a line to its end: 40,000 took seconds.
    const spaces = ' '.repeat(400_000);
    expect(quotesFromMarkdown(`> Spaced${spaces}out [⤴️](https://omnivore.app/me/a#1)\n\nIts note`)).toEqual({
      quotes: [{ quote: `Spaced${spaces}out`, note: 'Its note' }],
      rest: '',
    });
    const brackets = `${'['.repeat(400_000)}x`;
    expect(quotesFromMarkdown(`> ${brackets}`).quotes).toEqual([{ quote: brackets, note: '' }]);
    // A link to Omnivore of any label, whose label holds a parenthesis, ends the quote too.
    expect(quotesFromMarkdown('> Quoted [see (1)](https://omnivore.app/me/c)').quotes).toEqual([
      { quote: 'Quoted', note: '' },
    ]);
  });

  it('keeps a file without quotes as text', () => {
    expect(quotesFromMarkdown('Just a note\nabout it.')).toEqual({ quotes: [], rest: 'Just a note\nabout it.' });
  });
});
