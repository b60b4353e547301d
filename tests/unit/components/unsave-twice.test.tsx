import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadingListView } from '@/components/reading-list/reading-list-view';
import { KeepControls } from '@/components/side-panel/keep-controls';
import { getArticleById } from '@/lib/corpus/catalog';
import { resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle, setNote, setTags } from '@/lib/db/items';
import { getItem } from '@/lib/db/queries';
import { emptyDatabaseWithListBox } from '@/tests/unit/helpers/list-box';

vi.mock('@/lib/side-panel/capture-item', () => ({ captureItemNow: vi.fn() }));

beforeEach(async () => {
  await emptyDatabaseWithListBox();
});
afterEach(() => resetDatabaseConnection());

// Red-team pass: a second Unsave before the view showed the first (a double click, a key held) found
// the item still shown and unsaved it again, removing nothing; that empty Undo replaced the first, and
// its Undo then said "Undone" and put back nothing: the tags, note and highlights were lost for good.
describe('Unsave pressed twice at once', () => {
  it('on an article’s card, Undo still brings back its note and tags', async () => {
    const article = getArticleById('cold-start-latency');
    if (!article) throw new Error('no such article');
    const { id } = await saveArticle(article);
    await setTags(id, ['pools']);
    await setNote(id, 'Warm pools help.');
    render(<KeepControls article={article} onRead={vi.fn()} />);
    const unsave = await screen.findByRole('button', { name: 'Unsave' });
    fireEvent.click(unsave);
    fireEvent.click(unsave);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await getItem(id)).toMatchObject({ note: 'Warm pools help.', tags: ['pools'] }));
  });

  it('in the reading list (s, twice), Undo still brings back its note', async () => {
    const { id } = await saveArticle({ id: 'a', title: 'Alpha article', url: null });
    await setNote(id, 'Read the second half again.');
    render(<ReadingListView onOpenArticle={vi.fn()} onOpenPage={vi.fn()} onImport={vi.fn()} />);
    const list = await screen.findByRole('list', { name: 'Saved articles' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    const section = list.closest('section') as HTMLElement;
    fireEvent.keyDown(section, { key: 's' });
    fireEvent.keyDown(section, { key: 's' });
    await waitFor(async () => expect(await getItem(id)).toBeUndefined());
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await getItem(id))?.note).toBe('Read the second half again.'));
  });
});
