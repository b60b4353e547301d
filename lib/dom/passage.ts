import { anchor } from '@/lib/annotations/anchor';
import { highlightRange } from '@/lib/annotations/highlight-marks';

/** The mark of the passage a search opened the reader at. */
export const PASSAGE_MARK_ID = 'search-passage';

/**
 * Scrolls the reader to a passage of its copy (found as a highlight is: exactly, or approximately
 * after small edits) and marks it. Returns whether it was found.
 */
export function showPassage(root: Element, passage: string): boolean {
  const found = anchor(root, { quote: { type: 'TextQuoteSelector', exact: passage } });
  if (found.status !== 'found') return false;
  const { marks } = highlightRange(found.range, {
    id: PASSAGE_MARK_ID,
    className: 'search-passage',
    ownerDocument: root.ownerDocument,
  });
  marks[0]?.scrollIntoView({ block: 'center' });
  return true;
}
