/** Whether a link says anything to a screen reader: its text, a title, or an image's or drawing's words. */
function hasName(link: Element): boolean {
  if ((link.textContent ?? '').trim() !== '' || (link.getAttribute('title') ?? '').trim() !== '') return true;
  for (const part of link.querySelectorAll('img[alt], area[alt], [aria-label]')) {
    if ((part.getAttribute('alt') ?? part.getAttribute('aria-label') ?? '').trim() !== '') return true;
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
  }
}
