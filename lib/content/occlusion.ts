/**
 * Whether something on the page covers (or fades, or moves) one of Shelf's controls: a page may lay
 * a click-through lure (`pointer-events: none`) over it, so the user's click meant for the lure
 * presses Shelf's control. Chromium's IntersectionObserver v2 (`trackVisibility`) tells, even for
 * such overlays; where the browser cannot (Firefox), nothing is reported covered.
 */
export interface OcclusionWatch {
  /** Starts watching anew (the control was just shown): not covered until the browser says so. */
  watch(): void;
  /** Stops watching (the control is hidden). */
  unwatch(): void;
  /** The browser's last word since `watch()`: covered, faded or transformed on screen. */
  covered(): boolean;
}

/** IntersectionObserver v2's fields, not yet in TypeScript's DOM types. */
type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };
type VisibilityInit = IntersectionObserverInit & { trackVisibility: boolean; delay: number };

/** Where the browser cannot tell (or need not be asked): nothing is ever covered. */
export const NOT_WATCHED: OcclusionWatch = { watch() {}, unwatch() {}, covered: () => false };

export function watchOcclusion(element: Element): OcclusionWatch {
  const view = element.ownerDocument.defaultView;
  const Observer = view?.IntersectionObserver;
  const Entry = (view as (Window & { IntersectionObserverEntry?: typeof IntersectionObserverEntry }) | null)
    ?.IntersectionObserverEntry;
  if (!Observer || !Entry || !('isVisible' in Entry.prototype)) {
    return NOT_WATCHED;
  }
  let covered = false;
  // 100ms is the least delay v2 allows; a lure laid after the control shows is seen within it.
  const init: VisibilityInit = { trackVisibility: true, delay: 100 };
  const observer = new Observer((entries) => {
    for (const entry of entries as VisibilityEntry[]) covered = entry.isVisible === false;
  }, init);
  return {
    watch() {
      covered = false;
      observer.unobserve(element);
      observer.observe(element);
    },
    unwatch() {
      observer.unobserve(element);
      covered = false;
    },
    covered: () => covered,
  };
}
