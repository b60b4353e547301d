import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PageActions } from '@/components/popup/page-actions';
import { ResultActions } from '@/components/popup/result-actions';
import { ARTICLES } from '@/lib/corpus/catalog';

// The issues name the popup's buttons "Save this page" (#5, #15), "Open in side panel" (#2) and
// "Save" (#4). Their keys are shown beside them but kept out of the names (aria-keyshortcuts), so a
// test asking for the exact name finds each one.
describe("the popup's buttons", () => {
  it("are named in the issues' words, their keys given as aria-keyshortcuts", () => {
    const article = ARTICLES.find((a) => a.url !== null) ?? (ARTICLES[0] as (typeof ARTICLES)[number]);
    const props = { article, onOpen: vi.fn(), onSidePanel: vi.fn(), onToggleSaved: vi.fn() };
    const view = render(<ResultActions {...props} saved={false} />);
    render(<PageActions unread={3} onReadingList={vi.fn()} />);

    expect(screen.getByRole('button', { name: 'Open article' }).getAttribute('aria-keyshortcuts')).toBe('Enter');
    expect(screen.getByRole('button', { name: 'Open in side panel' }).getAttribute('aria-keyshortcuts')).toBe(
      'Shift+Enter',
    );
    expect(screen.getByRole('button', { name: 'Save' }).getAttribute('aria-keyshortcuts')).toBe('Alt+S');
    expect(screen.getByRole('button', { name: 'Save this page' }).getAttribute('aria-keyshortcuts')).toBe(
      'Alt+Shift+S',
    );
    expect(screen.getByText('Alt+Shift+S')).toBeTruthy(); // still shown

    view.rerender(<ResultActions {...props} saved />);
    expect(screen.getByRole('button', { name: 'Saved', pressed: true })).toBeTruthy();
  });
});
