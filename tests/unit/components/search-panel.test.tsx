import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useBrowsePlace } from '@/components/hooks/use-browse-place';
import { SearchPanel } from '@/components/side-panel/search-panel';

/** The side panel's search, its query kept above it as the side panel keeps it. */
function PanelSearch() {
  const [query, setQuery] = useState('');
  return <SearchPanel query={query} onQueryChange={setQuery} onShow={() => {}} />;
}

const searchBox = () => screen.getByRole<HTMLInputElement>('combobox', { name: 'Search Shelf' });
const results = () => within(screen.getByRole('listbox', { name: 'Search results' })).getAllByRole('option');

describe('Search Shelf, in the side panel', () => {
  it('offers a correction as the popup does: a button that searches for it, the focus back in the search box', async () => {
    const user = userEvent.setup();
    render(<PanelSearch />);
    fireEvent.change(searchBox(), { target: { value: 'thndrng ' } });
    const suggestion = await screen.findByRole('button', { name: 'Did you mean “thundering”?' });
    expect(screen.getByRole('status').textContent).toBe(
      'Nothing in Shelf matches “thndrng”. Did you mean “thundering”?',
    );

    await user.click(suggestion);
    expect(searchBox().value).toBe('thundering');
    expect(results()[0]?.textContent).toContain('Thundering Herd');
    // The button went with the results it brought: ↓ goes on from the search box.
    expect(document.activeElement).toBe(searchBox());
  });

  it('Escape clears the search; in an empty search box it is left to whatever else listens for it', () => {
    render(<PanelSearch />);
    fireEvent.change(searchBox(), { target: { value: 'thundering herd' } });
    expect(results().length).toBeGreaterThan(0);

    // fireEvent returns false when the event was cancelled: handled.
    expect(fireEvent.keyDown(searchBox(), { key: 'Escape' })).toBe(false);
    expect(searchBox().value).toBe('');
    expect(screen.queryByRole('listbox', { name: 'Search results' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');

    expect(fireEvent.keyDown(searchBox(), { key: 'Escape' })).toBe(true);
    expect(searchBox().value).toBe('');
  });

  // QA pass: Back from a result opened here put the focus on the view's heading and chose the first result.
  it('Back from a result opened here: the focus in the search box, that result still chosen', async () => {
    function PanelWithBack() {
      const [query, setQuery] = useState('');
      const [opened, setOpened] = useState(false);
      const place = useBrowsePlace();
      return opened ? (
        <button type="button" onClick={() => setOpened(false)}>
          Back
        </button>
      ) : (
        <>
          <h2 tabIndex={-1}>All articles by topic</h2>
          <SearchPanel query={query} onQueryChange={setQuery} onShow={() => setOpened(true)} place={place} />
        </>
      );
    }
    render(<PanelWithBack />);
    fireEvent.change(searchBox(), { target: { value: 'thundering herd' } });
    await waitFor(() => expect(results().length).toBeGreaterThan(1));
    fireEvent.keyDown(searchBox(), { key: 'ArrowDown' });
    fireEvent.keyDown(searchBox(), { key: 'ArrowDown' });
    const chosen = results()[1]?.textContent;
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    const back = await screen.findByRole('button', { name: 'Back' });
    fireEvent.click(back);
    await waitFor(() => expect(document.activeElement).toBe(searchBox()));
    expect(searchBox().value).toBe('thundering herd');
    expect(results().find((option) => option.getAttribute('aria-selected') === 'true')?.textContent).toBe(chosen);
  });
});
