import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BlogBoxSettings } from '@/components/settings/blog-box-settings';
import { getPreference, PREFERENCES } from '@/lib/settings/preferences';

// Issue #15: the box's dismissal is per article, "with "don't show on this blog" in Settings".
describe('Settings: the box on the blog', () => {
  it('has a "Don\'t show on this blog" checkbox that hides the box everywhere on the blog', async () => {
    render(<BlogBoxSettings />);
    // The hint beside it is its description: reading progress is kept either way.
    const hide = await screen.findByRole('checkbox', {
      name: "Don't show on this blog",
      description: /reading progress is kept either way/,
    });
    await waitFor(() => expect((hide as HTMLInputElement).disabled).toBe(false));
    expect((hide as HTMLInputElement).checked).toBe(false);
    fireEvent.click(hide);
    await waitFor(async () => expect(await getPreference(PREFERENCES.blogBoxHidden)).toBe(true));
    expect((hide as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'Offer to resume where I left off' })).toBeTruthy();
  });
});
