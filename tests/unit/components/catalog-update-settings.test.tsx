import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CatalogUpdateSettings } from '@/components/catalog-update-settings';
import { BACKGROUND_STOPPED } from '@/lib/messaging/client';
import { startCatalogUpdate } from '@/lib/settings/catalog-update';
import { type CatalogUpdateStatus, PREFERENCES, setPreference } from '@/lib/settings/preferences';

vi.mock('@/lib/settings/catalog-update', async (original) => ({
  ...(await original<typeof import('@/lib/settings/catalog-update')>()),
  startCatalogUpdate: vi.fn(),
}));

const running: CatalogUpdateStatus = { state: 'running', phase: 'pages', done: 2, total: 5, lines: [], at: Date.now() };

// QA pass: the progress and the report were status regions added already holding their text, which
// screen readers often do not announce. They are there, empty, before the update starts.
describe('"Update articles from the blog": progress and report said as they come', () => {
  it('fills regions that were there before it ran', async () => {
    render(<CatalogUpdateSettings />);
    await screen.findByRole('button', { name: 'Update articles from the blog' });
    const report = screen.getByRole('status', { name: 'Last catalog update' });
    const [progress, ...others] = screen.getAllByRole('status').filter((region) => region !== report);
    expect(others).toEqual([]);
    expect([progress?.textContent, report.textContent]).toEqual(['', '']);

    await setPreference(PREFERENCES.catalogUpdateStatus, running);
    await waitFor(() => expect(progress?.textContent).toBe(' Reading article pages (2 of 5)'));
    expect(progress?.isConnected).toBe(true);
    expect(screen.getByRole('progressbar', { name: 'Catalog update' })).toBeTruthy();

    const lines = ['2 addresses filled in', '3 new articles'];
    await setPreference(PREFERENCES.catalogUpdateStatus, { ...running, state: 'done', phase: 'done', lines });
    await waitFor(() => expect(report.textContent).toContain('2 addresses filled in3 new articles'));
    expect(report.isConnected).toBe(true);
    expect(progress?.textContent).toBe('');
  });
});

// QA pass: after the background stopped mid-update, the button stayed disabled for five minutes
// beside the "try again" it showed, since the stored status still said "running".
describe('"Update articles from the blog" after the background stopped mid-update', () => {
  it('lets the user try again at once', async () => {
    await setPreference(PREFERENCES.catalogUpdateStatus, null);
    // The update starts, then its service worker stops: the status it wrote stays "running".
    vi.mocked(startCatalogUpdate).mockImplementation(async () => {
      await setPreference(PREFERENCES.catalogUpdateStatus, { ...running, at: Date.now() });
      return { ok: false, message: BACKGROUND_STOPPED };
    });
    render(<CatalogUpdateSettings />);
    const button = await screen.findByRole('button', { name: 'Update articles from the blog' });
    await act(async () => fireEvent.click(button));
    expect((await screen.findByRole('alert')).textContent).toBe(BACKGROUND_STOPPED);
    expect(button.getAttribute('aria-disabled')).toBeNull();
    await act(async () => fireEvent.click(button));
    expect(startCatalogUpdate).toHaveBeenCalledTimes(2);
  });
});
