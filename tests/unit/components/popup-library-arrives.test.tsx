import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/popup-app';

// A library read a moment after the popup opened (as on a busy machine), holding one saved page.
vi.mock('@/lib/search/library-live', async () => {
  const { afterMs, onePageLibraryLive } = await import('@/tests/unit/helpers/one-page-library');
  return onePageLibraryLive(
    {
      id: 'page:convoys',
      title: 'Aid agencies warn of famine',
      url: 'https://news.example.org/famine',
      text: 'Relief convoys finally reached the camps below the Zugspitze after weeks of negotiation.',
    },
    afterMs(300),
  );
});

beforeEach(() => {
  vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
});

describe('a saved page the library finds once it is read', () => {
  it('is listed after "Searching your library…", with no "nothing matches" in between', async () => {
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(document.body.textContent ?? ''));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    render(<PopupApp initialState={{ query: 'zugspitze', topic: null, tag: null }} />);
    expect(screen.getByRole('status').textContent).toBe('Searching your library…');
    const list = await screen.findByRole('listbox', undefined, { timeout: 20_000 });
    observer.disconnect();
    // Only the saved page has the word.
    const options = within(list).getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]?.textContent).toContain('Aid agencies warn of famine');
    expect(said.some((text) => /No articles match|Did you mean/.test(text))).toBe(false);
  });
});
