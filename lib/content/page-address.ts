import { type SettleTiming, whenDomSettles } from '@/lib/content/dom-settle';
import type { PageContext } from '@/lib/content/page-context';

/** The page a Shelf script works for: its address without the fragment (an in-page link stays on it). */
export function pageAddressOf(location: Pick<Location, 'href'>): string {
  const hash = location.href.indexOf('#');
  return hash === -1 ? location.href : location.href.slice(0, hash);
}

/**
 * `quietMs`: how long the page's DOM must stay unchanged after a move before the new page is read: a
 * site fetches and renders it after changing the address, and a page read too soon has the last
 * page's text (its highlights reported "not found", its box of the last page; review).
 * `maxSettleMs`: the longest wait for that: a page that never stops changing is read then.
 */
export interface AddressWatchTiming extends SettleTiming {
  /** How often the address is compared where the browser has no navigation events (Firefox). */
  pollMs: number;
}

const TIMING: AddressWatchTiming = { quietMs: 1_000, maxSettleMs: 5_000, pollMs: 1_000 };

/** A context that ends when `parent` does or when `end` is called: one address's share of a script. */
function childContext(parent: PageContext): { ctx: PageContext; end: () => void } {
  const controller = new AbortController();
  // Its marks, box and listeners go with the script's, not only once something asks.
  parent.signal.addEventListener('abort', () => controller.abort(), { signal: controller.signal });
  return {
    ctx: {
      signal: controller.signal,
      get isInvalid() {
        if (parent.isInvalid) controller.abort();
        return controller.signal.aborted;
      },
    },
    end: () => controller.abort(),
  };
}

/**
 * Runs `show` for the page, and again from scratch each time a single-page app moves to another
 * address without loading a new document (`history.pushState`, back and forward; `moved` says so):
 * what was shown for the last address goes at once (its context aborts: box removed, marks
 * cleared, progress no longer recorded), and the new page is read once it has rendered (its DOM
 * still for a moment: `AddressWatchTiming`), when `appliesTo` says the script is for it. Without
 * this the first page's box and marks stayed on the pages after it, and theirs were never drawn.
 * Chrome reports the move (the Navigation API's `currententrychange`); elsewhere the address is
 * compared every `pollMs`.
 */
export function showForEachAddress(
  ctx: PageContext,
  win: Window,
  show: (pageCtx: PageContext, page: { moved: boolean }) => unknown,
  {
    appliesTo = () => true,
    timing = TIMING,
  }: { appliesTo?: (address: string) => boolean; timing?: AddressWatchTiming } = {},
): void {
  let address = pageAddressOf(win.location);
  let current: ReturnType<typeof childContext> | null = null;
  let waiting: AbortController | null = null;
  const start = (moved: boolean) => {
    current = childContext(ctx);
    const pageCtx = current.ctx;
    // A failed request leaves the page as it is; nothing reaches the page's console.
    if (!appliesTo(address)) return;
    void Promise.resolve({ moved })
      .then((page) => show(pageCtx, page))
      .catch(() => {});
  };
  // The new page is read once the DOM has been still for `quietMs`, or after `maxSettleMs`; a
  // further move starts the wait again.
  const waitForQuiet = () => {
    waiting?.abort();
    const wait = new AbortController();
    waiting = wait;
    void whenDomSettles(win.document, timing, wait.signal).then(() => {
      if (!wait.signal.aborted && !ctx.isInvalid) start(true);
    });
  };
  const check = () => {
    if (ctx.isInvalid) return;
    const now = pageAddressOf(win.location);
    if (now === address) return;
    address = now;
    current?.end();
    current = null;
    waitForQuiet();
  };
  start(false);

  const { signal } = ctx;
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('currententrychange', check, { signal });
  else {
    const poll = setInterval(check, timing.pollMs);
    signal.addEventListener('abort', () => clearInterval(poll));
  }
  win.addEventListener('popstate', check, { signal });
  signal.addEventListener('abort', () => waiting?.abort());
}
