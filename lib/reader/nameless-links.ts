/** Marks a link Shelf quieted. */
export const QUIETED = 'data-shelf-quiet';

const said = (element: Element, attribute: string) => (element.getAttribute(attribute) ?? '').trim() !== '';

/**
 * Whether a link says anything to a screen reader: its text, its own label or title, or the words of
 * an image or drawing in it (`alt`, else a label: an icon link's `aria-label` is its name).
 */
function hasName(link: Element): boolean {
  if ((link.textContent ?? '').trim() !== '' || said(link, 'aria-label') || said(link, 'title')) return true;
  for (const part of link.querySelectorAll('img, area, [aria-label], [role="img"]')) {
    if (said(part, 'alt') || said(part, 'aria-label') || said(part, 'title')) return true;
  }
  return false;
}

/**
 * A copy keeps the page's links, some of which give no words at all (an image link with `alt=""`, an
 * empty share link): a screen reader announced "link" and nothing else at each, a Tab stop leading
 * nowhere a keyboard user could tell (QA pass: seven on a Wikipedia page). They stay for the pointer,
 * out of the tab order and hidden from assistive technology. Run on each newly shown copy.
 */
export function quietNamelessLinks(body: HTMLElement): void {
  for (const link of body.querySelectorAll('a[href]')) {
    if (hasName(link)) continue;
    link.setAttribute('tabindex', '-1');
    link.setAttribute('aria-hidden', 'true');
    // Shelf's, not the copy's (which keeps no data- attribute but data-shelf-src): the security checks tell them apart.
    link.setAttribute(QUIETED, '');
  }
}
