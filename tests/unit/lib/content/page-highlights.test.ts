import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_QUOTE_LENGTH } from '@/lib/annotations/describe-range';
import type { SelectorSet } from '@/lib/annotations/selectors';
import {
  articleTextRoot,
  isMenuSelection,
  showPageHighlights,
  startPageHighlights,
} from '@/lib/content/page-highlights';
import { COMMENTS_TOO_LONG_TO_JOIN, CommentsTooLongToJoinError, StorageFullError } from '@/lib/db/errors';
import { PAGE_NOT_SAVED } from '@/lib/messaging/highlight-errors';
import { MAX_MENU_SELECTION } from '@/lib/messaging/page-command';
import type { PageHighlight, ShelfRequest } from '@/lib/messaging/protocol';

const SENTENCE = 'The stampede starts when every cache entry expires at once.';
const ARTICLE_HTML = `<header><p>${SENTENCE} (the site's tagline)</p></header>
  <main><article><h1>Cache stampede</h1><p>Caches fail in groups.</p><p>${SENTENCE} Then the database melts.</p></article></main>`;

let received: ShelfRequest[];
let controller: AbortController;
/** The background, answering as request-handlers.ts does (the article not saved before). */
function answerAsBackground() {
  fakeBrowser.runtime.onMessage.addListener((message: ShelfRequest, _sender, sendResponse) => {
    if (message.type === 'add-page-highlight') {
      received.push(message);
      const highlight: PageHighlight = { id: `h${received.length}`, selectors: message.selectors, color: 'yellow' };
      sendResponse({ ok: true, value: { highlight, savedNow: true } });
      return true;
    }
    if (message.type === 'report-page-highlights') {
      received.push(message);
      sendResponse({ ok: true, value: { recorded: 0 } });
      return true;
    }
  });
}

/** The background refusing every highlight with this error's message (as its reply carries it). */
function refuseHighlightsWith(error: string) {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.runtime.onMessage.addListener((message: ShelfRequest, _sender, sendResponse) => {
    if (message.type !== 'add-page-highlight') return;
    sendResponse({ ok: false, error });
    return true;
  });
}

/** The Highlight button's host is a closed shadow root; tests open it to reach the button. */
function openShadowRoots() {
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    return attach.call(this, { ...init, mode: 'open' });
  });
}
const highlightButton = () =>
  document.querySelector('shelf-highlight')?.shadowRoot?.querySelector('button') as HTMLButtonElement | undefined;
const marks = () => [...document.querySelectorAll('mark')].map((mark) => mark.textContent).join('');
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

function selectSentence() {
  const paragraph = document.querySelector('article p:last-of-type')!;
  const text = paragraph.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, SENTENCE.length);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

/**
 * jsdom lays nothing out: here each paragraph is one line, 400px wide, 40px below the one before
 * (the header's at y 100..120, the article's first at 140..160, the sentence's at 180..200), and a
 * range's boxes are its first paragraph's line.
 */
function layOutParagraphs() {
  Object.defineProperty(Range.prototype, 'getClientRects', {
    configurable: true,
    value(this: Range) {
      const paragraph = this.startContainer.parentElement?.closest('p');
      const index = [...document.querySelectorAll('p')].indexOf(paragraph as HTMLParagraphElement);
      if (index === -1) return [];
      const top = 100 + 40 * index;
      return [{ left: 100, right: 500, top, bottom: top + 20, width: 400, height: 20, x: 100, y: top }];
    },
  });
}
/** The article's page with its first paragraph's sentence one stored highlight ("first"), the button reachable. */
function startWithFirstParagraphHighlighted() {
  openShadowRoots();
  const stored: PageHighlight = {
    id: 'first',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: 'Caches fail in groups.', prefix: 'stampede ', suffix: ' The' },
      position: { type: 'TextPositionSelector', start: 15, end: 37 },
    },
    color: 'yellow',
  };
  startPageHighlights(window, {
    articleId: 'cache-stampede',
    highlights: [stored],
    signal: controller.signal,
    fromUser: () => true,
  });
}
/** The sentence's line, and a button elsewhere on the page ("Accept cookies"). */
const ON_SENTENCE = { x: 110, y: 190 };
const END_OF_SENTENCE = { x: 490, y: 190 };
const COOKIE_BUTTON = { x: 170, y: 330 };

