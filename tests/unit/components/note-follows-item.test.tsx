import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ItemAnnotations } from '@/components/annotations/item-annotations';
import { resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle, setNote } from '@/lib/db/items';
import { getItem } from '@/lib/db/queries';

afterEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
});

// QA pass: in the side panel a card's note typed and, within the pause in typing, another article's
// card opened from it (the card's view stays, showing the other item): the text typed on the first was
// saved into the second's note, joined to its words, and the first never got it.
describe('a note typed just before the card shows another item', () => {
  it('is saved on the item it was typed on, and the other item’s note is left as it was', async () => {
    const first = (await saveArticle({ id: 'wal', title: 'WAL', url: null })).id;
    const second = (await saveArticle({ id: 'mvcc', title: 'MVCC', url: null })).id;
    await setNote(second, 'About versions.');
    const view = render(<ItemAnnotations itemId={first} />);
    fireEvent.change(await screen.findByLabelText('Note'), { target: { value: 'Logs first.' } });
    view.rerender(<ItemAnnotations itemId={second} />);
    await waitFor(() => expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('About versions.'));
    await waitFor(async () => expect((await getItem(first))?.note).toBe('Logs first.'));
    // Past the pause in typing: nothing more is written anywhere.
    await act(() => new Promise((resolve) => setTimeout(resolve, 700)));
    expect((await getItem(second))?.note).toBe('About versions.');
    expect((await getItem(first))?.note).toBe('Logs first.');
  });
});
