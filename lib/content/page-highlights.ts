import { browser } from 'wxt/browser';
import { describeRange } from '@/lib/annotations/describe-range';
import { hasMarkableText } from '@/lib/annotations/highlight-marks';
import { type PaintedHighlights, paintHighlights } from '@/lib/annotations/paint-highlights';
import { isWithinOneHighlight, selectedRangeIn, widenToHighlights } from '@/lib/annotations/selection';
import { isFromUser, type UserEventCheck } from '@/lib/content/box-dom';
import {
  type HighlightButton,
  mountHighlightButton,
  type SelectionNotHighlightable,
} from '@/lib/content/highlight-button';
import type { PageContext } from '@/lib/content/page-context';
import { watchUserInput } from '@/lib/content/user-selection';
import { outermost } from '@/lib/dom/outermost';
import { shownTextNodes } from '@/lib/dom/unrendered-text';
import { sendRequest } from '@/lib/messaging/client';
import { MAX_MENU_SELECTION, pageCommandSchema } from '@/lib/messaging/page-command';
import type { PageHighlight } from '@/lib/messaging/protocol';

/** Under a third of `<main>`'s shown text, the longest article is one of its parts, not the article. */
const MIN_ARTICLE_SHARE_OF_MAIN = 3;

/**
 * The text a web page's highlights are counted in (their TextPositionSelector offsets, and where
 * TextQuoteSelector looks): the article's element — of `<main>`'s `<article>`s (else the page's), the
 * one showing the most text, else `<main>`, else `<body>`; `<main>` too when that article shows under a
 * third of its text. News pages list a ticker and teasers as articles beside the story: La Nación's
 * first was "Anticipo:" (nothing of the story could be highlighted), the New York Times' story is in no
 * article of its `<main>`. The same root makes and finds them again, so the page's header, menus and
 * comments neither shift offsets nor offer false matches.
 */
export function articleTextRoot(doc: Document): Element | null {
  const inMain = outermost(doc.querySelectorAll('main article'));
  const articles = inMain.length > 0 ? inMain : outermost(doc.querySelectorAll('article'));
  let best: Element | null = null;
  let bestLength = -1;
  for (const article of articles) {
    const length = shownTextLength(article);
    if (length > bestLength) [best, bestLength] = [article, length];
  }
  const main = best?.closest('main') ?? doc.querySelector('main');
  if (main && (!best || (main.contains(best) && bestLength * MIN_ARTICLE_SHARE_OF_MAIN < shownTextLength(main))))
    return main;
  return best ?? doc.body;
}

/** The characters of an element's text a reader sees (no script, style…), spaces around each text left out. */
function shownTextLength(element: Element): number {
  let length = 0;
  for (const text of shownTextNodes(element)) length += text.data.trim().length;
  return length;
}

export interface PageHighlightsOptions {
  /**
   * The blog's article this page is. Without it the page is any site's (the every-site script),
   * and the background knows it by the address the browser gives for this tab alone.
   */
  articleId?: string;
  /** The page's stored highlights (`page-state` or `page-highlights`): found again and drawn. */
  highlights: readonly PageHighlight[];
  signal: AbortSignal;
  /** Called when a highlight saved the page (it was not in the reading list). */
  onSavedNow?: () => void;
  fromUser?: UserEventCheck;
}

/**
 * Highlights on a live web page — a blog article's own page, or any site while "related articles
 * on every site" is on: the stored ones anchored and drawn as `<mark>`s (a background colour only:
 * nothing the user wrote goes into the page), what was found reported to the background for the
 * item's card; and new ones from the `Highlight` button next to a selection or the "Highlight with
 * Shelf" menu item. The database is the background's.
 */
