import { act, render, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { type Undo, useUndo, useUndoableActions } from '@/components/hooks/use-undoable-actions';
import { UndoBar } from '@/components/undo-bar';
import { readBackupRecords, writeBackupRecords } from '@/lib/db/backup';
import { clearAll } from '@/lib/db/clear';
import { getDatabase, resetDatabaseConnection } from '@/lib/db/database';
import { saveArticle, setStatus } from '@/lib/db/items';
import { unsaveItems } from '@/lib/db/unsave';
import { undoUnsave } from '@/lib/reading-list/saved-state';

/** Runs a test on an empty `shelf` database, the one the hooks open; its connection is reset after. */
async function onEmptyDatabase(run: () => Promise<void>): Promise<void> {
  resetDatabaseConnection();
  await Dexie.delete('shelf');
  try {
    await run();
  } finally {
    resetDatabaseConnection();
  }
}

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

/** The Undo line under an Unsave, a status or a tag change of the saved article "wal", as the reading list offers them. */
function UnsaveLine() {
  const { undo, note, unsave, setStatusOf, changeTag, runUndo } = useUndoableActions();
  return (
    <>
      <button type="button" onClick={() => void unsave(['article:wal'])}>
        Unsave
      </button>
      <button type="button" onClick={() => void unsave(['article:wal', 'article:fts'])}>
        Unsave both
      </button>
      <button type="button" onClick={() => void setStatusOf(['article:wal'], 'done')}>
        Mark as done
      </button>
      <button type="button" onClick={() => void setStatusOf(['article:wal', 'article:fts'], 'done')}>
        Mark both as done
      </button>
      <button type="button" onClick={() => void changeTag(['article:wal'], 'db', 'add')}>
        Add tag
      </button>
      <button type="button" onClick={() => void changeTag(['article:wal', 'article:fts'], 'db', 'add')}>
        Add tag to both
      </button>
      <UndoBar undo={undo} note={note} onUndo={() => void runUndo()} />
    </>
  );
}

/** "wal" and "fts" saved, both marked done under the Undo line: the line, and what it says. */
async function markBothDone() {
  const status = () => screen.getByRole('status').textContent;
  await saveArticle({ id: 'wal', title: 'WAL', url: null });
  await saveArticle({ id: 'fts', title: 'FTS', url: null });
  const view = render(<UnsaveLine />);
  await act(async () => screen.getByRole('button', { name: 'Mark both as done' }).click());
  await waitFor(() => expect(status()).toBe('Marked 2 items as done. Undo'));
  return { view, status };
}

/**
 * Each status and tag change on "wal" under the Undo line, `meanwhile` (another window), then Undo: the
 * line then says `said` of the change's own line; `after` each.
 */
async function undoEachChangeAfter(
  meanwhile: () => Promise<unknown>,
  said: (line: string) => string,
  after: () => Promise<unknown> = async () => {},
) {
  const status = () => screen.getByRole('status').textContent;
  for (const [action, line] of [
    ['Mark as done', 'Marked 1 item as done.'],
    ['Add tag', 'Added “db” to 1 of 1.'],
  ] as const) {
    await act(async () => screen.getByRole('button', { name: action }).click());
    await waitFor(() => expect(status()).toBe(`${line} Undo`));
    await meanwhile();
    await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
    await waitFor(() => expect(status()).toBe(said(line)));
    await after();
  }
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

  // QA pass: of two items archived, one marked done in another window, Undo put one back and said
  // "Undone: Marked 2 items as archived."
  it('says when it put back only some of the items, and how many', async () => {
    await onEmptyDatabase(async () => {
      const { view, status } = await markBothDone();
      await setStatus(['article:fts'], 'archived', { now: Date.now() + 1000 }); // another window
      await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
      await waitFor(() =>
        expect(status()).toBe(
          'Undone for 1 of 2 items; the other changed again or was removed since (Marked 2 items as done.)',
        ),
      );
      expect((await getDatabase().items.bulkGet(['article:wal', 'article:fts'])).map((i) => i?.status)).toEqual([
        'unread',
        'archived',
      ]);
      view.unmount();
    });
  });

  // Review: after "Delete everything" (another window), Undo of an Unsave said "changed again since".
  it('says so when everything was deleted since an Unsave, and puts nothing back', async () => {
    await onEmptyDatabase(async () => {
      await saveArticle({ id: 'wal', title: 'WAL', url: null });
      const view = render(<UnsaveLine />);
      await act(async () => screen.getByRole('button', { name: 'Unsave' }).click());
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Unsaved 1 item. Undo'));
      await clearAll(getDatabase()); // "Delete everything", in another window
      await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).toBe(
          'Not undone: everything was deleted since (Unsaved 1 item.)',
        ),
      );
      expect(await getDatabase().items.count()).toBe(0);
      view.unmount();
      // Without a Delete everything, the same undo puts the item back.
      await saveArticle({ id: 'wal', title: 'WAL', url: null });
      const snapshot = await unsaveItems(['article:wal']);
      expect(await undoAnswering(() => undoUnsave(snapshot))).toBe('Undone: Marked 2 items as done.');
      expect(await getDatabase().items.get('article:wal')).toMatchObject({ title: 'WAL' });
    });
  });

  // QA pass: a backup exported after "Mark done" and restored with "Replace everything": Undo then made
  // the restored item unread (and Undo of a tag took the restored item's tag), saying "Undone".
  it('changes nothing in a library a backup replaced, or after everything was deleted, since a status or tag change', async () => {
    await onEmptyDatabase(async () => {
      const status = () => screen.getByRole('status').textContent;
      await saveArticle({ id: 'wal', title: 'WAL', url: null });
      const view = render(<UnsaveLine />);
      await undoEachChangeAfter(
        // Exported after the change, restored with "Replace everything" in another window.
        async () => writeBackupRecords(await readBackupRecords(getDatabase()), 'replace', { db: getDatabase() }),
        (line) => `Not undone: the library was replaced by a restored backup since (${line})`,
      );
      expect(await getDatabase().items.get('article:wal')).toMatchObject({ status: 'done', tags: ['db'] });
      // Deleted, then restored (a merge keeps no record of it): said as a deletion, nothing changed.
      await act(async () => screen.getByRole('button', { name: 'Mark as done' }).click()); // already done
      await setStatus(['article:wal'], 'unread');
      await act(async () => screen.getByRole('button', { name: 'Mark as done' }).click());
      await waitFor(() => expect(status()).toBe('Marked 1 item as done. Undo'));
      const exported = await readBackupRecords(getDatabase());
      await clearAll(getDatabase());
      await writeBackupRecords(exported, 'merge', { db: getDatabase() });
      await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
      await waitFor(() => expect(status()).toBe('Not undone: everything was deleted since (Marked 1 item as done.)'));
      expect(await getDatabase().items.get('article:wal')).toMatchObject({ status: 'done' });
      view.unmount();
    });
  });

  // Resilience pass: after a backup's "Replace everything" in another window, Undo of an Unsave said
  // "everything was deleted since", though the library was there, replaced.
  it('says so when a backup replaced the library since an Unsave, and puts nothing back', async () => {
    await onEmptyDatabase(async () => {
      await saveArticle({ id: 'wal', title: 'WAL', url: null });
      await saveArticle({ id: 'fts', title: 'FTS', url: null });
      const backup = await readBackupRecords(getDatabase());
      const view = render(<UnsaveLine />);
      await act(async () => screen.getByRole('button', { name: 'Unsave' }).click());
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Unsaved 1 item. Undo'));
      const [fts] = backup.items; // by id: "article:fts" first
      expect(fts?.id).toBe('article:fts');
      await writeBackupRecords({ ...backup, items: [fts!] }, 'replace', { db: getDatabase() }); // another window
      await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).toBe(
          'Not undone: the library was replaced by a restored backup since (Unsaved 1 item.)',
        ),
      );
      expect(await getDatabase().items.get('article:wal')).toBeUndefined();
      view.unmount();
      // Replaced, then deleted: what ran last is said.
      const snapshot = await unsaveItems(['article:fts']);
      await writeBackupRecords(backup, 'replace', { db: getDatabase() });
      await clearAll(getDatabase());
      expect(await undoAnswering(() => undoUnsave(snapshot))).toBe(
        'Not undone: everything was deleted since (Marked 2 items as done.)',
      );
    });
  });

  // Review: of two items selected, one removed meanwhile in another window, the line said "Unsaved 2 items.".
  it('says how many an Unsave removed or a status or tag change changed, not how many were selected, and its Undo puts those back', async () => {
    await onEmptyDatabase(async () => {
      await saveArticle({ id: 'wal', title: 'WAL', url: null }); // "fts" is not saved (unsaved elsewhere)
      const view = render(<UnsaveLine />);
      await act(async () => screen.getByRole('button', { name: 'Unsave both' }).click());
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Unsaved 1 item. Undo'));
      await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Undone: Unsaved 1 item.'));
      expect(await getDatabase().items.get('article:wal')).toMatchObject({ title: 'WAL' });
      expect(await getDatabase().items.get('article:fts')).toBeUndefined();
      // A status change says how many it changed too (review: "Marked 2 items as done." for one).
      await act(async () => screen.getByRole('button', { name: 'Mark both as done' }).click());
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Marked 1 item as done. Undo'));
      // And a tag change: not "1 had it already" for the item removed (review).
      await act(async () => screen.getByRole('button', { name: 'Add tag to both' }).click());
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Added “db” to 1 of 1. Undo'));
      view.unmount();
    });
  });

  // QA: a status or tag change undone on items removed since (Delete everything, or Unsave in another
  // window) said "changed again since".
  it('says so when the items of a status or tag change were removed since, and "changed again" when they were', async () => {
    await onEmptyDatabase(async () => {
      const status = () => screen.getByRole('status').textContent;
      await saveArticle({ id: 'wal', title: 'WAL', url: null });
      const view = render(<UnsaveLine />);
      await undoEachChangeAfter(
        () => clearAll(getDatabase()), // "Delete everything", in another window: said as such
        (line) => `Not undone: everything was deleted since (${line})`,
        () => saveArticle({ id: 'wal', title: 'WAL', url: null }),
      );
      // Unsaved in another window: removed since.
      await act(async () => screen.getByRole('button', { name: 'Mark as done' }).click());
      await waitFor(() => expect(status()).toBe('Marked 1 item as done. Undo'));
      await unsaveItems(['article:wal']);
      await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
      await waitFor(() => expect(status()).toBe('Not undone: removed since (Marked 1 item as done.)'));
      await saveArticle({ id: 'wal', title: 'WAL', url: null });
      // Still saved but changed again in another window: that is what the line says.
      await act(async () => screen.getByRole('button', { name: 'Mark as done' }).click());
      await waitFor(() => expect(status()).toBe('Marked 1 item as done. Undo'));
      await setStatus(['article:wal'], 'archived', { now: Date.now() + 1000 });
      await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
      await waitFor(() => expect(status()).toBe('Not undone: changed again since (Marked 1 item as done.)'));
      // And with nothing in the way, Undo puts the status back.
      await act(async () => screen.getByRole('button', { name: 'Mark as done' }).click());
      await waitFor(() => expect(status()).toBe('Marked 1 item as done. Undo'));
      await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
      await waitFor(() => expect(status()).toBe('Undone: Marked 1 item as done.'));
      expect(await getDatabase().items.get('article:wal')).toMatchObject({ status: 'archived' });
      view.unmount();
    });
  });

  // QA: Archive pressed on rows already archived said nothing at all, so the press seemed lost.
  it('says that a status change changed nothing, and keeps the last action undoable', async () => {
    await onEmptyDatabase(async () => {
      const { view, status } = await markBothDone();
      await act(async () => screen.getByRole('button', { name: 'Mark both as done' }).click());
      await waitFor(() =>
        expect(status()).toBe('Nothing changed: all 2 were already marked as done. Marked 2 items as done. Undo'),
      );
      await act(async () => screen.getByRole('button', { name: 'Mark as done' }).click());
      await waitFor(() =>
        expect(status()).toBe('Nothing changed: it was already marked as done. Marked 2 items as done. Undo'),
      );
      // The Undo still undoes the change that was made, and the note goes with the next line.
      await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
      await waitFor(() => expect(status()).toBe('Undone: Marked 2 items as done.'));
      expect(await getDatabase().items.get('article:wal')).toMatchObject({ status: 'unread' });
      // Removed in another window: that is why nothing changed.
      await clearAll(getDatabase());
      await act(async () => screen.getByRole('button', { name: 'Mark as done' }).click());
      await waitFor(() =>
        expect(status()).toBe('Nothing changed: removed in another window since. Undone: Marked 2 items as done.'),
      );
      view.unmount();
    });
  });
});
