import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HighlightList } from '@/components/annotations/highlight-list';
import type { Highlight } from '@/lib/db/schema';

const highlight = (id: string, exact: string): Highlight => ({
  id,
  itemId: 'page:a',
  selectors: { quote: { type: 'TextQuoteSelector', exact } },
  note: '',
  color: 'yellow',
  createdAt: 1,
  updatedAt: 1,
});

// QA pass (keyboard and screen reader): the same sentence highlighted in two places gave the two
// buttons that show it in the text one name, where its Comment, Colour and Remove were told apart.
describe('the reader’s highlights list', () => {
  it('names the buttons that show two highlights of the same words apart, by their place', () => {
    const quote = 'Readers never block writers.';
    render(
      <HighlightList
        highlights={[highlight('h1', quote), highlight('h2', quote), highlight('h3', 'Checkpoints trim it.')]}
        notFound={new Set()}
        onShow={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: `${quote} (1st)` })).toBeTruthy();
    expect(screen.getByRole('button', { name: `${quote} (2nd)` })).toBeTruthy();
    // One of its words alone keeps its plain name (tests and users find it by its quote).
    expect(screen.getByRole('button', { name: 'Checkpoints trim it.' })).toBeTruthy();
  });
});
