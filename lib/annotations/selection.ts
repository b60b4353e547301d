import { describeRange } from '@/lib/annotations/describe-range';
import type { SelectorSet } from '@/lib/annotations/selectors';

/** The selected text's range when it lies inside `root` and holds some text, else null. */
export function selectedRangeIn(root: Element, selection: Selection | null): Range | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  return range.toString().trim() ? range : null;
}

/** The selectors of the selection in `root`, or why there are none (shown to the user). */
export function describeSelection(
  root: Element,
  selection: Selection | null,
): { ok: true; selectors: SelectorSet } | { ok: false; message: string } {
  const range = selectedRangeIn(root, selection);
  if (!range) return { ok: false, message: 'Select some text of the article first.' };
  const described = describeRange(root, range);
  if (described.ok) return described;
  return {
    ok: false,
    message: described.error === 'too-long' ? 'That selection is too long to highlight.' : 'Select some text first.',
  };
}

/** Whether a key press was typed into a field (where `h` types an h) or carries a modifier. */
export function isKeyForField(event: Pick<KeyboardEvent, 'target' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const element = event.target as HTMLElement | null;
  if (typeof element?.closest !== 'function') return false;
  return element.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"]') !== null;
}
