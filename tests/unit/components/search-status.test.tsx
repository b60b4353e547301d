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

/** The side panel's search, its query kept above it as the side panel keeps it. */
function PanelSearch() {
  const [query, setQuery] = useState('');
  return <SearchPanel query={query} onQueryChange={setQuery} onShow={() => {}} />;
}

// A live region added already holding its text is often not announced: each surface has one status
// line, there from the start, whose text changes.
describe('the search’s status line', () => {
  it('in the popup: there, empty, before a search, and the same element says what each search found', async () => {
    render(<PopupApp initialState={null} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    const box = screen.getByRole('combobox', { name: 'Search articles' });

    fireEvent.change(box, { target: { value: 'thundering herd' } });
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toMatch(/^(Top 20 results|\d+ results?)$/);

    // Words no blog article holds: the library is searched first, then nothing matches.
    fireEvent.change(box, { target: { value: 'pelican ledger zugspitze' } });
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe('Searching your library…');
    await within(status).findByText(/No articles match “pelican ledger zugspitze”/);
    expect(screen.getByRole('status')).toBe(status);
    fireEvent.change(box, { target: { value: 'pelican ledger zugspitze '.repeat(30) } });
    await within(status).findByText(/No articles match “pelican ledger zugspitze pelican[^”]*…”/);
    expect((status.textContent ?? '').length).toBeLessThan(150);

    fireEvent.change(box, { target: { value: '' } });
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe('');
  });

  it('in the popup: a restored search says its count in that line at once', () => {
    render(<PopupApp initialState={{ query: 'thundering herd', topic: null, tag: null }} />);
    expect(screen.getByRole('status').textContent).toMatch(/^(Top 20 results|\d+ results?)$/);
  });

  it('in the side panel: there, empty, before a search, and the same element says what each search found', async () => {
    render(<PanelSearch />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    const box = screen.getByRole('combobox', { name: 'Search Shelf' });

    fireEvent.change(box, { target: { value: 'pelican ledger zugspitze' } });
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe('Searching your library…');
    await within(status).findByText(/Nothing in Shelf matches “pelican ledger zugspitze”/);
    expect(screen.getByRole('status')).toBe(status);
    // A pasted paragraph is repeated cut to one short line (QA pass: it filled the status, read out whole).
    fireEvent.change(box, { target: { value: 'pelican ledger zugspitze '.repeat(30) } });
    await within(status).findByText(/Nothing in Shelf matches “pelican ledger zugspitze pelican[^”]*…”/);
    expect((status.textContent ?? '').length).toBeLessThan(100);
    // A quoted phrase is repeated inside the line's quotes alone (QA pass: ““the sea is singing””).
    for (const quoted of ['“pelican ledger”', '"pelican ledger"']) {
      fireEvent.change(box, { target: { value: quoted } });
      await within(status).findByText('Nothing in Shelf matches “pelican ledger”.');
    }

    fireEvent.change(box, { target: { value: 'thundering herd' } });
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toMatch(/^(Top 20 results|\d+ results?)$/);

    fireEvent.change(box, { target: { value: '' } });
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe('');
  });

  // QA pass: "1 result" for one search, then "1 result" for the next, left the line as it was, and a
  // screen reader said nothing of the new results.
  it('says each new search even in the words of the last one: a new node in the same line', () => {
    for (const [surface, name] of [
      [<PopupApp key="popup" initialState={null} />, 'Search articles'],
      [<PanelSearch key="panel" />, 'Search Shelf'],
    ] as const) {
      const { unmount } = render(surface);
      const status = screen.getByRole('status');
      const box = screen.getByRole('combobox', { name });
      for (const [first, next] of [
        ['kubernetes', 'stampede'],
        ['bloom filter', 'raft consensus'],
      ]) {
        fireEvent.change(box, { target: { value: first } });
        const [said, words] = [status.firstElementChild, status.textContent];
        fireEvent.change(box, { target: { value: next } });
        expect(screen.getByRole('status')).toBe(status);
        expect(status.textContent).toBe(words);
        expect(status.firstElementChild).not.toBe(said);
      }
      // The same results for a search typed on (a space, a word finding the same): not said again at each key.
      const said = status.firstElementChild;
      fireEvent.change(box, { target: { value: 'raft consensus ' } });
      expect(status.firstElementChild).toBe(said);
      fireEvent.change(box, { target: { value: 'Raft consensus' } });
      expect(status.firstElementChild).toBe(said);
      unmount();
    }
  });
});
