import { afterEach, describe, expect, it, vi } from 'vitest';
import { getScrollState, isResumable, scrollToAnchor, trackReadingProgress } from '@/lib/content/reading-progress';

function fakePage(scrollHeight: number, innerHeight: number) {
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: scrollHeight });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: innerHeight });
  const scrollTo = vi.fn((options: ScrollToOptions) =>
    Object.defineProperty(window, 'scrollY', { configurable: true, value: options.top }),
  );
  Object.defineProperty(window, 'scrollTo', { configurable: true, value: scrollTo });
  Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
  return {
    scrollTo,
    setScroll: (y: number) => Object.defineProperty(window, 'scrollY', { configurable: true, value: y }),
  };
}

afterEach(() => vi.useRealTimers());

describe('reading progress', () => {
  it('measures the scroll position as a fraction of the scrollable height', () => {
    const page = fakePage(5000, 1000);
    page.setScroll(2400);
    expect(getScrollState(window)).toEqual({ fraction: 0.6, scrollFraction: 0.6, scrollY: 2400 });
  });

  it('scrolls back to the same fraction even when the page length changed', () => {
    const page = fakePage(9000, 1000);
    scrollToAnchor(window, { scrollFraction: 0.5, scrollY: 2000 });
    expect(page.scrollTo).toHaveBeenCalledWith({ top: 4000, behavior: 'instant' });
  });

  it('offers to resume only a started, unfinished article', () => {
    expect(isResumable(null)).toBe(false);
    expect(isResumable({ fraction: 0.01 } as never)).toBe(false);
    expect(isResumable({ fraction: 0.6 } as never)).toBe(true);
    expect(isResumable({ fraction: 0.99 } as never)).toBe(false);
  });

  it('reports at most once per interval while scrolling, then once on leaving, and stops on abort', () => {
    vi.useFakeTimers();
    const page = fakePage(5000, 1000);
    const report = vi.fn();
    const controller = new AbortController();
    trackReadingProgress(window, report, controller.signal, 1000);
    for (const y of [100, 500, 900]) {
      page.setScroll(y);
      window.dispatchEvent(new Event('scroll'));
    }
    expect(report).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 900 }));
    page.setScroll(2000);
    window.dispatchEvent(new Event('pagehide'));
    expect(report).toHaveBeenCalledTimes(2);
    controller.abort();
    page.setScroll(3000);
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(2000);
    expect(report).toHaveBeenCalledTimes(2);
  });
});
