import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TagEditor } from '@/components/annotations/tag-editor';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle, setTags } from '@/lib/db/items';

const ID = 'article:wal';

beforeEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
  await saveArticle({ id: 'wal', title: 'WAL', url: null });
  await setTags(ID, ['postgres', 'wal']);
});
afterEach(() => resetDatabaseConnection());

const storedTags = async () => (await getDatabase().items.get(ID))?.tags;

// The editor shows the tags as last drawn; another window (or sync) may have changed them since.
// It wrote its whole list, so a tag added elsewhere in that moment was lost, or a removed one came back.
describe('tag editor: one tag at a time, never the list as last drawn', () => {
  it('removing a tag keeps a tag another window added since', async () => {
    render(<TagEditor itemId={ID} tags={['postgres', 'wal']} suggestions={[]} />);
    await setTags(ID, ['postgres', 'wal', 'replication']); // another window
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag wal' }));
    await waitFor(async () => expect(await storedTags()).toEqual(['postgres', 'replication']));
  });

  it('adding a tag does not bring back one another window removed since', async () => {
    render(<TagEditor itemId={ID} tags={['postgres', 'wal']} suggestions={[]} />);
    await setTags(ID, ['postgres']); // another window removed "wal"
    const box = screen.getByLabelText('Add tag');
    fireEvent.change(box, { target: { value: 'Vacuum' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(async () => expect(await storedTags()).toEqual(['postgres', 'vacuum']));
  });
});
