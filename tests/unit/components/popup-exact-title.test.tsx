import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/popup-app';

// One saved page, titled as the query the user types.
vi.mock('@/lib/search/library-live', async () => {
  const { afterMs, onePageLibraryLive } = await import('@/tests/unit/helpers/one-page-library');
  return onePageLibraryLive(
    {
      id: 'page:rtl',
      title: 'RTL Test',
      url: 'https://notes.example.org/rtl',
      text: 'Right-to-left layout checks for the settings screen, written down before the release.',
    },
    afterMs(0),
  );
});

beforeEach(() => {
  vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
});

describe('the popup’s one list', () => {
  // Both sources' best results tied and the blog's article came first: a test-runner article above "RTL Test".
  it('lists first the saved page titled exactly as the query', async () => {
    render(<PopupApp initialState={{ query: 'RTL test', topic: null, tag: null }} />);
    const list = await screen.findByRole('listbox', undefined, { timeout: 20_000 });
    const first = await within(list).findByRole('option', { name: /RTL Test/ }, { timeout: 20_000 });
    expect(within(list).getAllByRole('option')[0]).toBe(first);
    expect(within(list).getAllByRole('option').length).toBeGreaterThan(1); // articles are listed too
  });
});
