import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type Undo, useUndo } from '@/components/hooks/use-undoable-actions';
import { UndoBar } from '@/components/undo-bar';

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
  const view = render(<LineUnder undo={undo} />);
  await act(async () => screen.getByRole('button', { name: 'act' }).click());
  await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
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
});
