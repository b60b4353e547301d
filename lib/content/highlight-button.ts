import { ALREADY_HIGHLIGHTED, NOTHING_TO_MARK } from '@/lib/annotations/selection';
import { boxElement, isFromUser, onUserClick, setUnavailable, type UserEventCheck } from '@/lib/content/box-dom';
import css from '@/lib/content/highlight-button.css?inline';
import { NOT_WATCHED, watchOcclusion } from '@/lib/content/occlusion';
import { mountShadowBox } from '@/lib/content/shadow-box';
import { COMMENTS_TOO_LONG_TO_JOIN, isStorageFullMessage } from '@/lib/db/errors';
import { isPageNotSavedMessage } from '@/lib/messaging/highlight-errors';

/** Where the button goes: below the selection's end, kept inside the viewport. */
export interface SelectionPlace {
  right: number;
  bottom: number;
}

export interface HighlightButton {
  showAt(place: SelectionPlace): void;
  hide(): void;
  /** Says on the button why a highlight asked for elsewhere (the right-click menu) kept nothing. */
  sayNotHighlighted(failure: unknown): void;
  /** Whether the button has the keyboard's focus (it then stays shown when the selection goes). */
  hasFocus(): boolean;
  /** Whether an event's target (seen from the page: the host element) is the button's. */
  owns(target: EventTarget | null): boolean;
}

const BUTTON_WIDTH = 96;
const BUTTON_HEIGHT = 32;

/**
 * Why a highlight was not made before asking the background: the selection is not in the
 * article's text (a menu, a sidebar, the site's header), is longer than a highlight may be, is
 * one highlight already, or is only a formula or a drawing (no mark would show).
 */
export type SelectionNotHighlightable =
  | 'outside-article'
  | 'too-long'
  | 'already-highlighted'
  | 'nothing-to-mark'
  | 'selection-changed';

/** What the button says once its press kept the highlight. */
const HIGHLIGHTED = 'Highlighted';

/** The button's press while something on the page covered it (a lure the click went through). */
const COVERED = 'covered';

/**
 * Why the button's press kept nothing, in its label: a full disk says so (the background's
 * `StorageFullError`), so the reader knows that trying again will not help until there is room,
 * and so does a page that could not be saved first.
 */
function describeNotHighlighted(failure: unknown): string {
  if (failure === 'outside-article') return 'Not highlighted: select text in the article';
  if (failure === 'too-long') return 'Not highlighted: the selection is too long';
  if (failure === 'already-highlighted') return ALREADY_HIGHLIGHTED;
  if (failure === 'nothing-to-mark') return NOTHING_TO_MARK;
  if (failure === 'selection-changed') return 'Not highlighted: the selection changed after the right-click';
  if (failure === COVERED) return 'Not highlighted: the page covers this button (right-click: Highlight with Shelf)';
  if (!(failure instanceof Error)) return 'Could not highlight';
  if (isStorageFullMessage(failure.message)) return 'Not highlighted: the browser has no room left for Shelf';
  // A page not saved yet is saved first; when its capture fails nothing is kept.
  if (isPageNotSavedMessage(failure.message)) return 'Not highlighted: this page could not be saved';
  if (failure.message === COMMENTS_TOO_LONG_TO_JOIN) return COMMENTS_TOO_LONG_TO_JOIN;
  return 'Could not highlight';
}

/**
 * A small `Highlight` button next to the selection on a web page, in its own closed shadow root
 * (mounted on first use, so a page where nothing is selected gets no host element). It acts on
 * the user's own clicks only; pressing it does not take the page's selection away.
 */
export function mountHighlightButton(
  doc: Document,
  {
    signal,
    onHighlight,
    fromUser = isFromUser,
    guardCovering = true,
  }: {
    signal: AbortSignal;
    /** Whether a press while the page covers the button keeps nothing (any site but the blog). */
    guardCovering?: boolean;
    /** True once kept; else why not (shown on the button). */
    onHighlight: () => Promise<boolean | SelectionNotHighlightable>;
    fromUser?: UserEventCheck;
  },
): HighlightButton {
  const box = mountShadowBox(doc, { hostName: 'shelf-highlight', css, signal });
  const bar = boxElement(doc, 'aside', {
    className: 'shelf-highlight-bar',
    attrs: { 'aria-label': 'Shelf: highlight' },
  });
  const button = boxElement(doc, 'button', {
    className: 'shelf-highlight-button',
    text: 'Highlight',
    attrs: { type: 'button' },
  });
  const label = (text: string) => {
    button.setAttribute('data-text', text);
    button.setAttribute('aria-label', text);
  };
  // A press on the button would otherwise move the page's selection (the passage to highlight).
  button.addEventListener('mousedown', (event) => event.preventDefault());
  const occlusion = guardCovering ? watchOcclusion(button) : NOT_WATCHED;
  signal.addEventListener('abort', () => occlusion.unwatch(), { once: true });
  onUserClick(
    button,
    (event) => {
      // Done: a second press (the button stays while it has the focus) has no selection left to keep.
      if (button.getAttribute('aria-label') === HIGHLIGHTED) return;
      // A click through a lure the page laid over the button was meant for the lure, not Shelf. Only
      // a pointer's press (a key's has detail 0, and lands where the focus is), and only where a page
      // could lure: Chromium also calls a control covered under a filter on <html> (Dark Reader's).
      if (guardCovering && event.detail > 0 && occlusion.covered()) return label(describeNotHighlighted(COVERED));
      // Unavailable while it works, yet focusable: disabled, it dropped a keyboard user's focus to <body>.
      setUnavailable(button, true);
      void onHighlight()
        .catch((error: unknown) => error)
        .then((kept) => {
          setUnavailable(button, false);
          label(kept === true ? HIGHLIGHTED : describeNotHighlighted(kept));
        });
    },
    fromUser,
  );
  // Kept in view while it has the focus (see `hasFocus`): a keyboard user hears "Highlighted" on it,
  // and it goes once they move on.
  button.addEventListener('blur', () => {
    if (button.getAttribute('aria-label') === HIGHLIGHTED) hide();
  });
  bar.append(button);
  bar.hidden = true;
  box.container.append(bar);
  const view = doc.defaultView;
  const root = box.container.getRootNode() as ShadowRoot;
  const host = root.host;
  const hide = () => {
    bar.hidden = true;
    occlusion.unwatch();
  };
  return {
    showAt({ right, bottom }) {
      const width = view?.innerWidth ?? 1024;
      const height = view?.innerHeight ?? 768;
      label('Highlight');
      bar.style.left = `${Math.max(4, Math.min(right - BUTTON_WIDTH / 2, width - BUTTON_WIDTH - 4))}px`;
      bar.style.top = `${Math.max(4, Math.min(bottom + 8, height - BUTTON_HEIGHT - 4))}px`;
      // Watched from when it shows, not anew on each move (a page scrolling all along would reset it).
      if (bar.hidden) occlusion.watch();
      bar.hidden = false;
    },
    hide,
    hasFocus: () => root.activeElement === button,
    sayNotHighlighted(failure) {
      label(describeNotHighlighted(failure));
    },
    owns: (target) => target === host,
  };
}