/** A pointer pressed at `down` and let go at `up`, as the browser reports it; `during` runs while pressed. */
function press(
  down: { x: number; y: number },
  up: { x: number; y: number } = down,
  { clicks = 1, shiftKey = false, pointerType = 'mouse', heldMs = 0, during = () => {} } = {},
) {
  const at = ({ x, y }: { x: number; y: number }) => ({ clientX: x, clientY: y, shiftKey, bubbles: true });
  document.body.dispatchEvent(new PointerEvent('pointerdown', { ...at(down), pointerType }));
  if (pointerType === 'mouse')
    document.body.dispatchEvent(new MouseEvent('mousedown', { ...at(down), detail: clicks }));
  during();
  // Held: the clock moves on before it is let go.
  const real = performance.now.bind(performance);
  const clock = heldMs > 0 ? vi.spyOn(performance, 'now').mockImplementation(() => real() + heldMs) : null;
  document.body.dispatchEvent(new PointerEvent('pointerup', { ...at(up), pointerType }));
  clock?.mockRestore();
}

beforeEach(() => {
  document.body.innerHTML = ARTICLE_HTML;
  received = [];
  controller = new AbortController();
  answerAsBackground();
});
afterEach(() => {
  controller.abort();
  Reflect.deleteProperty(Range.prototype, 'getClientRects');
  vi.unstubAllGlobals();
  document.querySelector('shelf-highlight')?.remove();
  vi.restoreAllMocks();
});

/**
 * Every label the Highlight button shows once pressed (jsdom reports the selection again after the
 * press, which draws the button anew; Chrome keeps the label).
 */
/** The sentence selected with the mouse, as a user does: dragged from its start to its end. */
function selectByUser(): void {
  layOutParagraphs();
  press(ON_SENTENCE, END_OF_SENTENCE, { during: selectSentence });
}

async function labelsOnPress(): Promise<string[]> {
  const labels: string[] = [];
  new MutationObserver(() => labels.push(highlightButton()?.getAttribute('aria-label') ?? '')).observe(
    highlightButton()!,
    { attributeFilter: ['aria-label'] },
  );
  highlightButton()!.click();
  await flush();
  return labels;
}

