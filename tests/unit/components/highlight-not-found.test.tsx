import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HighlightList } from '@/components/annotations/highlight-list';
import type { Highlight } from '@/lib/db/schema';

const highlight = (id: string, exact: string, pageAnchor?: 'found' | 'not-found'): Highlight => ({
  id,
  itemId: 'article:a',
  selectors: { quote: { type: 'TextQuoteSelector', exact } },
  note: '',
  color: 'yellow',
  createdAt: 1,
  updatedAt: 1,
  ...(pageAnchor ? { pageAnchor } : {}),
});

// Issue #16, acceptance 2: a highlight the page no longer holds is "listed as "not found on this
// page" on the card" — in those words (Playwright's toContainText is case-sensitive).
describe('the card lists a highlight its page no longer holds', () => {
  it('as "not found on this page", and only that one', () => {
    render(
      <HighlightList
        highlights={[
          highlight('h1', 'The log is flushed first.', 'not-found'),
          highlight('h2', 'Readers never block.', 'found'),
        ]}
      />,
    );
    const list = screen.getByRole('list', { name: 'Highlights' });
    const [gone, kept] = within(list).getAllByRole('listitem');
    expect(gone?.textContent).toContain('not found on this page');
    expect(kept?.textContent).not.toContain('not found');
    expect(screen.getAllByText('not found on this page')).toHaveLength(1);
  });
});
