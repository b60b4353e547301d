import type { UserEventCheck } from '@/lib/content/box-dom';

/**
 * Whether the page's selection is one the user just made, on any site but the blog. A page's script
 * can select text whenever the user presses something (its own `pointerdown` handler, say), see where
 * Shelf's `Highlight` button shows and lay a click-through lure over it: so time alone is not enough.
 * A selection counts as the user's when their last trusted input could have made it, and made it
 * there: a pointer that dragged, double- or triple-clicked or Shift-clicked (a touch or pen's long
 * press) at a point on the selection; or a key that selects (Shift+arrows and the like, Ctrl/Cmd+A).
 */

/** How long after the user's last key or pointer input a new selection counts as theirs. */
const USER_SELECTION_MS = 1_000;

/** How far (CSS px) from the selection's text the pointer may be: a drag ends a little past a word. */
const NEAR_PX = 16;
/** A press let go this far (CSS px) from where it went down dragged; a still click selects nothing. */
const DRAG_PX = 3;
/** A touch or pen held this long selects a word (a long press); a shorter tap selects nothing. */
const LONG_PRESS_MS = 400;

export interface Point {
  x: number;
  y: number;
}

/** The user's last pointer gesture: where it went down and, once let go, where it was let go. */
export interface PointerGesture {
  down: Point;
  up: Point | null;
  /** The click count (2 for a double-click), from `mousedown`'s `detail`. */
  clicks: number;
  /** Shift held: a click extends the selection. */
  extends: boolean;
  /** A touch or pen selects a word with a long press, without moving. */
  mouse: boolean;
  /** How long it was held, once let go. */
  heldMs?: number;
}

export type UserInput = { kind: 'pointer'; gesture: PointerGesture } | { kind: 'key'; selecting: boolean };

const SHIFT_SELECTING_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/** A key that selects text on a page: Shift with a moving key, or Ctrl/Cmd+A. */
export function isSelectingKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): boolean {
  if (event.shiftKey && SHIFT_SELECTING_KEYS.has(event.key)) return true;
  return (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a';
}

/** Whether a gesture can select text at all: a plain, still mouse click does not (it clears it). */
export function gestureMaySelect(gesture: PointerGesture): boolean {
  const { down, up } = gesture;
  if (!up || gesture.clicks >= 2 || gesture.extends) return true;
  const dragged = Math.hypot(up.x - down.x, up.y - down.y) >= DRAG_PX;
  // Review: any still tap counted, so a page selecting text under it got the button.
  if (!gesture.mouse) return dragged || (gesture.heldMs ?? 0) >= LONG_PRESS_MS;
  return dragged;
}

/** A place in the text under a point, as the browser hit-tests a press there (null where unsupported). */
export type CaretAt = (point: Point) => { node: Node; offset: number } | null;

export function caretAtIn(doc: Document): CaretAt {
  return ({ x, y }) => {
    const withPosition = doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    };
    if (typeof withPosition.caretPositionFromPoint === 'function') {
      const position = withPosition.caretPositionFromPoint(x, y);
      return position ? { node: position.offsetNode, offset: position.offset } : null;
    }
    if (typeof doc.caretRangeFromPoint === 'function') {
      const range = doc.caretRangeFromPoint(x, y);
      return range ? { node: range.startContainer, offset: range.startOffset } : null;
    }
    return null;
  };
}

/**
 * Whether `point` is on the selection: near one of its lines' boxes, or where the browser puts a
 * press there inside it (a drag let go in the margin past a line's end selects up to that end).
 */
export function pointOnRange(range: Range, point: Point, caretAt: CaretAt): boolean {
  const rects = typeof range.getClientRects === 'function' ? [...range.getClientRects()] : [];
  const near = rects.some(
    (rect) =>
      point.x >= rect.left - NEAR_PX &&
      point.x <= rect.right + NEAR_PX &&
      point.y >= rect.top - NEAR_PX &&
      point.y <= rect.bottom + NEAR_PX,
  );
  if (near) return true;
  const caret = caretAt(point);
  if (!caret) return false;
  try {
    return range.comparePoint(caret.node, caret.offset) === 0;
  } catch {
    return false; // another tree (a shadow root): not the selection's text
  }
}

/** Whether `range` is the selection the user's last input (`input`, at `inputAt`) made just now. */
export function madeByUser(
  range: Range,
  input: UserInput | null,
  { inputAt, now, caretAt }: { inputAt: number; now: number; caretAt: CaretAt },
): boolean {
  if (!input || now - inputAt > USER_SELECTION_MS) return false;
  if (input.kind === 'key') return input.selecting;
  const { gesture } = input;
  if (!gestureMaySelect(gesture)) return false;
  // A drag's end is where it was let go; while still pressed (or for its start), where it went down.
  return [gesture.up, gesture.down].some((point) => point !== null && pointOnRange(range, point, caretAt));
}

/**
 * Follows the user's trusted key and pointer input in `doc`, to tell whether a selection is theirs
 * (`isUsers`). `onInputEnd` runs on each pointer or key let go: a selection dragged for longer than
 * USER_SELECTION_MS is offered then.
 */
export function watchUserInput(
  doc: Document,
  {
    fromUser,
    signal,
    onInputEnd,
    isShelfs,
  }: {
    fromUser: UserEventCheck;
    signal: AbortSignal;
    onInputEnd: () => void;
    /** Input on Shelf's own controls (a press of the button) selects nothing, and keeps the selection. */
    isShelfs: (target: EventTarget | null) => boolean;
  },
): { isUsers(range: Range): boolean } {
  let input: UserInput | null = null;
  let inputAt = Number.NEGATIVE_INFINITY;
  const view = doc.defaultView;
  const now = () => view?.performance.now() ?? Date.now();
  const listen = <K extends 'pointerdown' | 'pointerup' | 'mousedown' | 'keydown' | 'keyup'>(
    type: K,
    handle: (event: DocumentEventMap[K]) => void,
  ) =>
    doc.addEventListener(
      type,
      (event) => {
        if (!fromUser(event) || isShelfs(event.target)) return;
        inputAt = now();
        handle(event);
      },
      { capture: true, passive: true, signal },
    );
  let downAt = 0;
  listen('pointerdown', (event) => {
    downAt = now();
    input = {
      kind: 'pointer',
      gesture: {
        down: { x: event.clientX, y: event.clientY },
        up: null,
        clicks: 1,
        extends: event.shiftKey,
        mouse: event.pointerType !== 'touch' && event.pointerType !== 'pen',
      },
    };
  });
  // Pointer events carry no click count; the mouse event that follows the pointerdown does.
  listen('mousedown', (event) => {
    if (input?.kind === 'pointer' && input.gesture.up === null) input.gesture.clicks = event.detail;
  });
  listen('pointerup', (event) => {
    if (input?.kind === 'pointer') {
      input.gesture.up = { x: event.clientX, y: event.clientY };
      input.gesture.heldMs = now() - downAt;
    }
    onInputEnd();
  });
  listen('keydown', (event) => {
    // Shift pressed on its own before the arrow: the selecting key is the one that follows.
    if (input?.kind === 'key' && input.selecting && ['Shift', 'Control', 'Meta'].includes(event.key)) return;
    // Shift+arrows typed in the page's own field move its caret, not the page's selection (review).
    const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    input = { kind: 'key', selecting: !inField && isSelectingKey(event) };
  });
  listen('keyup', () => onInputEnd());
  return { isUsers: (range) => madeByUser(range, input, { inputAt, now: now(), caretAt: caretAtIn(doc) }) };
}