describe('highlights on a blog article’s page', () => {
  it('are counted in the article’s element, not the page’s header', () => {
    expect(articleTextRoot(document)?.localName).toBe('article');
    document.body.innerHTML = '<main><p>only main</p></main>';
    expect(articleTextRoot(document)?.localName).toBe('main');
  });

  it('are counted in the article holding the story, not a ticker or teasers listed as articles before it', () => {
    const story = `<p>${'The story itself, long enough to be most of the page. '.repeat(20)}</p>`;
    const teasers = '<article><a href="/1">One teaser</a></article><article><a href="/2">Another</a></article>';
    document.body.innerHTML = `<main><article><span>Soon: </span>a ticker</article><article id="story">${story}</article>${teasers}</main>`;
    expect(articleTextRoot(document)?.id).toBe('story');
    // <main>'s articles first, whatever other articles the page holds.
    document.body.innerHTML = `<article id="aside">${story}${story}</article><main><article id="story">${story}</article></main>`;
    expect(articleTextRoot(document)?.id).toBe('story');
    // A short article beside most of <main>'s text is one of its parts: <main> is the article. Script
    // text is no shown text: a teaser's data does not make it the story.
    document.body.innerHTML = `<main id="main"><article>Related: one teaser</article>${story}</main>`;
    expect(articleTextRoot(document)?.id).toBe('main');
    const data = `<script type="application/json">${'{"x":1}'.repeat(400)}</script>`;
    document.body.innerHTML = `<main><article id="teaser">Teaser ${data}</article><article id="story">${story}</article></main>`;
    expect(articleTextRoot(document)?.id).toBe('story');
    // The page's articles when <main> holds none (the old rule's fallback: highlights made then are found).
    document.body.innerHTML = `<main id="main"><p>${story}${story}${story}${story}</p></main><article id="story">${story}</article>`;
    expect(articleTextRoot(document)?.id).toBe('story');
    // <main>'s articles in any of the page's <main>s (an app's hidden shell first).
    document.body.innerHTML = `<main hidden></main><main><article id="story">${story}</article></main>`;
    expect(articleTextRoot(document)?.id).toBe('story');
    // An article within the story is part of it.
    document.body.innerHTML = `<main><article id="story">${story}<article>A reader's comment</article></article></main>`;
    expect(articleTextRoot(document)?.id).toBe('story');
  });

  it('draws stored highlights as marks and reports which were found', async () => {
    const stored = (id: string, exact: string): PageHighlight => ({
      id,
      selectors: { quote: { type: 'TextQuoteSelector', exact, prefix: 'in groups. ' } } as SelectorSet,
      color: 'yellow',
    });
    startPageHighlights(window, {
      articleId: 'cache-stampede',
      highlights: [stored('here', SENTENCE), stored('gone', 'A sentence the page no longer has at all.')],
      signal: controller.signal,
      onSavedNow: () => {},
    });
    expect(marks()).toBe(SENTENCE);
    // The page reads no id of the highlight (one that never changes would name the user to the site).
    expect([...document.querySelectorAll('mark')].map((mark) => mark.getAttribute('data-shelf-highlight'))).toEqual([
      '',
    ]);
    // Only inside the article: the header says the same sentence and stays unmarked.
    expect(document.querySelector('header mark')).toBeNull();
    await flush();
    expect(received).toEqual([
      { type: 'report-page-highlights', articleId: 'cache-stampede', found: ['here'], notFound: ['gone'] },
    ]);
    controller.abort(); // the extension is gone: the page is given back as it was
    expect(document.querySelectorAll('mark')).toHaveLength(0);
  });

  it('highlights the selection with the Highlight button, on the user’s own click only', async () => {
    openShadowRoots();
    const onSavedNow = vi.fn();
    let trusted = false;
    startPageHighlights(window, {
      articleId: 'cache-stampede',
      highlights: [],
      signal: controller.signal,
      onSavedNow,
      fromUser: () => trusted,
    });
    expect(document.querySelector('shelf-highlight')).toBeNull(); // nothing on the page until a selection
    selectSentence();
    const button = highlightButton();
    expect(button?.getAttribute('aria-label')).toBe('Highlight');
    button!.click(); // a script's click
    await flush();
    expect(received).toEqual([]);

    trusted = true;
    button!.click();
    await flush();
    const made = received.find((message) => message.type === 'add-page-highlight');
    expect(made?.selectors.quote.exact).toBe(SENTENCE);
    // Offsets count the article's text: "Cache stampede Caches fail in groups. " comes first.
    expect(made?.selectors.position).toEqual({
      type: 'TextPositionSelector',
      start: 38,
      end: 38 + SENTENCE.length,
    });
    expect(onSavedNow).toHaveBeenCalledOnce();
    expect(marks()).toBe(SENTENCE);
    expect(document.getSelection()?.isCollapsed).toBe(true);
  });

  // QA pass: the same words highlighted again nested a second mark, and the card listed them twice.
  it('refuses a selection that is one highlight already, and keeps one across two', async () => {
    startWithFirstParagraphHighlighted();
    selectSentence();
    await labelsOnPress();
    const select = (start: Node, end: Node) => {
      const range = document.createRange();
      range.setStartBefore(start);
      range.setEndAfter(end);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
    };
    const [first, second] = document.querySelectorAll('article mark');
    select(second!.firstChild!, second!.firstChild!);
    expect(await labelsOnPress()).toContain('Already highlighted.');
    const made = () => received.filter((message) => message.type === 'add-page-highlight');
    expect(made()).toHaveLength(1);
    expect(document.querySelectorAll('article mark')).toHaveLength(2);

    // Both marks carry "" for an id: the words of two highlights are not one highlight. Highlighted,
    // they are one, taking both in: each is replaced (QA pass: nested highlights listed apart).
    select(first!.firstChild!, second!.firstChild!);
    await labelsOnPress();
    expect(made()).toHaveLength(2);
    const joined = (made()[1] as { joining?: string[] }).joining ?? [];
    expect(joined).toHaveLength(2);
    expect(joined).toContain('first');
  });

  it('takes in whole a highlight the selection runs across the end of', async () => {
    startWithFirstParagraphHighlighted();
    const mark = document.querySelector('article mark')!;
    const next = document.querySelector('article p:last-of-type')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(mark.firstChild!, 'Caches '.length);
    range.setEnd(next, 'The stampede'.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    await labelsOnPress();
    const made = received.find((message) => message.type === 'add-page-highlight') as {
      selectors: SelectorSet;
      joining?: string[];
    };
    expect(made.joining).toEqual(['first']);
    expect(made.selectors.quote.exact).toBe('Caches fail in groups. The stampede');
  });

  it('says on the button that a formula alone cannot be highlighted, and keeps nothing', async () => {
    openShadowRoots();
    document
      .querySelector('article')!
      .insertAdjacentHTML('beforeend', '<p><math><mi>e</mi><mo>=</mo><mi>m</mi></math></p>');
    startPageHighlights(window, {
      articleId: 'cache-stampede',
      highlights: [],
      signal: controller.signal,
      fromUser: () => true,
    });
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('math')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    expect(await labelsOnPress()).toContain("Formulas and drawings can't be highlighted.");
    expect(received.some((message) => message.type === 'add-page-highlight')).toBe(false);
  });

  // QA pass: a highlight removed (or recoloured) in the side panel stayed drawn until a reload.
  it('draws the stored highlights anew when Shelf says they changed', async () => {
    const stored: PageHighlight = {
      id: 'here',
      selectors: { quote: { type: 'TextQuoteSelector', exact: SENTENCE, prefix: 'in groups. ' } } as SelectorSet,
      color: 'yellow',
    };
    let storedNow: PageHighlight[] = [{ ...stored, color: 'green' }];
    const asked: ShelfRequest[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: ShelfRequest, _sender, sendResponse) => {
      if (message.type !== 'page-highlights') return;
      asked.push(message);
      sendResponse({ ok: true, value: { highlights: storedNow } });
      return true;
    });
    startPageHighlights(window, { articleId: 'cache-stampede', highlights: [stored], signal: controller.signal });
    const mark = () => document.querySelector<HTMLElement>('article mark');
    expect(mark()?.style.backgroundColor).toBe('rgba(255, 212, 0, 0.4)');
    const changed = { target: 'page', type: 'highlights-changed' };
    // Another extension cannot make the page ask.
    await fakeBrowser.runtime.onMessage.trigger(changed, { id: 'another-extension' }, () => {});
    await flush();
    expect(asked).toEqual([]);

    await fakeBrowser.runtime.onMessage.trigger(changed, { id: browser.runtime.id }, () => {});
    await flush();
    expect(asked).toEqual([{ type: 'page-highlights', articleId: 'cache-stampede' }]);
    expect(document.querySelectorAll('article mark')).toHaveLength(1);
    expect(mark()?.style.backgroundColor).toBe('rgba(60, 200, 90, 0.35)');

    storedNow = [];
    await fakeBrowser.runtime.onMessage.trigger(changed, { id: browser.runtime.id }, () => {});
    await flush();
    expect(document.querySelectorAll('article mark')).toHaveLength(0);
    expect(document.querySelector('article p:last-of-type')?.childNodes).toHaveLength(1); // the text as it was
  });

  // Review: a list asked for before a new highlight was stored, answered after it was drawn, cleared it.
  it('keeps a highlight just made when an older list of the stored ones comes back after it', async () => {
    const answers: Array<() => void> = [];
    // What the background has stored when asked: the highlights added so far (answerAsBackground's ids).
    const storedNow = () =>
      received.flatMap((message, at) =>
        message.type === 'add-page-highlight'
          ? [{ id: `h${at + 1}`, selectors: message.selectors, color: 'yellow' } as PageHighlight]
          : [],
      );
    fakeBrowser.runtime.onMessage.addListener((message: ShelfRequest, _sender, sendResponse) => {
      if (message.type !== 'page-highlights') return;
      const list = storedNow();
      answers.push(() => sendResponse({ ok: true, value: { highlights: list } }));
      return true;
    });
    startPageHighlights(window, { articleId: 'cache-stampede', highlights: [], signal: controller.signal });
    await fakeBrowser.runtime.onMessage.trigger(
      { target: 'page', type: 'highlights-changed' },
      { id: browser.runtime.id },
      () => {},
    );
    await flush();
    expect(answers).toHaveLength(1);
    selectSentence();
    await fakeBrowser.runtime.onMessage.trigger(
      { target: 'page', type: 'highlight-selection' },
      { id: browser.runtime.id },
      () => {},
    );
    await flush();
    expect(marks()).toBe(SENTENCE);
    answers[0]?.(); // the older list, without it
    await flush();
    answers.at(-1)?.();
    await flush();
    expect(marks()).toBe(SENTENCE);
  });

  /** Highlights on the page, with a background whose disk is full (it answers with the StorageFullError's message). */
  function startWithFullDisk() {
    openShadowRoots();
    refuseHighlightsWith(new StorageFullError().message);
    startPageHighlights(window, {
      articleId: 'cache-stampede',
      highlights: [],
      signal: controller.signal,
      onSavedNow: () => {},
      fromUser: () => true,
    });
  }

  it('says on the button when the highlights a selection runs into have comments too long to join', async () => {
    startWithFirstParagraphHighlighted();
    refuseHighlightsWith(new CommentsTooLongToJoinError().message);
    const mark = document.querySelector('article mark')!;
    const next = document.querySelector('article p:last-of-type')!.firstChild as Text;
    document.getSelection()!.setBaseAndExtent(mark.firstChild!, 2, next, 3);
    document.dispatchEvent(new Event('selectionchange'));
    expect(await labelsOnPress()).toContain(COMMENTS_TOO_LONG_TO_JOIN);
    expect(document.querySelectorAll('article mark')).toHaveLength(1);
  });

  // QA pass: the button pressed from the keyboard vanished with the selection, the focus fell to <body>
  // and nothing was said.
  it('keeps the pressed button, and the focus on it, saying "Highlighted" until the focus moves on', async () => {
    openShadowRoots();
    startPageHighlights(window, {
      articleId: 'cache-stampede',
      highlights: [],
      signal: controller.signal,
      onSavedNow: () => {},
      fromUser: () => true,
    });
    selectSentence();
    await flush();
    const button = highlightButton()!;
    button.focus();
    button.click();
    await flush();
    expect(marks()).toBe(SENTENCE);
    expect(button.getAttribute('aria-label')).toBe('Highlighted');
    expect(button.closest('aside')?.hidden).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('false');
    expect(document.activeElement?.localName).toBe('shelf-highlight');
    button.click(); // again: nothing more to keep, and no "select text in the article" (review)
    await flush();
    expect(button.getAttribute('aria-label')).toBe('Highlighted');
    expect(received.filter((message) => message.type === 'add-page-highlight')).toHaveLength(1);
    button.blur();
    expect(button.closest('aside')?.hidden).toBe(true);
  });

  // QA pass: with the disk full the button said only "Could not highlight", so people pressed again.
  it('draws nothing for a highlight answered after the page moved on (its marks were cleared)', async () => {
    openShadowRoots();
    startPageHighlights(window, {
      articleId: 'cache-stampede',
      highlights: [],
      signal: controller.signal,
      fromUser: () => true,
    });
    selectSentence();
    highlightButton()!.click();
    controller.abort(); // a single-page site moved to its next page while the background answered
    await flush();
    expect(received.some((message) => message.type === 'add-page-highlight')).toBe(true);
    expect(marks()).toBe('');
  });

  it('says on the button when the browser has no room left for the highlight', async () => {
    startWithFullDisk();
    selectSentence();
    const labels = await labelsOnPress();
    expect(labels).toContain('Not highlighted: the browser has no room left for Shelf');
    expect(marks()).toBe('');
  });

  // The right-click menu's Highlight with Shelf failed without a word with the disk full.
  it('says on the button when the right-click menu’s highlight found no room left', async () => {
    startWithFullDisk();
    selectSentence();
    // jsdom reports the selection once more, a task later: the button is drawn anew then.
    await flush();
    expect(highlightButton()?.getAttribute('aria-label')).toBe('Highlight');
    const command = { target: 'page', type: 'highlight-selection' };
    await fakeBrowser.runtime.onMessage.trigger(command, { id: browser.runtime.id }, () => {});
    await flush();
    expect(highlightButton()?.getAttribute('aria-label')).toBe(
      'Not highlighted: the browser has no room left for Shelf',
    );
    expect(marks()).toBe('');
  });

  // Red team: a page that changed the selection after the right-click had its own sentence highlighted
  // and saved as the user's.
  it('highlights from the right-click menu only the text the menu was opened on', async () => {
    openShadowRoots();
    startPageHighlights(window, { articleId: 'cache-stampede', highlights: [], signal: controller.signal });
    selectSentence();
    await flush();
    const menu = (selectionText: string) =>
      fakeBrowser.runtime.onMessage.trigger(
        { target: 'page', type: 'highlight-selection', selectionText },
        { id: browser.runtime.id },
        () => {},
      );
    await menu('Caches fail in groups.'); // what the user right-clicked; the page selected its sentence since
    await flush();
    expect(received.some((message) => message.type === 'add-page-highlight')).toBe(false);
    expect(marks()).toBe('');
    expect(highlightButton()?.getAttribute('aria-label')).toBe(
      'Not highlighted: the selection changed after the right-click',
    );
    // Stretched over more text after the right-click: not the user's either (review).
    await menu('The stampede starts when every cache entry');
    await flush();
    expect(marks()).toBe('');
    // The same text as the browser writes it (whitespace and case its own) is the user's.
    await menu(`  THE STAMPEDE starts when\n every cache entry expires at once.`);
    await flush();
    expect(marks()).toBe(SENTENCE);
  });

  it('reads the menu’s text as cut only when it was cut where the background cuts it', () => {
    const long = 'word '.repeat(MAX_MENU_SELECTION);
    expect(isMenuSelection(long, long.slice(0, MAX_MENU_SELECTION))).toBe(true);
    expect(isMenuSelection(`${long} more`, long.slice(0, 100))).toBe(false);
    expect(isMenuSelection('any text at all', '')).toBe(false);
  });

  // QA pass: the menu shows for any selection, and one outside the article kept nothing without a word.
  it('says beside a selection outside the article that the menu’s highlight needs the article’s text', async () => {
    openShadowRoots();
    startPageHighlights(window, {
      articleId: 'cache-stampede',
      highlights: [],
      signal: controller.signal,
      onSavedNow: () => {},
    });
    const tagline = document.querySelector('header p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(tagline, 0);
    range.setEnd(tagline, SENTENCE.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    await flush();
    expect(highlightButton()?.closest('aside')?.hidden ?? true).toBe(true); // not offered: not the article

    const command = { target: 'page', type: 'highlight-selection' };
    await fakeBrowser.runtime.onMessage.trigger(command, { id: browser.runtime.id }, () => {});
    await flush();
    expect(highlightButton()?.getAttribute('aria-label')).toBe('Not highlighted: select text in the article');
    expect(highlightButton()?.closest('aside')?.hidden).toBe(false);
    expect(received.some((message) => message.type === 'add-page-highlight')).toBe(false);
    expect(marks()).toBe('');
  });

  it('says on the button when the selection is longer than a highlight may be', async () => {
    openShadowRoots();
    document
      .querySelector('article')!
      .append(Object.assign(document.createElement('p'), { textContent: 'word '.repeat(MAX_QUOTE_LENGTH / 4) }));
    startPageHighlights(window, {
      articleId: 'cache-stampede',
      highlights: [],
      signal: controller.signal,
      onSavedNow: () => {},
      fromUser: () => true,
    });
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('article')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    const labels = await labelsOnPress();
    expect(labels).toContain('Not highlighted: the selection is too long');
    expect(received.some((message) => message.type === 'add-page-highlight')).toBe(false);
  });

  it('offers the button for a selection made before it started (while Shelf asked about the page)', () => {
    openShadowRoots();
    selectSentence();
    startPageHighlights(window, {
      articleId: 'cache-stampede',
      highlights: [],
      signal: controller.signal,
      onSavedNow: () => {},
    });
    expect(highlightButton()?.getAttribute('aria-label')).toBe('Highlight');
  });

  it('highlights the selection when the right-click menu asks, only from Shelf itself', async () => {
    startPageHighlights(window, {
      articleId: 'cache-stampede',
      highlights: [],
      signal: controller.signal,
      onSavedNow: () => {},
    });
    selectSentence();
    const command = { target: 'page', type: 'highlight-selection' };
    // Another tab's script (its message has a tab) is not Shelf's background.
    await fakeBrowser.runtime.onMessage.trigger(command, { id: browser.runtime.id, tab: { id: 3 } } as never, () => {});
    await fakeBrowser.runtime.onMessage.trigger(command, { id: 'another-extension' }, () => {});
    await flush();
    expect(received).toEqual([]);
    await fakeBrowser.runtime.onMessage.trigger(command, { id: browser.runtime.id }, () => {});
    await flush();
    expect(received.map((message) => message.type)).toEqual(['add-page-highlight', 'report-page-highlights']);
    expect(marks()).toBe(SENTENCE);
  });

  it('sends a highlight’s paragraphs with it, for the Markdown export (its quote has them as one line)', async () => {
    startPageHighlights(window, { articleId: 'cache-stampede', highlights: [], signal: controller.signal });
    const [first, second] = [...document.querySelectorAll('article p')].map((p) => p.firstChild as Text);
    const range = document.createRange();
    range.setStart(first!, 0);
    range.setEnd(second!, SENTENCE.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    await fakeBrowser.runtime.onMessage.trigger(
      { target: 'page', type: 'highlight-selection' },
      { id: browser.runtime.id },
      () => {},
    );
    await flush();
    const made = received.find((message) => message.type === 'add-page-highlight');
    expect(made?.selectors.quote.exact).toBe(`Caches fail in groups. ${SENTENCE}`);
    expect(made?.quoteBlocks).toEqual([{ text: 'Caches fail in groups.' }, { text: SENTENCE }]);
  });
});

describe('highlights on any other site (the every-site script)', () => {
  /** The background as request-handlers.ts answers for the sender's page: its stored highlights. */
  function storedForThisPage(highlights: PageHighlight[]) {
    fakeBrowser.runtime.onMessage.addListener((message: ShelfRequest, _sender, sendResponse) => {
      if (message.type !== 'page-highlights') return;
      received.push(message);
      sendResponse({ ok: true, value: { highlights } });
      return true;
    });
  }

  it('asks for the page’s own highlights by no address, draws them and reports them without an article', async () => {
    const stored: PageHighlight = {
      id: 'here',
      selectors: { quote: { type: 'TextQuoteSelector', exact: SENTENCE, prefix: 'in groups. ' } } as SelectorSet,
      color: 'yellow',
    };
    storedForThisPage([stored]);
    await showPageHighlights({ signal: controller.signal, isInvalid: false }, window);
    expect(marks()).toBe(SENTENCE);
    await flush();
    expect(received).toEqual([
      { type: 'page-highlights' },
      { type: 'report-page-highlights', found: ['here'], notFound: [] },
    ]);
  });

  it('highlights a selection with the button: the request names no page (the background takes the sender’s)', async () => {
    openShadowRoots();
    startPageHighlights(window, { highlights: [], signal: controller.signal, fromUser: () => true });
    selectByUser();
    highlightButton()!.click();
    await flush();
    const made = received.find((message) => message.type === 'add-page-highlight');
    expect(made).toEqual({ type: 'add-page-highlight', selectors: expect.anything() });
    expect(made?.selectors.quote.exact).toBe(SENTENCE);
    expect(marks()).toBe(SENTENCE);
  });

  // A page may select text from its script, see where the button shows and lay a click-through
  // lure over it, to have itself saved: only a selection the user just made offers the button.
  it('offers no button for a selection the page made from its script, and one for the user’s', async () => {
    openShadowRoots();
    const userInput = (event: Event) => event.type !== 'pointerup' || (event as CustomEvent).detail !== 'page';
    startPageHighlights(window, { highlights: [], signal: controller.signal, fromUser: userInput });
    selectSentence();
    document.dispatchEvent(new CustomEvent('pointerup', { detail: 'page' }));
    await flush();
    // Never shown: not drawn at all, or drawn hidden.
    expect(highlightButton()?.parentElement?.hidden ?? true).toBe(true);
    selectByUser();
    await flush();
    expect(highlightButton()?.parentElement?.hidden).toBe(false);
  });

  const buttonShown = () => highlightButton()?.parentElement?.hidden === false;

  // Red-team pass: the page selected a passage in its own pointerdown handler while the user clicked
  // "Accept cookies"; within a second of a trusted press, the button was offered, under a decoy.
  it('offers no button for a passage the page selects while the user clicks something else', async () => {
    openShadowRoots();
    layOutParagraphs();
    startPageHighlights(window, { highlights: [], signal: controller.signal, fromUser: () => true });
    press(COOKIE_BUTTON, COOKIE_BUTTON, { during: selectSentence });
    await flush();
    expect(buttonShown()).toBe(false);
    // Nor for one it selects under the user's plain click: a still click selects nothing.
    press(ON_SENTENCE, ON_SENTENCE, { during: selectSentence });
    await flush();
    expect(buttonShown()).toBe(false);
    // Nor under a touch's tap: a long press selects, a tap does not (review).
    press(ON_SENTENCE, ON_SENTENCE, { pointerType: 'touch', during: selectSentence });
    await flush();
    expect(buttonShown()).toBe(false);
    // Nor on Shift+arrows typed in the page's own field (they move its caret, not the page's selection).
    const field = document.body.appendChild(document.createElement('input'));
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
    selectSentence();
    field.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
    await flush();
    expect(buttonShown()).toBe(false);
    field.remove();
    // Nor on a key that does not select (Enter, Space).
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    selectSentence();
    document.body.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true }));
    await flush();
    expect(buttonShown()).toBe(false);
  });

  it('offers the button for a selection the user made: a drag, a double or triple click, Shift+click, a touch, the keyboard', async () => {
    openShadowRoots();
    layOutParagraphs();
    startPageHighlights(window, { highlights: [], signal: controller.signal, fromUser: () => true });
    const madeBy = (gesture: () => void) => {
      document.getSelection()?.removeAllRanges();
      press(COOKIE_BUTTON); // shown for nothing selected: hidden
      expect(buttonShown()).toBe(false);
      gesture();
      return buttonShown();
    };
    expect(
      madeBy(() => press(ON_SENTENCE, END_OF_SENTENCE, { during: selectSentence })),
      'drag',
    ).toBe(true);
    // Let go in the margin past the line's end: the press went down on the selection.
    expect(
      madeBy(() => press(ON_SENTENCE, { x: 900, y: 400 }, { during: selectSentence })),
      'drag on',
    ).toBe(true);
    expect(
      madeBy(() => press(ON_SENTENCE, ON_SENTENCE, { clicks: 2, during: selectSentence })),
      'double',
    ).toBe(true);
    expect(
      madeBy(() => press(END_OF_SENTENCE, END_OF_SENTENCE, { clicks: 3, during: selectSentence })),
      'triple',
    ).toBe(true);
    expect(madeBy(() => press(END_OF_SENTENCE, END_OF_SENTENCE, { shiftKey: true, during: selectSentence }))).toBe(
      true,
    );
    expect(
      madeBy(() => press(ON_SENTENCE, ON_SENTENCE, { pointerType: 'touch', heldMs: 600, during: selectSentence })),
      'touch',
    ).toBe(true);
    const keys = () => {
      for (const key of ['Shift', 'ArrowRight']) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey: true, bubbles: true }));
      }
      selectSentence();
      document.body.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
    };
    expect(madeBy(keys), 'Shift+ArrowRight').toBe(true);
    const selectAll = () => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true }));
      selectSentence();
    };
    expect(madeBy(selectAll), 'Ctrl+A').toBe(true);
  });

  it('offers a selection dragged for longer than a second once the pointer is let go', () => {
    openShadowRoots();
    layOutParagraphs();
    // The clock moved on by 5s while the pointer is down (the test runner's own timers keep theirs).
    const real = performance.now.bind(performance);
    let ahead = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => real() + ahead);
    try {
      startPageHighlights(window, { highlights: [], signal: controller.signal, fromUser: () => true });
      press(ON_SENTENCE, END_OF_SENTENCE, {
        during: () => {
          ahead = 5_000;
          selectSentence();
          expect(buttonShown()).toBe(false);
        },
      });
      expect(buttonShown()).toBe(true);
    } finally {
      clock.mockRestore();
    }
  });

  it('moves the button on a scroll only with the user’s selection, not one the page swapped in', () => {
    openShadowRoots();
    startPageHighlights(window, { highlights: [], signal: controller.signal, fromUser: () => true });
    selectByUser();
    window.dispatchEvent(new Event('scroll'));
    expect(buttonShown()).toBe(true);
    expect(buttonShown()).toBe(true);
    // The page selects the paragraph above without telling (no selectionchange yet), and scrolls.
    const other = document.querySelector('article p')!.firstChild as Text;
    const range = document.createRange();
    range.selectNodeContents(other);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    window.dispatchEvent(new Event('scroll'));
    expect(buttonShown()).toBe(false);
  });

  // The page lays a click-through lure over the button, so the click meant for the lure presses it:
  // Chromium's IntersectionObserver v2 tells it is covered (Firefox cannot; jsdom has none).
  it('does nothing on a press while the page covers the button, where the browser can tell', async () => {
    let report: (entries: Array<{ isVisible: boolean }>) => void = () => {};
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: (entries: unknown[], observer: unknown) => void) {
          report = (entries) => callback(entries, this);
        }
        observe() {}
        unobserve() {}
      },
    );
    class Entry {}
    Object.defineProperty(Entry.prototype, 'isVisible', { get: () => true });
    vi.stubGlobal('IntersectionObserverEntry', Entry);
    openShadowRoots();
    startPageHighlights(window, { highlights: [], signal: controller.signal, fromUser: () => true });
    selectByUser();
    report([{ isVisible: false }]);
    // The press itself, as the browser reports it to the page: on the host, a still click.
    for (const type of ['pointerdown', 'mousedown', 'pointerup']) {
      highlightButton()!.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, detail: 1 }));
    }
    const labels: string[] = [];
    new MutationObserver(() => labels.push(highlightButton()?.getAttribute('aria-label') ?? '')).observe(
      highlightButton()!,
      { attributeFilter: ['aria-label'] },
    );
    highlightButton()!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
    await flush();
    expect(labels).toContain('Not highlighted: the page covers this button (right-click: Highlight with Shelf)');
    expect(received.some((message) => message.type === 'add-page-highlight')).toBe(false);
    expect(buttonShown()).toBe(true); // still beside the selection, saying why

    // A key's press (detail 0) lands where the focus is, not where a lure points: it highlights (review:
    // under Dark Reader's filter on <html>, Chromium calls every control covered).
    highlightButton()!.click();
    await flush();
    expect(marks()).toBe(SENTENCE);
  });

  it('says on the button when the page could not be saved first (its capture failed)', async () => {
    openShadowRoots();
    refuseHighlightsWith(`${PAGE_NOT_SAVED}: The browser did not let Shelf read this page.`);
    startPageHighlights(window, { highlights: [], signal: controller.signal, fromUser: () => true });
    selectByUser();
    const labels = await labelsOnPress();
    expect(labels).toContain('Not highlighted: this page could not be saved');
    expect(marks()).toBe('');
  });
});
