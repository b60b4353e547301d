import { pageAddressOf } from '@/lib/content/page-address';

/**
 * Reading progress on the page itself, for the content script and the reader. Takes the window as
 * an argument so it runs against any DOM in tests.
 */
export interface ScrollState {
  /** How far through the article the reader is (0..1). */
  fraction: number;
  scrollFraction: number;
  scrollY: number;
}

/**
 * The stretch of the page a position is measured over: the whole page, or one element. The reader
 * measures its article alone, so that what Shelf lists after it (tags, note, highlights, drawn a
 * moment later) neither lowers the share read nor moves a restored position.
 */
export type ReadingSpan = Element | null | undefined;

function spanOf(win: Window, span: ReadingSpan): { start: number; length: number } {
  if (!span) return { start: 0, length: win.document.documentElement.scrollHeight };
  const rect = span.getBoundingClientRect();
  return { start: rect.top + Math.max(0, win.scrollY), length: rect.height };
}

export function getScrollState(win: Window, span?: ReadingSpan): ScrollState {
  const { start, length } = spanOf(win, span);
  const scrollY = Math.max(0, win.scrollY);
  const scrollable = length - win.innerHeight;
  // Shorter than the window: read once its end is in view (the whole page always is).
  const scrollFraction =
    scrollable > 0
      ? Math.min(1, Math.max(0, (scrollY - start) / scrollable))
      : Number(scrollY + win.innerHeight >= start + length);
  return { fraction: scrollFraction, scrollFraction, scrollY };
}

/** Scrolls back to a recorded position: the same fraction of the span, which survives reflow. */
export function scrollToAnchor(
  win: Window,
  anchor: Pick<ScrollState, 'scrollFraction' | 'scrollY'>,
  span?: ReadingSpan,
): void {
  const { start, length } = spanOf(win, span);
  const scrollable = length - win.innerHeight;
  const top = scrollable > 0 ? start + anchor.scrollFraction * scrollable : anchor.scrollY;
  win.scrollTo({ top, behavior: 'instant' });
}

/** A position worth offering to resume: started, not finished. */
export function isResumable(progress: { fraction: number } | null): progress is ScrollState {
  return progress !== null && progress.fraction > 0.03 && progress.fraction < 0.97;
}

/**
 * Input by which a person moves through a page: wheel, keys that scroll (isScrollingKey), touch, the
 * scrollbar (a pointer), and a click, also one made with Enter or Space (an outline's section, "Resume").
 */
const USER_INPUT_EVENTS = [
  'wheel',
  'keydown',
  'touchstart',
  'touchmove',
  'pointerdown',
  'pointerup',
  'pointermove',
  'click',
];
/** Keys with which the browser scrolls the page (caret browsing's arrows too), with or without a modifier. */
const SCROLLING_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'PageUp',
  'PageDown',
  'Home',
  'End',
  ' ',
]);
/** Where those keys do something else: move in a text, change a value (a select, a checkbox, a range). */
const KEYS_OWN_TARGETS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/**
 * Whether a key is one the page scrolls by: not Tab (QA pass: Tab through the tags and note after the
 * text, each focus scrolled within the second, recorded the end of the article as read) nor typing,
 * and not a scrolling key given to a field. The key's own target, inside a shadow root too (a box a
 * content script shows on the page).
 */
function isScrollingKey(event: Pick<KeyboardEvent, 'key' | 'target' | 'composedPath'>): boolean {
  if (!SCROLLING_KEYS.has(event.key)) return false;
  const target = (event.composedPath?.()[0] ?? event.target) as HTMLElement | null;
  if (typeof target?.closest !== 'function') return true;
  return target.isContentEditable !== true && target.closest(KEYS_OWN_TARGETS) === null;
}

/** A scroll this soon after the user's input is theirs (a smooth scroll or a click's jump starts well within). */
export const INPUT_TO_SCROLL_MS = 1000;
/** Scroll events this close together are one movement: a fling keeps going after the finger lifts. */
export const SCROLL_CONTINUES_MS = 250;

