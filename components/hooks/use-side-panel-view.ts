import { useEffect, useState } from 'react';
import { getSidePanelView, type SidePanelView, setSidePanelView, watchSidePanelView } from '@/lib/side-panel/view';

/**
 * What the side panel shows: the stored view (set by the popup, a menu or a shortcut, in any
 * context), followed live. `show` changes it here and for the next opening. Null until read.
 */
export function useSidePanelView(): { view: SidePanelView | null; show: (next: SidePanelView) => void } {
  const [view, setView] = useState<SidePanelView | null>(null);
  useEffect(() => {
    let cancelled = false;
    const unwatch = watchSidePanelView((next) => setView(next));
    void getSidePanelView().then((initial) => {
      if (!cancelled) setView((current) => current ?? initial);
    });
    return () => {
      cancelled = true;
      unwatch();
    };
  }, []);
  const show = (next: SidePanelView) => {
    setView(next);
    void setSidePanelView(next);
  };
  return { view, show };
}
