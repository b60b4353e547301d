/**
 * The reading list's rows in the DOM (`data-row`: the row's index in the list): the keys act on
 * the row holding the focus, and j/k take the focus along to the next row, so that the row a key
 * acts on is the row a screen reader said (they acted on another row; QA pass).
 */
export const ROW_INDEX_ATTRIBUTE = 'data-row';

/** The index of the row holding `target`, or null outside the rows (the list itself, the toolbar). */
export function rowIndexOf(target: EventTarget | null): number | null {
  const element = target as Element | null;
  if (typeof element?.closest !== 'function') return null;
  const row = element.closest(`[${ROW_INDEX_ATTRIBUTE}]`);
  const index = Number(row?.getAttribute(ROW_INDEX_ATTRIBUTE));
  return row && Number.isInteger(index) ? index : null;
}

/**
 * Moves the focus from a control of a row to the same control (checkbox or title) of the row at
 * `index`; false when that row is not rendered (virtualized out of the DOM).
 */
export function focusSameControl(from: Element, index: number): boolean {
  const list = from.closest(`[${ROW_INDEX_ATTRIBUTE}]`)?.parentElement;
  return focusRowControl(list, index, from.matches('input[type=checkbox]') ? CHECKBOX : TITLE);
}

/**
 * From the list itself (`target`, the element holding the rows), focuses the checkbox of the row at
 * `index`; false when the focus is elsewhere or that row is not rendered.
 */
export function focusCurrentRow(target: Element, index: number): boolean {
  return focusRowControl(target, index, CHECKBOX);
}

const CHECKBOX = 'input[type=checkbox]';
const TITLE = '.reading-row-title';

/** Focuses the control `selector` names in the row at `index` of `list`; false when it is not rendered. */
function focusRowControl(list: Element | null | undefined, index: number, selector: string): boolean {
  const control = list?.querySelector?.<HTMLElement>(`:scope > [${ROW_INDEX_ATTRIBUTE}="${index}"] ${selector}`);
  if (!control) return false;
  control.focus();
  return true;
}
