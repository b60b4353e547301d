import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BulkTagActions } from '@/components/annotations/bulk-tag-actions';
import { TagSettings } from '@/components/annotations/tag-settings';
import { getDatabase, resetDatabaseConnection, ShelfDatabase } from '@/lib/db/database';
import { saveArticle, setTags } from '@/lib/db/items';
import { getItem } from '@/lib/db/queries';

let name: string;
let db: ShelfDatabase;
beforeEach(async () => {
  name = `shelf-tag-actions-${crypto.randomUUID()}`;
  db = new ShelfDatabase(name);
  for (const id of ['a', 'b', 'c']) await saveArticle({ id, title: id, url: null }, { db });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const tagsOf = async (id: string) => (await getItem(`article:${id}`, db))?.tags;

describe('tags on many items', () => {
  it('adds a tag to the checked rows and removes it again, by the tag rules', async () => {
    // The reading list writes through the default database.
    resetDatabaseConnection();
    await Dexie.delete('shelf');
    for (const id of ['x', 'y', 'z']) await saveArticle({ id, title: id, url: null });
    await setTags('article:y', ['later']);
    const user = userEvent.setup();
    const view = render(<BulkTagActions checked={[]} suggestions={[]} />);
    // Its status region is there, empty, before it says anything (inserted filled, it is often not read).
    expect(screen.getByRole('status').textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(screen.getByRole('alert').textContent).toBe('Check the rows to change first.');

    view.rerender(<BulkTagActions checked={['article:x', 'article:y']} suggestions={[]} />);
    const box = screen.getByRole('combobox', { name: 'For checked rows' });
    await user.type(box, 'a|b');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(screen.getByRole('alert').textContent).toContain('cannot contain');
    await user.clear(box);
    await user.type(box, ' DB-Later ');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Added “db-later” to 2 of 2.'));
    expect((await getItem('article:y'))?.tags).toEqual(['later', 'db-later']);
    expect((await getItem('article:z'))?.tags).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Remove tag' }));
    await waitFor(async () => expect((await getItem('article:y'))?.tags).toEqual(['later']));
    expect((await getItem('article:x'))?.tags).toEqual([]);
    resetDatabaseConnection();
  });

  // QA: Enter in the card's "Add tag" adds the tag; in "For checked rows" it did nothing.
  it('Enter in the box adds the tag to the checked rows, as "Add tag" does', async () => {
    resetDatabaseConnection();
    await Dexie.delete('shelf');
    for (const id of ['x', 'y']) await saveArticle({ id, title: id, url: null });
    const user = userEvent.setup();
    render(<BulkTagActions checked={['article:x', 'article:y']} suggestions={[]} />);
    await user.type(screen.getByRole('combobox', { name: 'For checked rows' }), 'later{Enter}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Added “later” to 2 of 2.'));
    expect((await getItem('article:x'))?.tags).toEqual(['later']);
    resetDatabaseConnection();
  });

  // QA: "Remove tag" refused imported tags the Tag filter offered, by the rules for adding a tag.
  it('removes an imported tag from the checked rows: longer than a typed one may be, or holding ","', async () => {
    resetDatabaseConnection();
    await Dexie.delete('shelf');
    const long = 'machine learning papers to read this summer';
    for (const id of ['x', 'y']) await saveArticle({ id, title: id, url: null });
    // As an import keeps a bookmarks folder's name (cleanStoredTags): not cut to 40, "," kept.
    await getDatabase().items.update('article:x', { tags: [long, 'work, 2024'] });
    await getDatabase().items.update('article:y', { tags: [long] });
    const user = userEvent.setup();
    render(<BulkTagActions checked={['article:x', 'article:y']} suggestions={[long, 'work, 2024']} />);
    const box = screen.getByRole('combobox', { name: 'For checked rows' });
    await user.type(box, long);
    await user.click(screen.getByRole('button', { name: 'Remove tag' }));
    // The status region is there from the start: wait for its words.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Removed “${long}” from 2 of 2.`));
    await user.clear(box);
    await user.type(box, 'Work, 2024');
    await user.click(screen.getByRole('button', { name: 'Remove tag' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Removed “work, 2024” from 1 of 2. 1 did not have it.'),
    );
    expect((await getItem('article:x'))?.tags).toEqual([]);
    expect((await getItem('article:y'))?.tags).toEqual([]);
    // Adding still follows the tag rules.
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(screen.getByRole('alert').textContent).toContain('cannot contain');
    resetDatabaseConnection();
  });

  // QA pass: "Check the rows to change first." stood on once rows were checked, and until the next message.
  it('takes a message back once it no longer holds: rows checked, or the next change started', async () => {
    let finish: (said: string | null) => void = () => {};
    const changeTag = vi.fn(() => new Promise<string | null>((resolve) => (finish = resolve)));
    const user = userEvent.setup();
    const view = render(<BulkTagActions checked={[]} suggestions={[]} changeTag={changeTag} />);
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(screen.getByRole('alert').textContent).toBe('Check the rows to change first.');
    view.rerender(<BulkTagActions checked={['article:x']} suggestions={[]} changeTag={changeTag} />);
    expect(screen.queryByRole('alert')).toBeNull();

    await user.type(screen.getByRole('combobox', { name: 'For checked rows' }), 'later');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await act(async () => finish('Added “later” to 0 of 1. 1 had it already.'));
    expect(screen.getByRole('status').textContent).toBe('Added “later” to 0 of 1. 1 had it already.');
    await user.click(screen.getByRole('button', { name: 'Remove tag' }));
    expect(changeTag).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status').textContent).toBe(''); // while it runs: not what the one before did
    await act(async () => finish('Removed “later” from 1 of 1.'));
    expect(screen.getByRole('status').textContent).toBe('Removed “later” from 1 of 1.');
  });

  it('renames a tag, and merges it into one already used, in Settings', async () => {
    const user = userEvent.setup();
    await setTags('article:a', ['databases', 'later'], { db });
    await setTags('article:b', ['db'], { db });
    await setTags('article:c', ['databases'], { db });
    render(<TagSettings db={db} />);
    const select = await screen.findByRole('combobox', { name: 'Tag to rename' });
    await user.selectOptions(select, 'databases');
    await user.type(screen.getByRole('textbox', { name: 'New name' }), 'DB');
    // Said in a status region there from the start (one added already holding its text is often not announced).
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Rename or merge' }));
    await waitFor(() => expect(region.textContent).toBe('Merged “databases” into “db” on 2 items.'));
    expect([await tagsOf('a'), await tagsOf('b'), await tagsOf('c')]).toEqual([['db', 'later'], ['db'], ['db']]);

    await user.selectOptions(select, 'later');
    await user.type(screen.getByRole('textbox', { name: 'New name' }), 'someday');
    await user.click(screen.getByRole('button', { name: 'Rename or merge' }));
    await waitFor(async () => expect(await tagsOf('a')).toEqual(['db', 'someday']));
    // The message is set after the write resolves: the database can be seen changed a render earlier.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Renamed “later” to “someday” on 1 item.'));
  });

  // Found by QA: renaming a tag only in case ("db" to "DB") said "Type a different name.", as if
  // nothing had been typed.
  it('says why a rename only in case changes nothing: tags are kept in lower case', async () => {
    const user = userEvent.setup();
    await setTags('article:a', ['db'], { db });
    render(<TagSettings db={db} />);
    await screen.findByRole('combobox', { name: 'Tag to rename' });
    await user.type(screen.getByRole('textbox', { name: 'New name' }), 'DB');
    await user.click(screen.getByRole('button', { name: 'Rename or merge' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Tags are kept in lower case: “DB” is already the tag “db”.',
    );
    expect(await tagsOf('a')).toEqual(['db']);
    await user.clear(screen.getByRole('textbox', { name: 'New name' }));
    await user.type(screen.getByRole('textbox', { name: 'New name' }), 'db');
    await user.click(screen.getByRole('button', { name: 'Rename or merge' }));
    expect(screen.getByRole('alert').textContent).toBe('Type a different name.');
  });
});
