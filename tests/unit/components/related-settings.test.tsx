import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { RelatedSettings } from '@/components/settings/related-settings';
import { hideOnSite } from '@/lib/content/hidden-sites';
import { keepFocusInside } from '@/lib/dom/focus-rescue';
import { clearPreferences, getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';

describe('Settings: sites where related articles never appear', () => {
  // "Don't show on this site" in a page's box adds one while Settings is open: it kept saying "No sites".
  it('shows a site added from elsewhere while open', async () => {
    render(<RelatedSettings />);
    await screen.findByText(/No sites/);
    await hideOnSite('news.example.org'); // the box on a page, through the background
    const list = await screen.findByRole('list', { name: 'Sites where related articles never appear' });
    expect(within(list).getByText(/news\.example\.org/)).toBeTruthy();
  });

  it('marks a typed name that is no site invalid, described by the notice that says why', async () => {
    render(<RelatedSettings />);
    const field = await screen.findByLabelText('Never show on');
    fireEvent.change(field, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toMatch(/is not a site/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(notice.id);
    // QA pass: the empty box said "“” is not a site".
    fireEvent.change(field, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Type a site first: a name like example.com, or paste an address.',
      ),
    );
    fireEvent.change(field, { target: { value: 'example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBeNull());
  });

  // The focus went to the first radio button of the section, above the list (QA pass).
  it('"Show again" on the last site takes the focus to the field after the list', async () => {
    await hideOnSite('only.example.org');
    const stop = new AbortController();
    const { container } = render(<RelatedSettings />);
    keepFocusInside(container, stop.signal); // as the options page and the side panel do
    const showAgain = await screen.findByRole('button', { name: 'Show again on only.example.org' });
    showAgain.focus();
    fireEvent.click(showAgain);
    await screen.findByText(/No sites/);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Never show on')));
    stop.abort();
  });
});

describe('Settings: where related articles appear', () => {
  // QA pass: a failed permission request showed "On the blog only" checked while "Nowhere" stayed stored.
  it('a permission request that fails keeps the stored choice checked and says why', async () => {
    await setPreference(PREFERENCES.relatedPlacement, 'nowhere');
    const request = vi
      .spyOn(browser.permissions, 'request')
      .mockRejectedValue(new Error('The permission prompt was closed.'));
    render(<RelatedSettings />);
    const nowhere = await screen.findByRole<HTMLInputElement>('radio', { name: /Nowhere/ });
    await waitFor(() => expect(nowhere.checked).toBe(true));
    fireEvent.click(screen.getByRole('radio', { name: /On every site/ }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Related articles stay where they were: The permission prompt was closed.',
    );
    expect(request).toHaveBeenCalled();
    expect(nowhere.checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /On the blog only/ }).checked).toBe(false);
    expect(await getPreference(PREFERENCES.relatedPlacement)).toBe('nowhere');
  });

  // QA pass: after "Delete everything" in the same Settings, "Nowhere" stayed checked while the stored
  // choice was back to "On the blog only"; a restored backup's choice did not show either.
  it('shows a choice changed elsewhere while open (everything deleted, a backup restored)', async () => {
    await setPreference(PREFERENCES.relatedPlacement, 'nowhere');
    render(<RelatedSettings />);
    const radio = (name: RegExp) => screen.getByRole<HTMLInputElement>('radio', { name });
    await waitFor(() => expect(radio(/Nowhere/).checked).toBe(true));
    await clearPreferences();
    await waitFor(() => expect(radio(/On the blog only/).checked).toBe(true));
    await setPreference(PREFERENCES.relatedPlacement, 'nowhere');
    await waitFor(() => expect(radio(/Nowhere/).checked).toBe(true));
  });
});
