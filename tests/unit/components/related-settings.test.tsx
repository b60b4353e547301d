import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RelatedSettings } from '@/components/settings/related-settings';
import { hideOnSite } from '@/lib/content/hidden-sites';

describe('Settings: sites where related articles never appear', () => {
  // "Don't show on this site" in a page's box adds one while Settings is open: it kept saying "No sites".
  it('shows a site added from elsewhere while open', async () => {
    render(<RelatedSettings />);
    await screen.findByText(/No sites/);
    await hideOnSite('news.example.org'); // the box on a page, through the background
    const list = await screen.findByRole('list', { name: 'Sites where related articles never appear' });
    expect(within(list).getByText(/news\.example\.org/)).toBeTruthy();
  });
});
