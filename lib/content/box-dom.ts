import { element } from '@/lib/dom/element';

/**
 * The DOM pieces both content-script boxes are built from, with plain DOM calls (no framework: a
 * page pays for this script). Page text is never set as HTML.
 */

/**
 * One element of a box, its text drawn by the box's CSS (`[data-text]::before`) rather than held
 * in a text node: a page's `window.find()` searches text nodes even inside closed shadow roots, so
 * it could probe the box ("Resume where you left off (42%)"); it never sees generated text. Screen
 * readers do read it; buttons also carry it as their label.
 */
export function boxElement<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  { className, text, attrs = {} }: { className?: string; text?: string; attrs?: Record<string, string> } = {},
): HTMLElementTagNameMap[K] {
  if (text === undefined) return element(doc, tag, { className, attrs });
  const label: Record<string, string> = tag === 'button' && !attrs['aria-label'] ? { 'aria-label': text } : {};
  return element(doc, tag, { className, attrs: { ...attrs, ...label, 'data-text': text } });
}

/**
 * Whether an event came from the user. The box acts on the user's own clicks and keys only: a
 * page's scripts can make events, but never trusted ones. (Tests stand in for the browser here:
 * jsdom cannot make a trusted event.)
 */
export type UserEventCheck = (event: Event) => boolean;
export const isFromUser: UserEventCheck = (event) => event.isTrusted;

/**
 * A button that does nothing for now (saving, opening, or saved) stays focusable: a disabled one
 * drops a keyboard user's focus to the page's <body>, and its new name ("Saved to Shelf") is then
 * heard by no one. `onUserClick` ignores it meanwhile.
 */
export function setUnavailable(button: HTMLElement, unavailable: boolean): void {
  button.setAttribute('aria-disabled', String(unavailable));
}

/**
 * Runs `action` on a click (a mouse click, or Enter/Space on the focused button) by the user, unless
 * the button says it is unavailable for now (`aria-disabled`, which keeps it focusable).
 */
export function onUserClick(
  target: HTMLElement,
  action: (event: MouseEvent) => void,
  fromUser: UserEventCheck = isFromUser,
): void {
  target.addEventListener('click', (event) => {
    if (fromUser(event) && target.getAttribute('aria-disabled') !== 'true') action(event);
  });
}

/**
 * Runs `action` when the user presses Escape inside `target`; `action` returns false when it had
 * nothing to do. A key the box acted on goes no further: the page's own Escape listeners past the box
 * (one closing the page's dialog) do not get it; those listening before it, in the capture phase, have.
 */
export function onUserEscape(target: HTMLElement, action: () => boolean, fromUser: UserEventCheck = isFromUser): void {
  target.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !fromUser(event) || event.defaultPrevented || !action()) return;
    event.preventDefault();
    event.stopPropagation();
  });
}

/**
 * The box itself: a labelled `aside` with a header (brand, and a close button). With
 * `dismissOnEscape`, Escape anywhere in the box is the close button (QA: a keyboard user had to Tab to ×).
 */
export function createBox(
  doc: Document,
  {
    label,
    brand,
    closeLabel,
    onDismiss,
    dismissOnEscape = false,
    fromUser = isFromUser,
  }: {
    label: string;
    brand: string;
    closeLabel: string;
    onDismiss: () => void;
    dismissOnEscape?: boolean;
    fromUser?: UserEventCheck;
  },
): HTMLElement {
  const box = boxElement(doc, 'aside', { className: 'shelf-box', attrs: { 'aria-label': label } });
  const header = boxElement(doc, 'div', { className: 'shelf-box-header' });
  header.append(boxElement(doc, 'span', { className: 'shelf-box-brand', text: brand }));
  const close = boxElement(doc, 'button', {
    className: 'shelf-box-close',
    text: '×',
    attrs: { type: 'button', 'aria-label': closeLabel },
  });
  onUserClick(close, onDismiss, fromUser);
  if (dismissOnEscape) {
    onUserEscape(
      box,
      () => {
        onDismiss();
        return true;
      },
      fromUser,
    );
  }
  header.append(close);
  box.append(header);
  return box;
}

/** A link-styled button that opens an article. */
export function articleButton(
  doc: Document,
  title: string,
  onClick: () => void,
  fromUser: UserEventCheck = isFromUser,
): HTMLButtonElement {
  const button = boxElement(doc, 'button', { className: 'shelf-box-link', text: title, attrs: { type: 'button' } });
  onUserClick(button, onClick, fromUser);
  return button;
}

/**
 * How to get to the card when the box could not open the panel, in this browser's words. Firefox
 * never lets a page's click open the sidebar (no user input reaches the background through a
 * message), and its toolbar button opens the popup: the sidebar is opened from its menu or shortcut.
 */
export function sidePanelHintText(firefox = import.meta.env.BROWSER === 'firefox'): string {
  return firefox
    ? 'Open Shelf’s sidebar to see the card: Alt+Shift+L, or View → Sidebar → Shelf.'
    : 'Open Shelf’s side panel from the toolbar to see the card.';
}

/**
 * Opening a card in Shelf's side panel from a box, which the browser allows only where it can open the
 * panel: `open` runs an opening from `button` (unavailable meanwhile); `hint`, hidden until then, says
 * how to get there when the panel did not open. Both boxes use it.
 */
export function sidePanelOpener(doc: Document): {
  hint: HTMLElement;
  open: (button: HTMLElement, opening: () => Promise<boolean>) => void;
} {
  const hint = boxElement(doc, 'p', {
    className: 'shelf-box-hint',
    text: sidePanelHintText(),
    attrs: { role: 'status' },
  });
  hint.hidden = true;
  const open = (button: HTMLElement, opening: () => Promise<boolean>) => {
    setUnavailable(button, true);
    void opening()
      .catch(() => false)
      .then((opened) => {
        setUnavailable(button, false);
        hint.hidden = opened;
      });
  };
  return { hint, open };
}
