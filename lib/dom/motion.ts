/**
 * How a page scrolls to something the user asked to see: smoothly, unless the user asked the system
 * for less motion (prefers-reduced-motion), for whom a long glide can bring on nausea.
 */
export function scrollBehavior(view: Pick<Window, 'matchMedia'> | null): ScrollBehavior {
  // jsdom (unit tests) has no matchMedia.
  return typeof view?.matchMedia === 'function' && view.matchMedia('(prefers-reduced-motion: reduce)').matches
    ? 'auto'
    : 'smooth';
}
