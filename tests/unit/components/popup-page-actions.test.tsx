import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PageActions } from '@/components/popup/page-actions';

const saveCurrentPage = vi.hoisted(() => vi.fn<() => Promise<{ ok: boolean; message: string }>>());
vi.mock('@/lib/popup/popup-commands', () => ({ saveCurrentPage }));

/** A promise and its resolve: the save answers when the test says. */
function answerLater() {
  let answer = (_: { ok: boolean; message: string }) => {};
  const answered = new Promise<{ ok: boolean; message: string }>((resolve) => {
    answer = resolve;
  });
  saveCurrentPage.mockReturnValue(answered);
  return (result: { ok: boolean; message: string }) => answer(result);
}

// "Save this page" added its live line already holding "Saving…", which a screen reader does not
// say; a failure turned that status line into an alert, which is no new alert (accessibility pass).
describe('"Save this page" tells how it went', () => {
  beforeEach(() => saveCurrentPage.mockReset());

  it('in a status line inside a live region there before the press, and no status until then', async () => {
    const answer = answerLater();
    render(<PageActions unread={0} onReadingList={vi.fn()} />);
    const actions = screen.getByRole('region', { name: 'This page' });
    // The popup's tests (and users' tools) ask for its one status, the search's: none here yet.
    expect(within(actions).queryByRole('status')).toBeNull();
    const live = actions.querySelector('[aria-live="polite"]') as HTMLElement;
    expect(live.textContent).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Save this page' }));
    const status = within(live).getByRole('status');
    expect(status.textContent).toBe('Saving…');
    answer({ ok: true, message: 'Saved “A page” for offline reading.' });
    await vi.waitFor(() => expect(status.textContent).toBe('Saved “A page” for offline reading.'));
    expect(within(live).getByRole('status')).toBe(status);
  });

  it('and a failure in an alert of its own, the status line gone', async () => {
    const answer = answerLater();
    render(<PageActions unread={0} onReadingList={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save this page' }));
    answer({ ok: false, message: 'There is no web page to save in this window.' });
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'There is no web page to save in this window.',
    );
    expect(screen.queryByRole('status')).toBeNull();
  });
});
