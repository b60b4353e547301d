import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedSave } from '@/components/hooks/use-debounced-save';
import { joinSavedEdit } from '@/lib/annotations/merge-text';

afterEach(() => vi.useRealTimers());

// QA pass: a note typed less than half a second before its tab or side panel closed was lost: a
// closed page runs no React unmount, and the save waited for the pause in typing.
describe('a text saved as it is typed', () => {
  it('saves once typing pauses, not on every key', () => {
    vi.useFakeTimers();
    const save = vi.fn(async () => {});
    const { result } = renderHook(() => useDebouncedSave('', save, { delay: 500 }));
    act(() => result.current.edit('a'));
    act(() => result.current.edit('ab'));
    expect(save).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(500));
    expect(save).toHaveBeenCalledExactlyOnceWith('ab', '');
  });

  it('hands a pending change to what outlives the page as the page closes', () => {
    vi.useFakeTimers();
    const save = vi.fn(async () => {});
    const saveAsPageCloses = vi.fn();
    const { result } = renderHook(() => useDebouncedSave('', save, { delay: 500, saveAsPageCloses }));
    window.dispatchEvent(new Event('pagehide'));
    expect(saveAsPageCloses).not.toHaveBeenCalled(); // nothing pending
    act(() => result.current.edit('typed just before closing'));
    window.dispatchEvent(new Event('pagehide'));
    // With the text the edit began from, so that the background joins another window's edit saved meanwhile.
    expect(saveAsPageCloses).toHaveBeenCalledExactlyOnceWith('typed just before closing', '', null);
    expect(save).not.toHaveBeenCalled();
  });

  it('saves a pending change at once when the page is hidden, and nothing when nothing is pending', () => {
    vi.useFakeTimers();
    const save = vi.fn(async () => {});
    const { result } = renderHook(() => useDebouncedSave('', save, { delay: 500 }));
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(save).not.toHaveBeenCalled();
    act(() => result.current.edit('draft'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(save).toHaveBeenCalledExactlyOnceWith('draft', '');
    hidden.mockRestore();
  });
});

describe('a text saved as the page is hidden, then typed on', () => {
  // QA pass: hidden with "ab" typed on "a" (another tab, another app), shown again and typed on within
  // the pause, the note read "ab abc": the save on hiding was not taken as the base of the next one,
  // so the next joined its own earlier words as another window's.
  it('is saved once, not joined with its own earlier save', async () => {
    vi.useFakeTimers();
    let stored = 'a';
    const save = vi.fn(async (text: string, base: string) => {
      stored = joinSavedEdit(stored, text, base);
      return stored;
    });
    const { result } = renderHook(() => useDebouncedSave('a', save, { delay: 500 }));
    act(() => result.current.edit('ab'));
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    hidden.mockRestore();
    expect(stored).toBe('ab');
    act(() => result.current.edit('abc'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(stored).toBe('abc');
    expect(result.current.text).toBe('abc');
    expect(result.current.state).toBe('saved');
  });
});

describe('a text typed on while its save is under way, and the view closed at once', () => {
  // QA pass: "abc" being written as the view closed with "abcd" typed: the closing save began from
  // the text before "abc" and, landing after it, joined "abc" as another window's edit: "abc abcd".
  it('is saved once the earlier save is written, from what it wrote', async () => {
    vi.useFakeTimers();
    let stored = '';
    const writes: (() => void)[] = [];
    const save = vi.fn(
      (text: string, base: string) =>
        new Promise<string>((resolve) =>
          writes.push(() => {
            stored = joinSavedEdit(stored, text, base);
            resolve(stored);
          }),
        ),
    );
    const { result, unmount } = renderHook(() => useDebouncedSave('', save, { delay: 500 }));
    act(() => result.current.edit('abc'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    act(() => result.current.edit('abcd'));
    unmount();
    while (writes.length > 0) {
      await act(async () => {
        writes.shift()?.();
        await vi.advanceTimersByTimeAsync(0);
      });
    }
    expect(stored).toBe('abcd');
    expect(save).toHaveBeenLastCalledWith('abcd', 'abc');
  });
});

describe('a text handed over as the page closes while a save is under way', () => {
  it('names the text that save is writing, so that the background can tell whether it landed', async () => {
    vi.useFakeTimers();
    const save = vi.fn(() => new Promise<string>(() => {}));
    const saveAsPageCloses = vi.fn();
    const { result } = renderHook(() => useDebouncedSave('', save, { delay: 500, saveAsPageCloses }));
    act(() => result.current.edit('abc'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    act(() => result.current.edit('abcd'));
    window.dispatchEvent(new Event('pagehide'));
    expect(saveAsPageCloses).toHaveBeenCalledExactlyOnceWith('abcd', '', 'abc');
  });
});

describe('the note editor, when a save fails', () => {
  // QA pass: with the disk full it said only "Shelf could not write it".
  it('says the disk is full, keeps the text, and saves it at the next pause once there is room', async () => {
    const { render, screen, fireEvent, act: actNow } = await import('@testing-library/react');
    const { NoteEditor } = await import('@/components/annotations/note-editor');
    vi.useFakeTimers();
    let room = false;
    const onSave = vi.fn(async () => {
      if (!room) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    render(<NoteEditor label="Note" note="" onSave={onSave} of={{ target: 'item', id: 'article:a' }} />);
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'kept' } });
    await actNow(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(screen.getByRole('status').textContent).toBe(
      'Not saved: the browser has no room left for Shelf’s data. Your text is still here; free some space, then type to save it.',
    );
    expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('kept');
    room = true;
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'kept!' } });
    await actNow(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(onSave).toHaveBeenLastCalledWith('kept!', '');
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });
});

describe('one note edited in two windows at once', () => {
  // QA pass: " A300" typed in one tab was lost when the other tab typed " B300" within half a second.
  it('keeps what both typed: the later save joins the earlier one, and shows the joined text', async () => {
    const { default: Dexie } = await import('dexie');
    const { getDatabase, resetDatabaseConnection } = await import('@/lib/db/database');
    const { saveArticle, setNote } = await import('@/lib/db/items');
    const { getItem } = await import('@/lib/db/queries');
    const { waitFor } = await import('@testing-library/react');
    resetDatabaseConnection();
    await Dexie.delete('shelf');
    const { id } = await saveArticle({ id: 'wal', title: 'WAL', url: null });
    await setNote(id, 'note');
    const save = (text: string, base: string) => setNote(id, text, { base });
    const first = renderHook(() => useDebouncedSave('note', save, { delay: 40 }));
    const second = renderHook(() => useDebouncedSave('note', save, { delay: 40 }));
    act(() => first.result.current.edit('note A300'));
    act(() => second.result.current.edit('note B300'));
    // Whichever saved second joins the first's words (the order of two saves is the database's).
    const joined = ['note A300 B300', 'note B300 A300'];
    await waitFor(async () => expect(joined).toContain((await getItem(id))?.note));
    const stored = (await getItem(id))?.note;
    await waitFor(() => expect([first.result.current.text, second.result.current.text]).toContain(stored));
    expect(getDatabase().name).toBe('shelf');
    resetDatabaseConnection();
  });
});
