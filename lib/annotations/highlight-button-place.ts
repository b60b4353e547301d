/**
 * Where the reader's Highlight button goes (`position: fixed`): below the selection, from its left
 * edge, yet wholly inside the viewport. In a narrow side panel (320px) it ran off the right edge,
 * and near the bottom below it, where Tab still focused it unseen (QA pass).
 */

export interface Box {
  width: number;
  height: number;
}

/** The gap between the selection and the button, and between the button and the viewport's edges. */
const GAP = 6;
const MARGIN = 4;

/** The button's top and left: below the selection, or above it when below would leave the viewport. */
export function placeHighlightButton(
  selection: Pick<DOMRect, 'left' | 'top' | 'bottom'>,
  button: Box,
  viewport: Box,
): { top: number; left: number } {
  const left = Math.max(MARGIN, Math.min(selection.left, viewport.width - button.width - MARGIN));
  const below = selection.bottom + GAP;
  const fitsBelow = below + button.height <= viewport.height - MARGIN;
  const top = fitsBelow ? below : Math.max(MARGIN, selection.top - GAP - button.height);
  return { top, left };
}
