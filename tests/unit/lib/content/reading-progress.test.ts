import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

  /** An element at `top` (page coordinates) of `height` px, as laid out while the page is at scrollY. */
  function spanAt(top: number, height: number): Element {
    const element = document.createElement('div');
    element.getBoundingClientRect = () => ({ top: top - window.scrollY, height }) as DOMRect;
    return element;
  }

  it('measured over the reader’s column, what comes after it counts for nothing', () => {
    // The column runs from 200 to 4200 on a 9000 px page (the notes and highlights below it).
    const page = fakePage(9000, 1000);
    const column = spanAt(200, 4000);
    page.setScroll(3200); // the column's end at the window's bottom: read to the end
    expect(getScrollState(window, column)).toEqual({ fraction: 1, scrollFraction: 1, scrollY: 3200 });
    page.setScroll(1700);
    expect(getScrollState(window, column).fraction).toBe(0.5);
    page.setScroll(100); // above the column's start: nothing read yet
    expect(getScrollState(window, column).fraction).toBe(0);
    expect(getScrollState(window, spanAt(200, 600)).fraction).toBe(1); // a column shorter than the window, in view
  });

  it('scrolls back to the same place in the column however much is drawn after it', () => {
    const page = fakePage(4400, 1000);
    scrollToAnchor(window, { scrollFraction: 0.5, scrollY: 1700 }, spanAt(200, 4000));
    expect(page.scrollTo).toHaveBeenLastCalledWith({ top: 1700, behavior: 'instant' });
    fakePage(12_000, 1000);
    scrollToAnchor(window, { scrollFraction: 0.5, scrollY: 1700 }, spanAt(200, 4000));
    expect(vi.mocked(window.scrollTo)).toHaveBeenLastCalledWith({ top: 1700, behavior: 'instant' });
  });

  it('offers to resume only a started, unfinished article', () => {
    expect(isResumable(null)).toBe(false);
    expect(isResumable({ fraction: 0.01 } as never)).toBe(false);
    expect(isResumable({ fraction: 0.6 } as never)).toBe(true);
    expect(isResumable({ fraction: 0.99 } as never)).toBe(false);
  });

  describe('tracking: only positions the user reached', () => {
    /** Stands in for the browser's trust flag, which jsdom never sets: events marked here are the user's. */
    const byUser = new WeakSet<Event>();
    const fromUser = (event: Event) => byUser.has(event) || event.type === 'scroll' || event.type === 'pagehide';
    const userInput = (type: string, init: EventInit = {}) => {
      const event = new Event(type, { bubbles: true, ...init });
      byUser.add(event);
      window.dispatchEvent(event);
    };
    const userKey = (key: string, target: EventTarget = document.body) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true });
      byUser.add(event);
      target.dispatchEvent(event);
    };
    let time = 0;
    const track = (report = vi.fn()) => {
      const controller = new AbortController();
      trackReadingProgress(window, report, controller.signal, { intervalMs: 1000, now: () => time, fromUser });
      return { report, controller };
    };
    const scrollTo = (page: ReturnType<typeof fakePage>, y: number) => {
      page.setScroll(y);
      window.document.dispatchEvent(new Event('scroll', { bubbles: true }));
    };

    it('reports at most once per interval while the user scrolls, then once on leaving, and stops on abort', () => {
      vi.useFakeTimers();
      time = 0;
      const page = fakePage(5000, 1000);
      const { report, controller } = track();
      userInput('wheel');
      for (const y of [100, 500, 900]) scrollTo(page, y);
      expect(report).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1000);
      expect(report).toHaveBeenCalledTimes(1);
      expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 900 }));
      time = 2000;
      userKey('PageDown');
      scrollTo(page, 2000);
      window.dispatchEvent(new Event('pagehide'));
      expect(report).toHaveBeenCalledTimes(2);
      expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 2000 }));
      controller.abort();
      userInput('wheel');
      scrollTo(page, 3000);
      vi.advanceTimersByTime(2000);
      expect(report).toHaveBeenCalledTimes(2);
    });

    it('ignores scrolling nobody asked for: a page script, a #fragment jump from another site, a restore', () => {
      vi.useFakeTimers();
      time = 0;
      const page = fakePage(5000, 1000);
      const { report } = track();
      scrollTo(page, 2400); // e.g. the opener set location to #section-at-60%
      vi.advanceTimersByTime(1500);
      time = 5000;
      userInput('wheel'); // input long before a later jump does not make the jump the user's
      time = 7000;
      scrollTo(page, 3000);
      vi.advanceTimersByTime(1500);
      expect(report).not.toHaveBeenCalled();
    });

    it('writes nothing on leaving a page where the user did not move (a saved position stays)', () => {
      vi.useFakeTimers();
      time = 0;
      fakePage(5000, 1000);
      const { report } = track();
      window.dispatchEvent(new Event('pagehide'));
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
      expect(report).not.toHaveBeenCalled();
    });

    it('does not take a visit the page says of (a footnote and ↩ back) for reading, until the user scrolls', () => {
      vi.useFakeTimers();
      time = 0;
      const page = fakePage(5000, 1000);
      const report = vi.fn();
      const visitEvent = 'visit-place';
      trackReadingProgress(window, report, new AbortController().signal, { now: () => time, fromUser, visitEvent });
      userInput('wheel');
      scrollTo(page, 400); // read to here
      vi.advanceTimersByTime(1500);
      expect(report).toHaveBeenCalledTimes(1);
      // A click on a footnote's marker: the reader says so, then jumps to the note at the end.
      time = 5000;
      userInput('pointerdown');
      userInput('pointerup');
      window.document.body.dispatchEvent(new Event(visitEvent, { bubbles: true }));
      scrollTo(page, 3900);
      vi.advanceTimersByTime(1500);
      // And ↩ back, by Enter.
      time = 8000;
      userKey('Enter');
      userInput('click');
      window.document.body.dispatchEvent(new Event(visitEvent, { bubbles: true }));
      scrollTo(page, 380);
      vi.advanceTimersByTime(1500);
      window.dispatchEvent(new Event('pagehide'));
      expect(report).toHaveBeenCalledTimes(1);
      // The user scrolls on from there: theirs again.
      time = 12000;
      userInput('wheel');
      scrollTo(page, 700);
      vi.advanceTimersByTime(1500);
      expect(report).toHaveBeenCalledTimes(2);
      expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 700 }));
    });

    // QA pass: after "Tags and notes", Tab on to the note and "Copy as Markdown" scrolled to each within the
    // second of the key, and the end of the article was recorded as read.
    it('takes only keys that scroll the page for reading: not Tab, nor typing, nor a key given to a field', () => {
      vi.useFakeTimers();
      time = 0;
      const page = fakePage(10_000, 1000);
      const { report } = track();
      const fields = document.createElement('div');
      fields.innerHTML =
        '<input aria-label="Add tag"><textarea aria-label="Note"></textarea><input type="checkbox">' +
        '<select><option>a</option><option>b</option></select><div contenteditable="true">x</div><p>Text</p>';
      const host = document.createElement('div');
      const shadowField = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('input'));
      document.body.append(fields, host);
      const [tag, note, checkbox, select, editable, text] = [...fields.children] as HTMLElement[];
      let y = 0;
      const keyThenScroll = (key: string, target?: EventTarget) => {
        time += 2000;
        userKey(key, target);
        time += 100;
        y += 500;
        scrollTo(page, y);
        vi.advanceTimersByTime(1000);
      };
      try {
        keyThenScroll('Tab', tag);
        keyThenScroll('Tab', note);
        keyThenScroll('Tab');
        keyThenScroll('a', tag);
        keyThenScroll('Enter', tag);
        keyThenScroll('ArrowDown', note);
        keyThenScroll('End', tag);
        keyThenScroll(' ', checkbox);
        keyThenScroll('ArrowDown', select);
        keyThenScroll('PageDown', editable);
        keyThenScroll(' ', shadowField);
        window.dispatchEvent(new Event('pagehide'));
        expect(report).not.toHaveBeenCalled();
        // Reading by keys: Space, PageDown, the arrows, End, from the page or its text.
        for (const [key, target] of [
          [' ', document.body],
          ['PageDown', text],
          ['ArrowDown', document.body],
          ['End', text],
        ] as const) {
          keyThenScroll(key, target);
          expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: y }));
        }
        // A click made with Enter or Space (an outline's section, "Resume") is the user's too.
        time += 2000;
        userInput('click');
        y += 500;
        scrollTo(page, y);
        vi.advanceTimersByTime(1000);
        expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: y }));
        expect(report).toHaveBeenCalledTimes(5);
      } finally {
        fields.remove();
        host.remove();
      }
    });

    it('ignores made-up input and made-up scroll events', () => {
      vi.useFakeTimers();
      time = 0;
      const page = fakePage(5000, 1000);
      const report = vi.fn();
      trackReadingProgress(window, report, new AbortController().signal, { now: () => time }); // the real trust flag
      window.dispatchEvent(new WheelEvent('wheel', { deltaY: 500 }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }));
      scrollTo(page, 4000);
      vi.advanceTimersByTime(1500);
      window.dispatchEvent(new Event('pagehide'));
      expect(report).not.toHaveBeenCalled();
    });

    describe('a #fragment jump nobody asked for (another site that opened the page sets its address)', () => {
      const ARTICLE = 'http://localhost:3000/blog/cold-start';
      beforeEach(() => window.history.replaceState(null, '', ARTICLE));
      afterEach(() => window.history.replaceState(null, '', '/'));

      /** A stand-in for `window.navigation`: navigate events as the browser fires them (trusted). */
      const fakeNavigation = () => {
        const target = new EventTarget();
        const navigate = (
          url: string,
          {
            byUser: userInitiated = false,
            type = 'push' as NavigationType,
            hashChange = true,
            sameDocument = true,
          } = {},
        ) => {
          const event = Object.assign(new Event('navigate'), {
            destination: { url, sameDocument },
            hashChange,
            userInitiated,
            navigationType: type,
          });
          byUser.add(event); // trusted: the browser's
          target.dispatchEvent(event);
          // The address changes and the view moves after the event, as in the browser.
          if (sameDocument && type !== 'traverse') window.history.pushState(null, '', url);
        };
        return { target, navigate };
      };
      const trackWith = (navigation: EventTarget | null) => {
        const report = vi.fn();
        trackReadingProgress(window, report, new AbortController().signal, { now: () => time, fromUser, navigation });
        return report;
      };
      const browserEvent = (event: Event) => {
        byUser.add(event);
        window.dispatchEvent(event);
      };
      const leave = () => window.dispatchEvent(new Event('pagehide'));

      it('reports nothing for the rest of the page view, however the jumps are timed with the user’s scrolling', () => {
        vi.useFakeTimers();
        time = 0;
        const page = fakePage(5000, 1000);
        const { target, navigate } = fakeNavigation();
        const report = trackWith(target);
        userInput('wheel');
        time = 100;
        scrollTo(page, 120); // the user's own turn of the wheel
        time = 200;
        navigate(`${ARTICLE}#provisioned-concurrency`); // within a second of their input
        scrollTo(page, 3000);
        vi.advanceTimersByTime(1500);
        time = 2000;
        userInput('wheel'); // reading on from where the jump left the view is not the user's place either
        scrollTo(page, 3120);
        time = 2100;
        navigate(`${ARTICLE}#provisioned-concurrency`, { hashChange: false }); // the fragment the address has: scrolls again
        scrollTo(page, 3000);
        vi.advanceTimersByTime(1500);
        leave();
        expect(report).not.toHaveBeenCalled();
      });

      it('a jump to the fragment the address already has is seen too (no hashChange, but it scrolls)', () => {
        vi.useFakeTimers();
        time = 0;
        window.history.replaceState(null, '', `${ARTICLE}#provisioned-concurrency`);
        const page = fakePage(5000, 1000);
        const { target, navigate } = fakeNavigation();
        const report = trackWith(target);
        userInput('wheel');
        navigate(`${ARTICLE}#provisioned-concurrency`, { hashChange: false });
        scrollTo(page, 3000);
        leave();
        expect(report).not.toHaveBeenCalled();
      });

      it('the user’s own in-page links, back and forward, and a single-page move to the next article keep it recording', () => {
        vi.useFakeTimers();
        time = 0;
        const page = fakePage(5000, 1000);
        const { target, navigate } = fakeNavigation();
        const report = trackWith(target);
        const clickLink = (hash: string) => {
          const link = document.createElement('a');
          link.href = hash;
          link.addEventListener('click', (event) => event.preventDefault()); // its script navigates (below)
          document.body.append(link);
          browserEvent(new Event('pointerdown', { bubbles: true }));
          const click = new MouseEvent('click', { bubbles: true, cancelable: true });
          byUser.add(click);
          link.dispatchEvent(click);
          link.remove();
        };
        // A table of contents: the browser says the user started it.
        userInput('pointerdown');
        navigate(`${ARTICLE}#limits`, { byUser: true });
        scrollTo(page, 2000);
        vi.advanceTimersByTime(1000);
        expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 2000 }));
        // Back: the browser's button (the user's); its popstate follows the navigate event.
        time = 5000;
        navigate(`${ARTICLE}`, { byUser: true, type: 'traverse', hashChange: false });
        browserEvent(new PopStateEvent('popstate'));
        userInput('wheel');
        scrollTo(page, 2500);
        vi.advanceTimersByTime(1000);
        expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 2500 }));
        // A link whose own script sets location.hash: the browser calls that navigation the script's.
        time = 10_000;
        clickLink('#cost');
        navigate(`${ARTICLE}#cost`);
        scrollTo(page, 3500);
        vi.advanceTimersByTime(1000);
        expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 3500 }));
        // After a foreign jump, a place the user picks with a link is theirs again.
        time = 15_000;
        navigate(`${ARTICLE}#provisioned-concurrency`);
        userInput('pointerdown');
        navigate(`${ARTICLE}#limits`, { byUser: true });
        scrollTo(page, 2000);
        vi.advanceTimersByTime(1000);
        expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 2000 }));
        // The blog's own history calls move nothing: a route change (pushState) and replaceState.
        time = 20_000;
        navigate(`${ARTICLE}#limits`, { type: 'replace', hashChange: false });
        navigate('http://localhost:3000/blog/next-article', { hashChange: false });
        userInput('wheel');
        scrollTo(page, 400);
        vi.advanceTimersByTime(1000);
        expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 400 }));
        expect(report).toHaveBeenCalledTimes(5);
      });

      it('without the Navigation API (older Firefox): a hashchange the user did not click a link for stops it', () => {
        vi.useFakeTimers();
        time = 0;
        const page = fakePage(5000, 1000);
        const report = trackWith(null);
        const link = document.createElement('a');
        link.href = '#limits';
        link.addEventListener('click', (event) => event.preventDefault()); // jsdom would navigate; done below
        document.body.append(link);
        // The user's table of contents: a click on a link to this very address.
        userInput('pointerdown');
        const click = new MouseEvent('click', { bubbles: true, cancelable: true });
        byUser.add(click);
        link.dispatchEvent(click);
        window.history.pushState(null, '', `${ARTICLE}#limits`);
        scrollTo(page, 2000);
        browserEvent(new HashChangeEvent('hashchange', { oldURL: ARTICLE, newURL: `${ARTICLE}#limits` }));
        vi.advanceTimersByTime(1000);
        expect(report).toHaveBeenCalledTimes(1);
        link.remove();
        // Another site's jump: the view moves, then hashchange says so; the position before it is dropped.
        time = 5000;
        userInput('wheel');
        window.history.pushState(null, '', `${ARTICLE}#provisioned-concurrency`);
        scrollTo(page, 3000);
        browserEvent(
          new HashChangeEvent('hashchange', {
            oldURL: `${ARTICLE}#limits`,
            newURL: `${ARTICLE}#provisioned-concurrency`,
          }),
        );
        time = 5100;
        userInput('wheel');
        scrollTo(page, 3120);
        vi.advanceTimersByTime(1500);
        leave();
        expect(report).toHaveBeenCalledTimes(1);
        expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 2000 }));
      });

      it('a made-up navigate event neither stops nor restarts it', () => {
        vi.useFakeTimers();
        time = 0;
        const page = fakePage(5000, 1000);
        const navigation = new EventTarget();
        const report = trackWith(navigation);
        const madeUp = Object.assign(new Event('navigate'), {
          destination: { url: `${ARTICLE}#limits`, sameDocument: true },
          hashChange: true,
          userInitiated: false,
          navigationType: 'push',
        });
        navigation.dispatchEvent(madeUp); // not trusted: the page's own script
        userInput('wheel');
        scrollTo(page, 2000);
        leave();
        expect(report).toHaveBeenCalledTimes(1);
      });
    });

    it('follows a fling past the input that started it, and a scrollbar drag while the button is held', () => {
      vi.useFakeTimers();
      time = 0;
      const page = fakePage(10_000, 1000);
      const { report } = track();
      userInput('touchmove');
      for (let step = 1; step <= 20; step++) {
        time += 100; // momentum: two seconds of scroll events after the finger lifted
        scrollTo(page, step * 200);
      }
      vi.advanceTimersByTime(1000);
      expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 4000 }));

      time += 5000;
      userInput('pointerdown');
      time += 3000; // held on the scrollbar, then dragged
      scrollTo(page, 6000);
      vi.advanceTimersByTime(1000);
      expect(report).toHaveBeenLastCalledWith(expect.objectContaining({ scrollY: 6000 }));

      userInput('pointerup');
      time += 3000;
      scrollTo(page, 8000);
      vi.advanceTimersByTime(1000);
      expect(report).toHaveBeenCalledTimes(2);
    });
  });
});
