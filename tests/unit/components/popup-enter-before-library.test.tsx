import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SETTLE_WAIT_MS } from '@/components/hooks/use-enter-once-settled';
import { PopupApp } from '@/components/popup/popup-app';
import { SearchPanel } from '@/components/side-panel/search-panel';
import { openInNewTab, showFromPopup } from '@/lib/popup/popup-commands';
import type { SidePanelView } from '@/lib/side-panel/view';

const PAGE_TEXT =
  'The water pumps failed twice. Pool exhaustion at the relief camps left the Zugspitze convoys waiting for days.';

/** The library is read when the test says so (as on a busy machine, a moment after the popup opened). */
const library = vi.hoisted(() => ({ release: null as (() => void) | null, never: false }));

vi.mock('@/lib/search/library-live', async () => {
  const { onePageLibraryLive } = await import('@/tests/unit/helpers/one-page-library');
  const page = { id: 'page:convoys', title: 'Aid agencies warn of famine', url: 'https://news.example.org/famine' };
  return onePageLibraryLive(
    { ...page, text: PAGE_TEXT },
    (deliver) => {
      library.release = deliver;
      return () => {};
    },
    PAGE_TEXT,
  );
});

vi.mock('@/lib/popup/popup-commands', () => ({
  openInNewTab: vi.fn(async () => {}),
  showFromPopup: vi.fn(),
}));

beforeEach(() => {
  library.release = null;
  vi.mocked(openInNewTab).mockClear();
  vi.mocked(showFromPopup).mockClear();
  vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
});

afterEach(() => {
  vi.useRealTimers();
});

const searchBox = () => screen.getByRole('combobox', { name: 'Search articles' });

/** The popup opened on `query`, the blog's articles listed and the library not read yet. */
async function openBeforeLibrary(query: string) {
  render(<PopupApp initialState={{ query, topic: null, tag: null }} />);
  await waitFor(() => expect(library.release).not.toBeNull());
}

describe('Enter pressed before the library has been read (a phrase pasted and entered at once)', () => {
  it('opens the saved page that comes first once the library answers, not the article listed before it', async () => {
    await openBeforeLibrary('pool exhaustion at the relief camps');
    // Only the blog's articles so far: the one on connection pools first.
    const before = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(before[0]?.textContent).toMatch(/Connection Pool Exhaustion/);

    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openInNewTab).not.toHaveBeenCalled();
    expect(showFromPopup).not.toHaveBeenCalled();

    library.release?.();
    await waitFor(() => expect(showFromPopup).toHaveBeenCalledTimes(1));
    const [, view] = vi.mocked(showFromPopup).mock.calls[0] ?? [];
    expect(view).toMatchObject({ kind: 'reader', itemId: 'page:convoys' });
    expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]?.textContent).toContain(
      'Aid agencies warn of famine',
    );
    expect(openInNewTab).not.toHaveBeenCalled();
  });

  it('with nothing listed yet, opens what the library finds', async () => {
    await openBeforeLibrary('zugspitze convoys');
    expect(screen.getByRole('status').textContent).toBe('Searching your library…');
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    library.release?.();
    await waitFor(() => expect(showFromPopup).toHaveBeenCalledTimes(1));
    expect(vi.mocked(showFromPopup).mock.calls[0]?.[1]).toMatchObject({ kind: 'reader', itemId: 'page:convoys' });
  });

  it('is dropped when the query changes before the library answers', async () => {
    await openBeforeLibrary('pool exhaustion at the relief camps');
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    fireEvent.change(searchBox(), { target: { value: 'pool exhaustion at the relief camp' } });
    library.release?.();
    await waitFor(() =>
      expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]?.textContent).toContain(
        'Aid agencies warn of famine',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(showFromPopup).not.toHaveBeenCalled();
    expect(openInNewTab).not.toHaveBeenCalled();
  });

  it('opens what is listed when the library is still not read after a while', async () => {
    await openBeforeLibrary('pool exhaustion at the relief camps');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    vi.advanceTimersByTime(SETTLE_WAIT_MS - 1);
    expect(openInNewTab).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(openInNewTab).toHaveBeenCalledTimes(1);
    expect(vi.mocked(openInNewTab).mock.calls[0]?.[0]).toMatchObject({
      id: 'database-connection-pool-exhaustion-when-your-app-freezes-at-100-users',
    });
  });
});

describe('Enter in the side panel’s search before the library has been read', () => {
  it('opens the saved page that comes first once the library answers', async () => {
    const shown: SidePanelView[] = [];
    function PanelSearch() {
      const [text, setText] = useState('');
      return <SearchPanel query={text} onQueryChange={setText} onShow={(view) => shown.push(view)} />;
    }
    render(<PanelSearch />);
    const box = screen.getByRole('combobox', { name: 'Search Shelf' });
    fireEvent.change(box, { target: { value: 'pool exhaustion at the relief camps' } });
    await waitFor(() => expect(library.release).not.toBeNull());
    expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]?.textContent).toMatch(
      /Connection Pool Exhaustion/,
    );
    fireEvent.keyDown(box, { key: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown).toEqual([]);
    library.release?.();
    await waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]).toMatchObject({ kind: 'reader', itemId: 'page:convoys' });
  });
});
