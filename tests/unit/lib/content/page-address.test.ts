import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isBlogArticleAddress } from '@/lib/content/blog-pages';
import { pageAddressOf, showForEachAddress } from '@/lib/content/page-address';
import type { PageContext } from '@/lib/content/page-context';

const timing = { quietMs: 300, maxSettleMs: 2_000, pollMs: 100 };

/** A script's context that the test ends (as a reloaded extension would). */
function scriptContext() {
  let gone = false;
  const controller = new AbortController();
  const ctx: PageContext = {
    signal: controller.signal,
    get isInvalid() {
      if (gone) controller.abort();
      return controller.signal.aborted;
    },
  };
  return { ctx, end: () => (gone = true) };
}

/** Every run of `show`: the address it ran for and its context. */
function recordRuns() {
  const runs: { address: string; ctx: PageContext }[] = [];
  const show = (ctx: PageContext) => void runs.push({ address: pageAddressOf(window.location), ctx });
  return { runs, show };
}

describe('showForEachAddress (single-page apps)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/first');
  });
  afterEach(() => vi.useRealTimers());

  it('ends what the last address showed at once and shows the new page once it had time to render', async () => {
    const script = scriptContext();
    const { runs, show } = recordRuns();
    showForEachAddress(script.ctx, window, show, { timing });
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.map((run) => new URL(run.address).pathname)).toEqual(['/first']);

    window.history.pushState(null, '', '/second');
    await vi.advanceTimersByTimeAsync(timing.pollMs);
    // Gone as soon as the change is seen: no box, marks or progress of /first on /second.
    expect(runs[0]?.ctx.isInvalid).toBe(true);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(timing.quietMs);
    expect(runs.map((run) => new URL(run.address).pathname)).toEqual(['/first', '/second']);
    expect(runs[1]?.ctx.isInvalid).toBe(false);
    script.end();
  });

  it('reads the new page once the site has rendered it (its DOM still), or at the longest wait', async () => {
    const script = scriptContext();
    const { runs, show } = recordRuns();
    showForEachAddress(script.ctx, window, show, { timing });
    await vi.advanceTimersByTimeAsync(0);
    window.history.pushState(null, '', '/second');
    await vi.advanceTimersByTimeAsync(timing.pollMs);
    // The site fetches and renders for a while: each change restarts the wait.
    for (let step = 0; step < 4; step++) {
      document.body.append(document.createElement('p'));
      await vi.advanceTimersByTimeAsync(timing.quietMs - 50);
    }
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(timing.quietMs);
    expect(runs.map((run) => new URL(run.address).pathname)).toEqual(['/first', '/second']);

    // A page that never stops changing is read at the longest wait.
    window.history.pushState(null, '', '/third');
    const ticking = setInterval(() => document.body.append(document.createElement('span')), timing.quietMs / 2);
    await vi.advanceTimersByTimeAsync(timing.pollMs + timing.maxSettleMs - 1);
    expect(runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(timing.pollMs);
    expect(runs.map((run) => new URL(run.address).pathname)).toEqual(['/first', '/second', '/third']);
    clearInterval(ticking);
    script.end();
  });

  it('ends what it shows when the script ends, without waiting to be asked', () => {
    const controller = new AbortController();
    const { runs, show } = recordRuns();
    showForEachAddress({ signal: controller.signal, isInvalid: false }, window, show, { timing });
    return vi.advanceTimersByTimeAsync(0).then(() => {
      controller.abort();
      expect(runs[0]?.ctx.signal.aborted).toBe(true);
    });
  });

  it('stays on the page for an in-page link (#fragment), and goes back with the history', async () => {
    const script = scriptContext();
    const { runs, show } = recordRuns();
    showForEachAddress(script.ctx, window, show, { timing });
    window.history.pushState(null, '', '/first#part-2');
    await vi.advanceTimersByTimeAsync(timing.pollMs + timing.quietMs);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.ctx.isInvalid).toBe(false);

    window.history.pushState(null, '', '/second');
    await vi.advanceTimersByTimeAsync(timing.pollMs + timing.quietMs);
    window.history.replaceState(null, '', '/first');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(timing.quietMs);
    expect(runs.map((run) => new URL(run.address).pathname)).toEqual(['/first', '/second', '/first']);
    script.end();
  });

  it('shows nothing on an address the script is not for, and ends what it showed before', async () => {
    const script = scriptContext();
    const { runs, show } = recordRuns();
    showForEachAddress(script.ctx, window, show, { timing, appliesTo: (address) => !address.endsWith('/about') });
    window.history.pushState(null, '', '/about');
    await vi.advanceTimersByTimeAsync(timing.pollMs + timing.quietMs);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.ctx.isInvalid).toBe(true);
    script.end();
  });

  it('follows the Navigation API where the browser has it, without polling', async () => {
    const script = scriptContext();
    const { runs, show } = recordRuns();
    const navigation = new EventTarget();
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    const win = Object.assign(Object.create(window) as Window, { navigation, location: window.location });
    win.addEventListener = window.addEventListener.bind(window);
    showForEachAddress(script.ctx, win, show, { timing });
    await vi.advanceTimersByTimeAsync(0);
    expect(setInterval).not.toHaveBeenCalled();

    window.history.pushState(null, '', '/second');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(runs[0]?.ctx.isInvalid).toBe(true);
    await vi.advanceTimersByTimeAsync(timing.quietMs);
    expect(runs.map((run) => new URL(run.address).pathname)).toEqual(['/first', '/second']);
    script.end();
  });

  it('stops watching once the extension is gone', async () => {
    const script = scriptContext();
    const { runs, show } = recordRuns();
    showForEachAddress(script.ctx, window, show, { timing });
    script.end();
    window.history.pushState(null, '', '/second');
    await vi.advanceTimersByTimeAsync(timing.pollMs + timing.quietMs);
    expect(runs).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('isBlogArticleAddress', () => {
  it('is the blog article pages the manifest lists, nothing else', () => {
    expect(isBlogArticleAddress('https://webcoderspeed.com/blog/scaling/cache-stampede')).toBe(true);
    expect(isBlogArticleAddress('https://www.webcoderspeed.com/blog/nodejs/x?ref=1')).toBe(true);
    expect(isBlogArticleAddress('https://webcoderspeed.com/about')).toBe(false);
    expect(isBlogArticleAddress('https://webcoderspeed.com.evil.example/blog/x')).toBe(false);
    expect(isBlogArticleAddress('http://webcoderspeed.com/blog/x')).toBe(false);
    expect(isBlogArticleAddress('not an address')).toBe(false);
  });
});