export interface ProgressTrackerOptions {
  /** At most one report per interval while the user scrolls. */
  intervalMs?: number;
  now?: () => number;
  /** Whether an event is the user's own; the browser's trust flag unless a test stands in for it. */
  fromUser?: (event: Event) => boolean;
  /** What positions are measured over (getScrollState); the whole page by default. */
  span?: () => ReadingSpan;
  /** The window's Navigation API (`win.navigation`, absent in older Firefox), or a test's stand-in. */
  navigation?: Pick<EventTarget, 'addEventListener'> | null;
  /**
   * An event the page fires (reaching the window) right before it moves the view to a place the user
   * only visits, not reads on from: the reader's links into its copy (a footnote, its ↩ back link,
   * `PLACE_IN_COPY_EVENT`). Only Shelf's own pages name one: a site's page could fire it.
   */
  visitEvent?: string;
}

/** The parts of a `NavigateEvent` read here (a test makes its own). */
type NavigateLike = Event &
  Pick<NavigateEvent, 'hashChange' | 'userInitiated' | 'navigationType'> & {
    destination: Pick<NavigationDestination, 'url' | 'sameDocument'>;
  };

/**
 * Watches for the view being moved to a `#fragment` of this page (same document) and says who did
 * it: `foreign` when not the user, `chosen` when the user picked the place (an in-page link, e.g. a
 * table of contents). Another site that opened the page can set its address to one of its own
 * fragments as often as it likes; the jump fires a trusted scroll, and one landing while the user
 * scrolls looks like theirs. The Navigation API says whether the user started a navigation (a link
 * they clicked, back and forward) and fires even when the address already has that fragment. Without
 * it (older Firefox) `hashchange` and `popstate` tell of a move, and only a link the user clicked to
 * that very address makes it theirs: back and forward count as foreign there, and a re-set of the
 * fragment already in the address goes unseen (it fires neither). A link whose click handler sets
 * `location.hash` is theirs too (the browser calls that navigation the script's). `pushState` and
 * `replaceState` move nothing, and an address on another page is a single-page app's route change,
 * which ends this tracker (showForEachAddress starts the next page's).
 */
function watchFragmentMoves(
  win: Window,
  signal: AbortSignal,
  {
    now,
    fromUser,
    navigation,
  }: { now: () => number; fromUser: (event: Event) => boolean; navigation: ProgressTrackerOptions['navigation'] },
  on: { foreign: () => void; chosen: () => void },
): void {
  const page = pageAddressOf(win.location);
  const onThisPage = (url: string) => pageAddressOf({ href: url }) === page;
  let clickedLink: { url: string; at: number } | null = null;
  const clicked = (url: string) =>
    clickedLink !== null && clickedLink.url === url && now() - clickedLink.at <= INPUT_TO_SCROLL_MS;
  // Whether the user started the last same-document navigation (its popstate and hashchange follow).
  let lastByUser = false;

  win.addEventListener(
    'click',
    (event) => {
      if (!fromUser(event) || !(event.target instanceof Element)) return;
      const href = (event.target.closest('a[href], area[href]') as HTMLAnchorElement | null)?.href;
      if (typeof href === 'string' && href.includes('#') && onThisPage(href)) clickedLink = { url: href, at: now() };
    },
    { capture: true, passive: true, signal },
  );
  navigation?.addEventListener(
    'navigate',
    (e) => {
      const event = e as NavigateLike;
      const { url, sameDocument } = event.destination;
      if (!fromUser(event) || !sameDocument || !onThisPage(url)) return;
      lastByUser = event.userInitiated || clicked(url);
      // pushState and replaceState say hashChange: false, and so does a move to the fragment the
      // address already has, which scrolls all the same ("push", not a history call's "replace").
      const toFragment =
        event.hashChange || (event.navigationType === 'push' && url === win.location.href && url.includes('#'));
      if (!toFragment) return;
      if (!lastByUser) on.foreign();
      // Back and forward restore a position the view had, not necessarily the user's.
      else if (event.navigationType !== 'traverse') on.chosen();
    },
    { signal },
  );
  const onMoved = (event: Event) => {
    const url = event.type === 'hashchange' ? (event as HashChangeEvent).newURL : win.location.href;
    if (!fromUser(event) || !onThisPage(url) || lastByUser) return;
    if (clicked(url)) on.chosen();
    else on.foreign();
  };
  win.addEventListener('popstate', onMoved, { signal });
  win.addEventListener('hashchange', onMoved, { signal });
}

