import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle, setNote } from '@/lib/db/items';
import { getItem } from '@/lib/db/queries';
import { toggleSaved, type UndoUnsave, unsaveOfferingUndo } from '@/lib/reading-list/saved-state';

afterEach(async () => {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
});

const ARTICLE = { id: 'a', title: 'Alpha article', url: null };

// Red-team pass: each caller (the popup's Saved, the card's Unsave, the reading list's s) had to skip
// an Undo of an unsave that removed nothing, or it replaced the first press's and lost the note.
describe('an unsave offers its Undo only when it removed something', () => {
  it('unsaved twice at once, the one Undo offered brings the note back', async () => {
    const { id } = await saveArticle(ARTICLE);
    await setNote(id, 'Read the second half again.');
    const offered: UndoUnsave[] = [];
    await Promise.all([
      unsaveOfferingUndo([id], (undo) => offered.push(undo)),
      unsaveOfferingUndo([id], (undo) => offered.push(undo)),
    ]);
    expect(offered).toHaveLength(1);
    expect(await offered[0]?.()).toBe(true);
    expect((await getItem(id))?.note).toBe('Read the second half again.');
  });

  it('the popup’s toggle says nothing of a second press that found the article already unsaved', async () => {
    const { id } = await saveArticle(ARTICLE);
    const marker = { itemId: id, status: 'unread' as const, progress: 0 };
    const told: (UndoUnsave | null)[] = [];
    await toggleSaved(ARTICLE, marker, (undo) => told.push(undo));
    await toggleSaved(ARTICLE, marker, (undo) => told.push(undo));
    expect(told).toEqual([expect.any(Function)]);
    await toggleSaved(ARTICLE, undefined, (undo) => told.push(undo));
    expect(told).toEqual([expect.any(Function), null]);
  });
});
