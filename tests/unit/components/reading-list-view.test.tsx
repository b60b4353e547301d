import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadingListView } from '@/components/reading-list/reading-list-view';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';

beforeEach(async () => {
  // jsdom has no layout; give the virtualized list's scroll box a height so it renders rows.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(360);
  resetDatabaseConnection();
  await Dexie.delete('shelf');
  const db = getDatabase();
  await saveArticle({ id: 'a', title: 'Alpha article', url: null }, { db, now: 3 });
  await saveArticle({ id: 'b', title: 'Beta article', url: null }, { db, now: 2 });
  await saveArticle({ id: 'c', title: 'Gamma article', url: null }, { db, now: 1 });
});
afterEach(() => resetDatabaseConnection());

describe('ReadingListView keyboard', () => {
  it('j moves down, e archives the current item, Undo restores it, ? lists the keys', async () => {
    const onOpen = vi.fn();
    render(<ReadingListView onOpenArticle={onOpen} onOpenPage={vi.fn()} />);
    const list = await screen.findByRole('list', { name: 'Saved articles' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    const section = list.closest('section') as HTMLElement;

    fireEvent.keyDown(section, { key: 'j' });
    expect(within(list).getAllByRole('listitem')[1]?.getAttribute('aria-current')).toBe('true');
    fireEvent.keyDown(section, { key: 'o' });
    expect(onOpen).toHaveBeenCalledWith('b');

    fireEvent.keyDown(section, { key: 'e' });
    await waitFor(async () => expect((await getDatabase().items.get('article:b'))?.status).toBe('archived'));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await getDatabase().items.get('article:b'))?.status).toBe('unread'));

    fireEvent.keyDown(section, { key: '?' });
    expect(screen.getByRole('region', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });

  it('keys typed in the search box search instead of acting', async () => {
    render(<ReadingListView onOpenArticle={vi.fn()} onOpenPage={vi.fn()} />);
    const search = await screen.findByRole('searchbox', { name: 'Search saved articles' });
    fireEvent.keyDown(search, { key: 'e' });
    fireEvent.change(search, { target: { value: 'gamma' } });
    const list = await screen.findByRole('list', { name: 'Saved articles' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect((await getDatabase().items.toArray()).every((item) => item.status === 'unread')).toBe(true);
  });

  it('the ? help says what each key does: s unsaves the item (it cannot save: every row is saved)', async () => {
    render(<ReadingListView onOpenArticle={vi.fn()} onOpenPage={vi.fn()} />);
    const list = await screen.findByRole('list', { name: 'Saved articles' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    const section = list.closest('section') as HTMLElement;
    fireEvent.keyDown(section, { key: '?' });
    const help = screen.getByRole('region', { name: 'Keyboard shortcuts' });
    const described = Object.fromEntries(
      [...help.querySelectorAll('dl > div')].map((row) => [
        row.querySelector('dt')?.textContent,
        row.querySelector('dd')?.textContent,
      ]),
    );
    expect(described.s).toMatch(/^unsave/);

    fireEvent.keyDown(section, { key: 's' });
    await waitFor(async () => expect(await getDatabase().items.get('article:a')).toBeUndefined());
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    fireEvent.keyDown(section, { key: 's' }); // pressed again on the next row: unsaves that too, never saves
    await waitFor(async () => expect(await getDatabase().items.count()).toBe(1));
  });
});
