import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CatalogUpdateSettings } from '@/components/catalog-update-settings';
import { type CatalogUpdateStatus, PREFERENCES, setPreference } from '@/lib/settings/preferences';

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
