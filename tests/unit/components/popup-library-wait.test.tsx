import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/popup-app';
import { SearchPanel } from '@/components/side-panel/search-panel';

beforeEach(() => {
  // The popup asks for its window (to open the side panel there); the fake browser has none.
  vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
});

// Words no blog article holds: only the user's library could answer them.
const query = 'pelican ledger zugspitze';

describe('a search the library has not answered yet', () => {
  it('the popup says it is searching the library, and only then that nothing matches', async () => {
    render(<PopupApp initialState={{ query, topic: null, tag: null }} />);
    // At mounting the library is not read yet (it loads after the first paint).
    expect(screen.getByRole('status').textContent).toBe('Searching your library…');
    expect(screen.queryByText(/No articles match/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Did you mean/ })).toBeNull();
    // Read (an empty library here): now it is "nothing matches".
    expect(await screen.findByText(/No articles match/, undefined, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByText('Searching your library…')).toBeNull();
    // An empty library: nothing to say about saved pages.
    expect(screen.queryByText('Your saved pages were searched too.')).toBeNull();
  });

  it('a topic filter leaves the library out: nothing to wait for', () => {
    render(<PopupApp initialState={{ query, topic: 'caching', tag: null }} />);
    expect(screen.getByRole('status').textContent).toMatch(/No articles match/);
    expect(screen.queryByText('Your saved pages were searched too.')).toBeNull();
  });

  it('the side panel’s search waits for the library the same way', async () => {
    function PanelSearch() {
      const [text, setText] = useState('');
      return <SearchPanel query={text} onQueryChange={setText} onShow={() => {}} />;
    }
    const { container } = render(<PanelSearch />);
    const box = within(container).getByRole('combobox');
    fireEvent.change(box, { target: { value: query } });
    expect(within(container).getByRole('status').textContent).toBe('Searching your library…');
    expect(await within(container).findByText(/Nothing in Shelf matches/, undefined, { timeout: 20_000 })).toBeTruthy();
  });
});
