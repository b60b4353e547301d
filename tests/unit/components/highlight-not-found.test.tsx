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

// Highlights on any site: a saved page's highlights are listed in the reader, which finds them in
// the copy; one the site's own page no longer showed when last opened there is said too.
describe('the reader lists a highlight the original page no longer holds', () => {
  it('as "not found on the original page when last opened", when the copy still holds it', () => {
    render(
      <HighlightList
        highlights={[
          highlight('h1', 'The log is flushed first.', 'not-found'),
          highlight('h2', 'Readers never block.', 'found'),
          highlight('h3', 'Gone from the copy too.', 'not-found'),
        ]}
        notFound={new Set(['h3'])}
        onShow={() => {}}
      />,
    );
    const [lostOnline, kept, goneHere] = within(screen.getByRole('list', { name: 'Highlights' })).getAllByRole(
      'listitem',
    );
    expect(lostOnline?.textContent).toContain('not found on the original page when last opened');
    expect(lostOnline?.textContent).not.toContain('not found on this page');
    expect(kept?.textContent).not.toContain('not found');
    expect(goneHere?.textContent).toContain('not found on this page');
    expect(goneHere?.textContent).not.toContain('original page');
  });
});
