import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '@/components/hooks/use-import';
import { DeleteEverything } from '@/components/settings/delete-everything';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';
import { keepFocusInside } from '@/lib/dom/focus-rescue';
import { PREFERENCES, setPreference } from '@/lib/settings/preferences';

beforeEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
  await saveArticle({ id: 'wal', title: 'WAL', url: null });
});
/** The component with its result line kept, as "Your data" keeps it. */
function DeleteEverythingKept() {
  const [message, setMessage] = useState<Message | null>(null);
  return (
    <DeleteEverything db={getDatabase()} message={message} onStart={() => setMessage(null)} onMessage={setMessage} />
  );
}
let stop = new AbortController();
afterEach(() => {
  stop.abort();
  stop = new AbortController();
  resetDatabaseConnection();
});

describe('Delete everything, asked first', () => {
  // Escape did not answer the question, and an answer left the focus on the page's body.
  it('Escape answers Cancel: nothing is deleted, the focus is back on the button that asked', async () => {
    const { container } = render(<DeleteEverythingKept />);
    keepFocusInside(container, stop.signal); // as the options page and the side panel do
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel, { key: 'Escape' });
    const ask = screen.getByRole('button', { name: 'Delete everything…' });
    await waitFor(() => expect(document.activeElement).toBe(ask));
    expect(screen.queryByRole('button', { name: 'Yes, delete everything' })).toBeNull();
    expect(await getDatabase().items.count()).toBe(1);
  });

  it('with sync on, the question says the synced copy stays in the browser account and comes back with sync', async () => {
    const stays = /synced copy stays in your browser account/;
    const { unmount } = render(<DeleteEverythingKept />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    expect(screen.queryByText(stays)).toBeNull();
    unmount();
    await setPreference(PREFERENCES.syncEnabled, true);
    render(<DeleteEverythingKept />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    expect((await screen.findByText(stays)).textContent).toContain('turning sync on again here brings it back');
  });
});
