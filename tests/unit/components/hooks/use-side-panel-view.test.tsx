import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSidePanelView } from '@/components/hooks/use-side-panel-view';
import { getSidePanelView, isSameView, type SidePanelView, setSidePanelView } from '@/lib/side-panel/view';

// QA pass: Back from a reader opened from the reading list's search showed the same reader again: the
// view, written as `{ kind, itemId, terms, fromList }`, came back from storage in its schema's order,
// and was taken for a new view to return from.
describe('useSidePanelView', () => {
  it('goes Back to the view before, whatever the order of the fields of the one shown', async () => {
    await setSidePanelView({ kind: 'reading-list' });
    const { result } = renderHook(() => useSidePanelView());
    await waitFor(() => expect(result.current.view).toEqual({ kind: 'reading-list' }));
    act(() => result.current.show({ kind: 'reader', itemId: 'page:a', terms: ['rivalri'], fromList: true }));
    // Stored, parsed, and heard back here.
    await waitFor(async () =>
      expect(Object.keys(await getSidePanelView())).toEqual(['kind', 'itemId', 'fromList', 'terms']),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    act(() => result.current.back());
    expect(result.current.view).toEqual({ kind: 'reading-list' });
    expect(result.current.canGoBack).toBe(false);
  });

  it('tells views apart by their fields, not their order', () => {
    const view: SidePanelView = {
      kind: 'reader',
      itemId: 'a',
      phrase: { words: ['x', 'y', 'z'], lastIsPrefix: false },
    };
    const reordered: SidePanelView = {
      phrase: { lastIsPrefix: false, words: ['x', 'y', 'z'] },
      itemId: 'a',
      kind: 'reader',
    };
    expect(isSameView(view, reordered)).toBe(true);
    expect(
      isSameView(view, { kind: 'reader', itemId: 'b', phrase: { words: ['x', 'y', 'z'], lastIsPrefix: false } }),
    ).toBe(false);
    expect(
      isSameView(view, { kind: 'reader', itemId: 'a', phrase: { words: ['x', 'z', 'y'], lastIsPrefix: false } }),
    ).toBe(false);
  });
});
