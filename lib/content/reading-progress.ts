/**
 * Reading progress on the page itself, for the content script. Takes the window as an argument so
 * it runs against any DOM in tests.
 */
export interface ScrollState {
  /** How far through the article the reader is (0..1). */
  fraction: number;
  scrollFraction: number;
  scrollY: number;
}

export function getScrollState(win: Window): ScrollState {
  const scrollable = win.document.documentElement.scrollHeight - win.innerHeight;
  const scrollY = Math.max(0, win.scrollY);
  const scrollFraction = scrollable > 0 ? Math.min(1, scrollY / scrollable) : 1;
  return { fraction: scrollFraction, scrollFraction, scrollY };
}

/** Scrolls back to a recorded position: the same fraction of the page, which survives reflow. */
export function scrollToAnchor(win: Window, anchor: Pick<ScrollState, 'scrollFraction' | 'scrollY'>): void {
  const scrollable = win.document.documentElement.scrollHeight - win.innerHeight;
  const top = scrollable > 0 ? anchor.scrollFraction * scrollable : anchor.scrollY;
  win.scrollTo({ top, behavior: 'instant' });
}

/** A position worth offering to resume: started, not finished. */
export function isResumable(progress: { fraction: number } | null): progress is ScrollState {
  return progress !== null && progress.fraction > 0.03 && progress.fraction < 0.97;
}

/**
 * Reports the reading position at most once per `intervalMs` while the user scrolls, and once more
 * when they leave the page. Stops when `signal` aborts.
 */
export function trackReadingProgress(
  win: Window,
  report: (state: ScrollState) => void,
  signal: AbortSignal,
  intervalMs = 1000,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = -1;
  const flush = () => {
    timer = undefined;
    const state = getScrollState(win);
    if (Math.abs(state.scrollFraction - lastSent) < 0.005) return;
    lastSent = state.scrollFraction;
    report(state);
  };
  const onScroll = () => {
    timer ??= setTimeout(flush, intervalMs);
  };
  const onLeave = () => {
    if (timer !== undefined) clearTimeout(timer);
    flush();
  };
  win.addEventListener('scroll', onScroll, { passive: true, signal });
  win.addEventListener('pagehide', onLeave, { signal });
  win.document.addEventListener(
    'visibilitychange',
    () => {
      if (win.document.visibilityState === 'hidden') onLeave();
    },
    { signal },
  );
  signal.addEventListener('abort', () => timer !== undefined && clearTimeout(timer));
}
