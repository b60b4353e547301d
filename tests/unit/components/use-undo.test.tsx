import { act, render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { type Undo, undoUnsave, useUndo } from '@/components/hooks/use-undoable-actions';
import { UndoBar } from '@/components/undo-bar';
import { clearAll } from '@/lib/db/clear';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';
import { unsaveItems } from '@/lib/db/unsave';

/** The Undo line of a view, offering one action whose undo answers `result`. */
function LineUnder({ undo }: { undo: Undo['undo'] }) {
  const { undo: line, offer, runUndo } = useUndo();
  return (
    <>
      <button type="button" onClick={() => offer({ message: 'Marked 2 items as done.', undo })}>
        act
      </button>
      <UndoBar undo={line} onUndo={() => void runUndo()} />
    </>
  );
}

async function undoAnswering(undo: Undo['undo']): Promise<string> {
  let settled: Promise<unknown> = Promise.resolve();
  const running = () => {
    const result = undo();
    settled = result.catch(() => undefined);
    return result;
  };
  const view = render(<LineUnder undo={running} />);
  await act(async () => screen.getByRole('button', { name: 'act' }).click());
  await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
  await act(() => settled); // an undo that reads the database answers after the click
  const said = screen.getByRole('status').textContent ?? '';
  view.unmount();
  return said;
}

// Review: the line said "Undone: …" though the undo put nothing back (after Delete everything, or
// items changed again since) or failed.
describe('the Undo line after Undo', () => {
  it('says "Undone" only when something was put back', async () => {
    expect(await undoAnswering(async () => true)).toBe('Undone: Marked 2 items as done.');
    expect(await undoAnswering(async () => 2)).toBe('Undone: Marked 2 items as done.');
    expect(await undoAnswering(async () => undefined)).toBe('Undone: Marked 2 items as done.');
  });

  it('says nothing was undone, or why it failed', async () => {
    expect(await undoAnswering(async () => false)).toBe('Not undone: changed again since (Marked 2 items as done.)');
    expect(await undoAnswering(async () => 0)).toBe('Not undone: changed again since (Marked 2 items as done.)');
    expect(
      await undoAnswering(async () => {
        throw new Error('The browser has no room left for Shelf’s data.');
      }),
    ).toBe('Could not undo: The browser has no room left for Shelf’s data.');
  });

  // Review: after "Delete everything" (another window), Undo of an Unsave said "changed again since".
  it('says so when everything was deleted since an Unsave, and puts nothing back', async () => {
    resetDatabaseConnection();
    await Dexie.delete('shelf');
    await saveArticle({ id: 'wal', title: 'WAL', url: null });
    const snapshot = await unsaveItems(['article:wal']);
    expect(snapshot.items).toHaveLength(1);
    await clearAll(getDatabase());
    expect(await undoAnswering(() => undoUnsave(snapshot))).toBe(
      'Not undone: everything was deleted since (Marked 2 items as done.)',
    );
    expect(await getDatabase().items.count()).toBe(0);
    // Without a Delete everything, the same undo puts the item back.
    await saveArticle({ id: 'wal', title: 'WAL', url: null });
    const again = await unsaveItems(['article:wal']);
    expect(await undoAnswering(() => undoUnsave(again))).toBe('Undone: Marked 2 items as done.');
    expect(await getDatabase().items.get('article:wal')).toMatchObject({ title: 'WAL' });
    resetDatabaseConnection();
  });
});