/**
 * Reports the positions the user reaches by their own input — wheel, keys that scroll (not Tab, nor
 * typing in a field: a focus the browser scrolls to is not read to), touch, the scrollbar, a click
 * (e.g. on "Resume", or an outline's section by Enter) — at most once per `intervalMs`, and the last
 * one not yet reported when they leave. Scrolling nobody asked for is never reported: the page's own scripts, restoring
 * a position, or another site that opened this page jumping to a `#fragment` in it. After such a
 * jump nothing more is reported for this page view, even while the user scrolls (from where the
 * jump put them, and the next jump may land within their scrolling), until they pick a place in the
 * page themselves with an in-page link (watchFragmentMoves). A `visitEvent`'s move is not reported
 * either, though a click made it: the click's input does not make it the user's scrolling; the next
 * position reported is one the user scrolls to themselves (a footnote read and left with ↩ leaves the
 * position where it was). Leaving a page where the user did not move reports nothing, so the position
 * recorded before stays. Stops when `signal` aborts.
 */
export function trackReadingProgress(
  win: Window,
  report: (state: ScrollState) => void,
  signal: AbortSignal,
  {
    intervalMs = 1000,
    now = () => win.performance.now(),
    fromUser = (event) => event.isTrusted,
    span = () => null,
    navigation = (win as { navigation?: Navigation }).navigation ?? null,
    visitEvent,
  }: ProgressTrackerOptions = {},
): void {
  let lastInputAt = Number.NEGATIVE_INFINITY;
  let lastUserScrollAt = Number.NEGATIVE_INFINITY;
  let pointerHeld = false;
  let reached: ScrollState | null = null;
  let lastReported = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Since a jump the user did not make: where the view is is not where they read to. */
  let moved = false;

  const flush = () => {
    timer = undefined;
    if (!reached || Math.abs(reached.scrollFraction - lastReported) < 0.005) return;
    lastReported = reached.scrollFraction;
    report(reached);
    reached = null;
  };
  const onInput = (event: Event) => {
    if (!fromUser(event)) return;
    if (event.type === 'pointermove') {
      // A pointer moving with no button down ends a press whose release the page never saw.
      if ((event as PointerEvent).buttons === 0) pointerHeld = false;
      return;
    }
    if (event.type === 'keydown' && !isScrollingKey(event as KeyboardEvent)) return;
    lastInputAt = now();
    // Dragging the scrollbar scrolls for as long as the button is held.
    pointerHeld = event.type === 'pointerdown' || (pointerHeld && event.type !== 'pointerup');
  };
  const onScroll = (event: Event) => {
    // The page's own scrolling only, and never a scroll event a script made up.
    if (moved || (event.target !== win.document && event.target !== win) || !fromUser(event)) return;
    const at = now();
    const byUser =
      pointerHeld || at - lastInputAt <= INPUT_TO_SCROLL_MS || at - lastUserScrollAt <= SCROLL_CONTINUES_MS;
    if (!byUser) return;
    lastUserScrollAt = at;
    reached = getScrollState(win, span());
    timer ??= setTimeout(flush, intervalMs);
  };
  const onLeave = () => {
    if (timer !== undefined) clearTimeout(timer);
    flush();
  };

  watchFragmentMoves(
    win,
    signal,
    { now, fromUser, navigation },
    {
      foreign: () => {
        moved = true;
        // A position not yet reported may be the jump's (Firefox scrolls before saying so).
        reached = null;
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
      },
      chosen: () => {
        moved = false;
      },
    },
  );
  if (visitEvent)
    win.addEventListener(
      visitEvent,
      () => {
        // The click or key that made the move is spent: its scroll, and a smooth one's trail, are not the user's.
        lastInputAt = Number.NEGATIVE_INFINITY;
        lastUserScrollAt = Number.NEGATIVE_INFINITY;
        pointerHeld = false;
      },
      { capture: true, signal },
    );
  // Capture phase on the window: before any element's handler, which could stop the event there.
  for (const type of USER_INPUT_EVENTS) win.addEventListener(type, onInput, { capture: true, passive: true, signal });
  win.addEventListener('scroll', onScroll, { capture: true, passive: true, signal });
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
