import { anchor } from '@/lib/annotations/anchor';
import { HIGHLIGHT_ID_ATTRIBUTE, highlightRange, removeHighlight } from '@/lib/annotations/highlight-marks';
import { asModelText, createTextModel } from '@/lib/annotations/text-model';
import { focusIfNowhereAround } from '@/lib/dom/focus-rescue';
import { openDetailsAround } from '@/lib/dom/open-details';

/** The mark of the passage a search opened the reader at. */
export const PASSAGE_MARK_ID = 'search-passage';

/**
 * Scrolls the reader to a passage of its copy (found as a highlight is: exactly, or approximately
 * after small edits), marks and focuses it, opening any closed `<details>` it sits in; the passage marked
 * before, if any, is unmarked. Returns whether it was found.
 */
export function showPassage(root: Element, passage: string): boolean {
  // A reader left open (the side panel) and opened at another passage of the same copy: one passage is marked.
  const earlier = [...root.querySelectorAll<HTMLElement>(`mark[${HIGHLIGHT_ID_ATTRIBUTE}="${PASSAGE_MARK_ID}"]`)];
  if (earlier.length) removeHighlight({ id: PASSAGE_MARK_ID, marks: earlier });
  const model = createTextModel(root);
  const found = anchor(root, { quote: { type: 'TextQuoteSelector', exact: passage } }, model);
  let range = found.status === 'found' ? found.range : null;
  if (found.status === 'not-found' && found.reason === 'ambiguous') {
    // A highlight in the wrong one of two places is wrong; a search passage is only its words, and the
    // same words in another place are that passage too (a page repeating a paragraph): the first shows it.
    const words = asModelText(passage).trim();
    const start = words ? model.text.indexOf(words) : -1;
    if (start >= 0) range = model.rangeOfSpan({ start, end: start + words.length });
  }
  if (!range) return false;
  const { marks } = highlightRange(range, {
    id: PASSAGE_MARK_ID,
    className: 'search-passage',
    ownerDocument: root.ownerDocument,
  });
  const first = marks[0];
  if (first) openDetailsAround(first, root);
  first?.scrollIntoView({ block: 'center' });
  // The focus follows (a screen reader reads on from the passage), unless the user has put it on
  // something since (the passage may be found seconds later in a huge copy); focusable from script only.
  if (first) focusIfNowhereAround(first);
  return true;
}
