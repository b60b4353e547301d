import { useCallback, useEffect, useRef, useState } from 'react';
import {
  getSidePanelView,
  isSameView,
  type SidePanelView,
  setSidePanelView,
  watchSidePanelView,
} from '@/lib/side-panel/view';

/** How many views Back can go through. */
const MAX_HISTORY = 50;

/**
 * What the side panel shows: the stored view (set by the popup, a menu or a shortcut, in any
 * context), followed live, with the views shown before it for Back. `show` changes it here and
 * for the next opening. `view` is null until read.
 */
export function useSidePanelView() {
  const [view, setView] = useState<SidePanelView | null>(null);
  const [history, setHistory] = useState<readonly SidePanelView[]>([]);
  const current = useRef<SidePanelView | null>(null);

  const go = useCallback((next: SidePanelView, remember: boolean) => {
    const previous = current.current;
    if (remember && previous && !isSameView(previous, next)) {
      setHistory((views) => [...views, previous].slice(-MAX_HISTORY));
    }
    current.current = next;
    setView(next);
  }, []);

  useEffect(() => {
    let cancelled = false;
    const unwatch = watchSidePanelView((next) => go(next, true));
    void getSidePanelView().then((initial) => {
      if (!cancelled && !current.current) go(initial, false);
    });
    return () => {
      cancelled = true;
      unwatch();
    };
  }, [go]);

  return {
    view,
    canGoBack: history.length > 0,
    show(next: SidePanelView) {
      go(next, true);
      void setSidePanelView(next);
    },
    back() {
      const previous = history.at(-1);
      if (!previous) return;
      setHistory((views) => views.slice(0, -1));
      go(previous, false);
      void setSidePanelView(previous);
    },
  };
}
