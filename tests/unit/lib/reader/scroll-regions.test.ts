import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepScrollingPartsFocusable } from '@/lib/reader/scroll-regions';
import { fakeResizeObserver } from '../../helpers/fake-resize-observer';

/** Gives an element the widths layout would (jsdom has no layout). */
function widths(element: Element, scrollWidth: number, clientWidth: number) {
  Object.defineProperty(element, 'scrollWidth', { configurable: true, value: scrollWidth });
  Object.defineProperty(element, 'clientWidth', { configurable: true, value: clientWidth });
}

afterEach(() => vi.unstubAllGlobals());

// QA pass: axe's "scrollable-region-focusable" on a wide table and four wide code blocks of real pages.
describe('parts of a copy that scroll on their own', () => {
  it('get a tab stop while they scroll, and lose only the one Shelf gave once they no longer do', () => {
    const { resize: resized } = fakeResizeObserver();
    const body = document.createElement('div');
    body.innerHTML =
      '<pre>wide code</pre><table><tr><td>wide</td></tr></table><pre>short</pre><pre tabindex="-1">own</pre>';
    const [wideCode, table, shortCode, own] = [...body.querySelectorAll('pre, table')] as HTMLElement[];
    widths(wideCode!, 900, 500);
    widths(table!, 700, 500);
    widths(shortCode!, 300, 500);
    widths(own!, 900, 500);
    const stop = new AbortController();
    keepScrollingPartsFocusable(body, stop.signal);
    expect([wideCode, table, shortCode, own].map((part) => part?.getAttribute('tabindex'))).toEqual([
      '0',
      '0',
      null,
      '-1',
    ]);

    // A wider column: the table fits, and its tab stop goes; the copy's own tabindex stays.
    widths(table!, 500, 500);
    widths(own!, 500, 500);
    resized();
    expect([wideCode, table, shortCode, own].map((part) => part?.getAttribute('tabindex'))).toEqual([
      '0',
      null,
      null,
      '-1',
    ]);

    stop.abort();
    widths(shortCode!, 900, 500);
    resized();
    expect(shortCode?.hasAttribute('tabindex')).toBe(false);
  });
});
