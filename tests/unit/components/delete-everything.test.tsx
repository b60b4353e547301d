import { fireEvent, render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeleteEverything } from '@/components/settings/delete-everything';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';

beforeEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
  await saveArticle({ id: 'wal', title: 'WAL', url: null });
});
afterEach(() => resetDatabaseConnection());

describe('Delete everything, asked first', () => {
  // Escape did not answer the question, and an answer left the focus on the page's body.
  it('Escape answers Cancel: nothing is deleted, the focus is back on the button that asked', async () => {
    render(<DeleteEverything db={getDatabase()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel, { key: 'Escape' });
    const ask = screen.getByRole('button', { name: 'Delete everything…' });
    expect(document.activeElement).toBe(ask);
    expect(screen.queryByRole('button', { name: 'Yes, delete everything' })).toBeNull();
    expect(await getDatabase().items.count()).toBe(1);
  });
});
