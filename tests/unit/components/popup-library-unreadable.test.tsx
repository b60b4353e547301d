import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/popup-app';

// A library that cannot be read (a database error, say): the watcher reports it and never answers.
vi.mock('@/lib/search/library-live', () => ({
  watchLibraryIndex: (_onUpdate: unknown, onError: (error: unknown) => void) => {
    setTimeout(() => onError(new Error('database unreadable')), 0);
    return () => {};
  },
  getSnippetSources: async () => ({ texts: new Map(), notes: new Map() }),
}));

beforeEach(() => {
  vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('a library that cannot be read', () => {
  it('does not leave the popup "searching" for ever: it says nothing matches in the articles', async () => {
    render(<PopupApp initialState={{ query: 'pelican ledger zugspitze', topic: null, tag: null }} />);
    expect(screen.getByRole('status').textContent).toBe('Searching your library…');
    expect(await screen.findByText(/No articles match/, undefined, { timeout: 20_000 })).toBeTruthy();
    // Nor does it claim the saved pages were searched.
    expect(screen.queryByText('Your saved pages were searched too.')).toBeNull();
    expect(console.warn).toHaveBeenCalledWith('Shelf: could not search your library', expect.any(Error));
  });
});
