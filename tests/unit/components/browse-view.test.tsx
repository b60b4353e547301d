import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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

const group = (label: string) =>
  screen.getAllByRole('group').find((details) => details.querySelector('summary')?.textContent?.startsWith(label));

describe('All articles by topic', () => {
  // Back found the group closed again and the focus on the view's heading (QA pass).
  it('Back from a card opened here finds its group open and the focus on the article’s button', async () => {
    render(<Panel />);
    const databases = screen.getByText('Databases').closest('details') as HTMLDetailsElement;
    expect(databases.open).toBe(false);
    databases.open = true; // as a press on its summary does
    await waitFor(() => expect(group('Databases')?.hasAttribute('open')).toBe(true));
    const third = within(screen.getByRole('list', { name: 'Databases' })).getAllByRole('button')[2] as HTMLElement;
    const title = third.textContent;
    third.focus();
    fireEvent.click(third);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect((screen.getByText('Databases').closest('details') as HTMLDetailsElement).open).toBe(true);
    expect(document.activeElement?.textContent).toBe(title);
  });
});
