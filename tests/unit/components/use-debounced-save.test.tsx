import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedSave } from '@/components/hooks/use-debounced-save';

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
    expect(save).toHaveBeenCalledExactlyOnceWith('ab');
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
    expect(saveAsPageCloses).toHaveBeenCalledExactlyOnceWith('typed just before closing');
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
    expect(save).toHaveBeenCalledExactlyOnceWith('draft');
    hidden.mockRestore();
  });
});