export function startPageHighlights(win: Window, options: PageHighlightsOptions): void {
  const { signal } = options;
  // The blog names its article; elsewhere the background goes by the sender's address.
  const page = options.articleId === undefined ? {} : { articleId: options.articleId };
  const doc = win.document;
  const root = articleTextRoot(doc);
  if (!root) return;
  const drawn: PaintedHighlights[] = [];
  // What is drawn, by id: to tell whether the stored highlights differ from it.
  const shown = new Map<string, PageHighlight>();
  // The highlight each drawn mark belongs to: the marks carry no id to tell them apart by.
  const highlightOfMark = new WeakMap<Element, string>();
  const clear = () => {
    for (const painted of drawn.reverse()) painted.clear();
    drawn.length = 0;
    shown.clear();
  };
  signal.addEventListener('abort', clear);

  const draw = (highlights: readonly PageHighlight[]) => {
    for (const highlight of highlights) shown.set(highlight.id, highlight);
    // Marks without the highlights' ids: an id never changes and syncs, so it would name the user to the site.
    const painted = paintHighlights(root, highlights, { withIds: false });
    drawn.push(painted);
    for (const [id, handle] of painted.drawn) for (const mark of handle.marks) highlightOfMark.set(mark, id);
    void sendRequest({
      type: 'report-page-highlights',
      ...page,
      found: [...painted.drawn.keys()],
      notFound: [...painted.notFound],
    }).catch(() => {});
  };
  if (options.highlights.length > 0) draw(options.highlights);

  // Highlights changed elsewhere (the side panel removed or recoloured one): the stored ones drawn
  // anew, when they differ from what is drawn. Only the latest answer is drawn.
  let asked = 0;
  let answered = 0;
  const redraw = async () => {
    const ask = ++asked;
    const reply = await sendRequest({ type: 'page-highlights', ...page }).catch(() => null);
    answered = Math.max(answered, ask);
    if (!reply || ask !== asked || signal.aborted || isDrawn(reply.highlights)) return;
    clear();
    if (reply.highlights.length > 0) draw(reply.highlights);
  };
  const isDrawn = (highlights: readonly PageHighlight[]) =>
    highlights.length === shown.size &&
    highlights.every(({ id, color, selectors }) => {
      const drawnOne = shown.get(id);
      return drawnOne?.color === color && JSON.stringify(drawnOne.selectors) === JSON.stringify(selectors);
    });

  const highlight = async (range: Range | null): Promise<boolean | SelectionNotHighlightable> => {
    if (!range) return 'outside-article';
    if (isWithinOneHighlight(range, (mark) => highlightOfMark.get(mark))) return 'already-highlighted';
    if (!hasMarkableText(range)) return 'nothing-to-mark';
    // Highlights the selection covers some of are taken in whole, and replaced by this one (as in the reader).
    const widened = widenToHighlights(
      range,
      (mark) => highlightOfMark.get(mark),
      (id) => drawn.flatMap((painted) => painted.drawn.get(id as string)?.marks ?? []),
    );
    const joining = widened.highlights as string[];
    const described = describeRange(root, widened.range);
    if (!described.ok) return described.error === 'too-long' ? 'too-long' : false;
    const { selectors, quoteBlocks } = described;
    const reply = await sendRequest({
      type: 'add-page-highlight',
      ...page,
      selectors,
      ...(quoteBlocks && { quoteBlocks }),
      ...(joining.length > 0 && { joining }),
    });
    if (reply.savedNow) options.onSavedNow?.();
    // Ended meanwhile (the site moved to another page): its marks are cleared, and this one would stay.
    if (!reply.highlight || signal.aborted) return false;
    win.getSelection()?.removeAllRanges();
    // Drawn already when the page was told of it before this answer came.
    if (!shown.has(reply.highlight.id)) draw([reply.highlight]);
    // A list asked for before this one was stored would clear its mark: asked again (review). The
    // highlights it took the place of are drawn no more.
    if (answered < asked || joining.length > 0) void redraw();
    return true;
  };

  let button: HighlightButton | null = null;
  let selected: Range | null = null;
  // Any site but the blog: only a selection the user just made offers the button. A page may select
  // text from its script, see where the button shows and lay a click-through lure over it, to have
  // itself saved; its script cannot press a key or the mouse, nor choose where the user pressed.
  const anySite = options.articleId === undefined;
  const userInput = anySite
    ? watchUserInput(doc, {
        fromUser: options.fromUser ?? isFromUser,
        signal,
        onInputEnd: () => follow(),
        isShelfs: (target) => button?.owns(target) ?? false,
      })
    : null;
  // `asked`: the right-click menu's item (the browser's own UI, the user's). A scroll only moves the
  // button along with the same selection: a page that swaps its own in and scrolls gets none.
  const follow = (reason?: 'asked' | 'scrolled') => {
    const range = selectedRangeIn(root, win.getSelection());
    const offered = (range: Range) => {
      if (!userInput || reason === 'asked') return true;
      if (reason === 'scrolled') return selected !== null && sameRange(range, selected);
      return userInput.isUsers(range);
    };
    if (!range || !offered(range)) {
      selected = null;
      // A keyboard user on the button (its press cleared the selection) keeps it, and the focus.
      if (button?.hasFocus()) return;
      return button?.hide();
    }
    selected = range.cloneRange();
    showButtonBeside(range);
  };
  const showButtonBeside = (range: Range): HighlightButton => {
    button ??= mountHighlightButton(doc, {
      signal,
      fromUser: options.fromUser,
      onHighlight: () => highlight(selected),
      guardCovering: anySite,
    });
    // The end of the selection's last line (jsdom, in unit tests, has no layout: the corner then).
    const rects = typeof range.getClientRects === 'function' ? range.getClientRects() : [];
    button.showAt(rects[rects.length - 1] ?? { right: 0, bottom: 0 });
    return button;
  };
  doc.addEventListener('selectionchange', () => follow(), { signal });
  // A selection made while Shelf was still asking about the page (a fast reader, a slow machine).
  follow();
  win.addEventListener('scroll', () => selected && follow('scrolled'), { capture: true, passive: true, signal });

  // The right-click menu item, or highlights changed elsewhere: the background says; only Shelf
  // itself may (not another tab's script).
  // What kept nothing is said on the button beside the selection, as a press of it would say; a
  // selection outside the article's text (the menu shows for any) is told so beside it.
  const onCommand = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    const command = pageCommandSchema.safeParse(message);
    if (!command.success || sender.id !== browser.runtime.id || sender.tab) return;
    if (command.data.type === 'highlights-changed') return void redraw();
    const selection = win.getSelection();
    const pageRange = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
    const asked = command.data.selectionText;
    // The selection as rendered (no hidden text, as the menu reads it), not its range's raw text.
    const changed = asked !== undefined && !isMenuSelection(selection?.toString() ?? '', asked);
    void (changed ? Promise.resolve('selection-changed' as const) : highlight(selectedRangeIn(root, selection)))
      .catch((error: unknown) => error)
      .then((kept) => {
        if (kept === true) return;
        follow('asked'); // the menu is the user's, in the browser's own UI
        if (selected) button?.sayNotHighlighted(kept);
        else if ((kept === 'outside-article' || kept === 'selection-changed') && pageRange?.toString().trim())
          showButtonBeside(pageRange).sayNotHighlighted(kept);
      });
  };
  browser.runtime.onMessage.addListener(onCommand);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onCommand));
}

/**
 * Whether the page's selection is still the text the menu was opened on: the same text, compared
 * without whitespace (browsers write it differently between blocks) nor case (a `text-transform`),
 * not merely starting with it (review: a page could stretch the selection over its own words). A
 * start only when the menu's text was cut at MAX_MENU_SELECTION, as the background sends it.
 */
export function isMenuSelection(selected: string, menuText: string): boolean {
  const bare = (text: string) => text.replace(/\s+/g, '').toLowerCase();
  const [shown, asked] = [bare(selected), bare(menuText)];
  return shown === asked || (menuText.length >= MAX_MENU_SELECTION && shown.startsWith(asked));
}

function sameRange(a: Range, b: Range): boolean {
  return a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0;
}

/**
 * Any site the every-site script runs on (not the blog, which has its own script): the page's
 * stored highlights drawn again, and new ones made there. Which page this is, and so which saved
 * item, is the background's to say from the address the browser gives for this tab.
 */
export async function showPageHighlights(ctx: PageContext, win: Window = window): Promise<void> {
  const reply = await sendRequest({ type: 'page-highlights' }).catch(() => null);
  if (!reply || ctx.isInvalid) return;
  startPageHighlights(win, { highlights: reply.highlights, signal: ctx.signal });
}
