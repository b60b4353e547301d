import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReaderContainer } from '@/components/reader/reader-container';
import { KeepControls } from '@/components/side-panel/keep-controls';
import { getArticleById } from '@/lib/corpus/catalog';
import { resetDatabaseConnection } from '@/lib/db/database';
import { restoreRemoved, saveArticle, savePage, setNote } from '@/lib/db/items';
import { getItem } from '@/lib/db/queries';
import { unsaveItems } from '@/lib/db/unsave';

// "Capture now" asks the browser and the background: not pressed here.
vi.mock('@/lib/side-panel/capture-item', () => ({ captureItemNow: vi.fn() }));

let itemId = '';
beforeEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
  itemId = (await savePage({ url: 'https://example.org/pools', title: 'Pools' }, null)).id;
  await setNote(itemId, 'Pools:');
});
afterEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
});

// QA: a note typed in the reader while the reading list in another window removed the item vanished
// with its editor, and that window's Undo put the item back without it.
describe('a note typed on an item that another window removes', () => {
  it('stays shown, with why, and comes back with the item through the removal’s Undo', async () => {
    render(<ReaderContainer itemId={itemId} place="panel" onOpenItem={vi.fn()} />);
    fireEvent.change(await screen.findByLabelText('Note'), { target: { value: 'Pools: bound them.' } });
    // Within the pause in typing, the reading list in another window unsaves it.
    const snapshot = await unsaveItems([itemId]);

    expect((await screen.findByText('This page is no longer in your reading list.')).getAttribute('role')).toBe(
      'alert',
    );
    const kept = await screen.findByRole('region', { name: 'Note typed after removal' });
    // It names no place and no time for Undo: the note is shown for as long as it is kept, days after any
    // Undo bar is gone, and the removal may have come from sync (review).
    expect(within(kept).getByRole('status').textContent).toContain(
      'undoing that removal, or saving the item again, puts it back with the item',
    );
    expect(kept.querySelector('blockquote')?.textContent).toBe('Pools: bound them.');

    expect(await restoreRemoved(snapshot)).toBe(true);
    expect((await getItem(itemId))?.note).toBe('Pools: bound them.');
    await waitFor(() =>
      expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('Pools: bound them.'),
    );
    expect(screen.queryByRole('region', { name: 'Note typed after removal' })).toBeNull();
  });

  it('on an article’s card too: shown where the editor was, and back with the item through Undo', async () => {
    const article = getArticleById('cold-start-latency');
    if (!article) throw new Error('no such article');
    const { id } = await saveArticle(article);
    render(<KeepControls article={article} onRead={vi.fn()} />);
    fireEvent.change(await screen.findByLabelText('Note'), { target: { value: 'Warm pools help.' } });
    const snapshot = await unsaveItems([id]);

    const kept = await screen.findByRole('region', { name: 'Note typed after removal' });
    expect(kept.querySelector('blockquote')?.textContent).toBe('Warm pools help.');
    expect(screen.queryByLabelText('Note')).toBeNull();
    await restoreRemoved(snapshot);
    await waitFor(() => expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('Warm pools help.'));
  });
});
