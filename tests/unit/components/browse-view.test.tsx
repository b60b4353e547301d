import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useBrowsePlace } from '@/components/hooks/use-browse-place';
import { BrowseView } from '@/components/side-panel/browse-view';
import type { Article } from '@/lib/corpus/article';
import { ARTICLES } from '@/lib/corpus/catalog';

/** "All articles" and an article's card with Back, as the side panel shows them: one view at a time. */
function Panel() {
  const place = useBrowsePlace();
  const [card, setCard] = useState<Article | null>(null);
  if (card)
    return (
      <button type="button" onClick={() => setCard(null)}>
        Back
      </button>
    );
  return <BrowseView articles={ARTICLES} onSelect={setCard} onAll={vi.fn()} place={place} />;
}

/** A topic group's disclosure button, named by its label and count ("Databases (12)"). */
const groupButton = (label: string) => screen.getByRole('button', { name: new RegExp(`^${label} \\(\\d+\\)$`) });

describe('All articles by topic', () => {
  // A <summary> is no button to some screen readers and test tools: they found no control to open a
  // group with (accessibility pass).
  it('opens and closes each group with a button that says whether it is expanded and what it controls', () => {
    render(<Panel />);
    const databases = groupButton('Databases');
    expect(databases.getAttribute('aria-expanded')).toBe('false');
    const controlled = document.getElementById(databases.getAttribute('aria-controls') ?? '');
    expect(controlled?.hidden).toBe(true);
    expect(screen.queryByRole('list', { name: 'Databases' })).toBeNull();

    fireEvent.click(databases);
    expect(databases.getAttribute('aria-expanded')).toBe('true');
    expect(controlled?.hidden).toBe(false);
    expect(controlled?.contains(screen.getByRole('list', { name: 'Databases' }))).toBe(true);
    expect(groupButton('Caching & Redis').getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(databases);
    expect(databases.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list', { name: 'Databases' })).toBeNull();
  });

  // Back found the group closed again and the focus on the view's heading (QA pass).
  it('Back from a card opened here finds its group open and the focus on the article’s button', () => {
    render(<Panel />);
    fireEvent.click(groupButton('Databases'));
    const third = within(screen.getByRole('list', { name: 'Databases' })).getAllByRole('button')[2] as HTMLElement;
    const title = third.textContent;
    third.focus();
    fireEvent.click(third);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(groupButton('Databases').getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.textContent).toBe(title);
  });
});
