import { COPY_ID_PREFIX } from '@/lib/capture/copy-ids';

/**
 * Fired at the place, bubbling, right before `goToPlaceInCopy` moves the reader there: a footnote is
 * visited, not read on from, so the reading position stays where the user was (trackReadingProgress's
 * `visitEvent`). The outline's jumps are not such visits: the user picks a section to read on from.
 */
export const PLACE_IN_COPY_EVENT = 'shelf-place-in-copy';

/**
 * Moves the reader to the place in the copy a link into it names (`#shelf-copy-fn:1`, a footnote,
 * or its "back" link's marker): scrolled into view (below the sticky toolbar: reader.css gives every
 * element a scroll margin) and focused, so that reading, Tab and a screen reader go on from there.
 * Not by following the link: the reader's own address (`sidepanel.html?reader=…`) stays as it is, and
 * nothing of the copy's is ever looked up outside `body`. False when the copy has no such place.
 */
export function goToPlaceInCopy(body: HTMLElement, href: string): boolean {
  const id = href.slice(1);
  if (!href.startsWith(`#${COPY_ID_PREFIX}`)) return false;
  const place = [...body.querySelectorAll<HTMLElement>('[id]')].find((element) => element.getAttribute('id') === id);
  if (!place) return false;
  // A place in a folded section (notes under <details>) is not shown: opened, as browsers do for a link to it.
  for (
    let folded = place.closest('details');
    folded && body.contains(folded);
    folded = folded.parentElement?.closest('details') ?? null
  )
    folded.open = true;
  visitPlace(place);
  return true;
}

/**
 * Moves the reader to a place the user visits rather than reads on from (a footnote, their tags and
 * notes after the text): scrolled into view and focused, `focusAt` (a control in it) or the place
 * itself, with `PLACE_IN_COPY_EVENT` first so that the reading position stays where it was.
 */
export function visitPlace(place: HTMLElement, focusAt: HTMLElement = place): void {
  place.dispatchEvent(new Event(PLACE_IN_COPY_EVENT, { bubbles: true }));
  place.scrollIntoView?.({ block: 'start' }); // jsdom has no layout
  // Focusable for this once (a note is no Tab stop of its own): the copy keeps no tabindex of its own.
  // A control is focusable as it is, and stays a Tab stop (review).
  if (!focusAt.hasAttribute('tabindex') && !focusAt.matches('input, textarea, select, button')) {
    focusAt.setAttribute('tabindex', '-1');
    focusAt.addEventListener('blur', () => focusAt.removeAttribute('tabindex'), { once: true });
  }
  focusAt.focus({ preventScroll: true });
}

/**
 * A reader opened at an address naming a place in its copy (`sidepanel.html?reader=<id>#shelf-copy-fn:1`:
 * a footnote the browser's menu opened in a new tab, or dragged to the tab bar) goes there once the
 * copy is shown, as a click on the link would have. Any other fragment does nothing. The address has
 * the id percent-encoded where it is not ASCII; a browser looks for the decoded id, then the raw one.
 */
export function goToPlaceInAddress(body: HTMLElement, fragment: string): boolean {
  if (!fragment.startsWith(`#${COPY_ID_PREFIX}`)) return false;
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    // A stray "%": the id as written.
  }
  return goToPlaceInCopy(body, decoded) || (decoded !== fragment && goToPlaceInCopy(body, fragment));
}

/**
 * The side panel's address (`sidepanel.html`) names no item: a link into the copy there (`#shelf-copy-fn:1`)
 * opened in a new tab by the browser's menu (or dragged to the tab bar) showed what the panel shows, from
 * its top. There each names the reader tab's address with its place (`tabAddress`:
 * `/sidepanel.html?reader=<id>`), which goToPlaceInAddress follows; a click still goes to the place in
 * the panel (keepLinksOutOfReader, given the same `tabAddress`). Run on each newly shown copy.
 */
export function nameReaderTabInPlaceLinks(body: HTMLElement, tabAddress: string): void {
  for (const link of body.querySelectorAll('a[href]')) {
    const href = (link.getAttribute('href') ?? '').trim();
    if (href.startsWith(`#${COPY_ID_PREFIX}`)) link.setAttribute('href', `${tabAddress}${href}`);
  }
}

/** The place in the copy a link's `href` names: `#shelf-copy-…`, also after the reader tab's address. */
function placeOf(href: string, tabAddress: string | undefined): string {
  return tabAddress && href.startsWith(`${tabAddress}#${COPY_ID_PREFIX}`) ? href.slice(tabAddress.length) : href;
}

/**
 * Links in a shown copy open in a new tab, never in the reader itself (the side panel or the
 * reader tab), whatever the stored HTML says: the sanitizer leaves `<a target="_blank">` to other
 * pages, and this catches every activation (a click, or Enter on a focused link) of anything with an
 * address anyway. Web and mail addresses open in a new tab; a link to a place in the copy (a
 * footnote) moves the reader there, when the user clicked it; nothing else opens at all. In the side
 * panel such a link names the reader tab's address first (`tabAddress`, nameReaderTabInPlaceLinks).
 * Returns the function that stops it.
 */
export function keepLinksOutOfReader(
  body: HTMLElement,
  open: (url: string) => void = (url) => window.open(url, '_blank', 'noopener,noreferrer'),
  tabAddress?: string,
): () => void {
  const linkOf = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('[href]');
    return link && body.contains(link)
      ? { link, href: placeOf((link.getAttribute('href') ?? '').trim(), tabAddress) }
      : null;
  };
  const onClick = (event: MouseEvent) => {
    const clicked = linkOf(event);
    if (!clicked) return;
    event.preventDefault();
    if (WEB_OR_MAIL.test(clicked.href)) open(clicked.href);
    else if (event.isTrusted && clicked.link.localName === 'a') goToPlaceInCopy(body, clicked.href);
  };
  // A middle click opens a link in a new tab by itself (no click event): a web link so, as asked, but
  // a place in the copy would open the reader's own address with its #shelf-copy-… (a reader showing
  // nothing of it). It goes to the place instead, as a Ctrl/⌘-click does (a click): the user sees the
  // note, and the reading position stays (a visit). The right button's menu is the browser's.
  const onAuxClick = (event: MouseEvent) => {
    const clicked = event.button === 1 ? linkOf(event) : null;
    if (clicked && !WEB_OR_MAIL.test(clicked.href)) onClick(event);
  };
  body.addEventListener('click', onClick);
  body.addEventListener('auxclick', onAuxClick);
  return () => {
    body.removeEventListener('click', onClick);
    body.removeEventListener('auxclick', onAuxClick);
  };
}

const WEB_OR_MAIL = /^(?:https?:|mailto:)/i;
