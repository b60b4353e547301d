import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_QUOTE_LENGTH } from '@/lib/annotations/describe-range';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { articleTextRoot, showPageHighlights, startPageHighlights } from '@/lib/content/page-highlights';
import { StorageFullError } from '@/lib/db/errors';
import { PAGE_NOT_SAVED } from '@/lib/messaging/highlight-errors';
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

beforeEach(() => {
  document.body.innerHTML = ARTICLE_HTML;
  received = [];
  controller = new AbortController();
  answerAsBackground();
});
afterEach(() => {
  controller.abort();
  document.querySelector('shelf-highlight')?.remove();
  vi.restoreAllMocks();
});

/**
 * Every label the Highlight button shows once pressed (jsdom reports the selection again after the
 * press, which draws the button anew; Chrome keeps the label).
 */
/** The sentence selected with the mouse, as a user does (a pointer let go once it is selected). */
function selectByUser(): void {
  selectSentence();
  document.dispatchEvent(new Event('pointerup'));
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

  /** Highlights on the page, with a background whose disk is full (it answers with the StorageFullError's message). */
  function startWithFullDisk() {
    openShadowRoots();
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener((message: ShelfRequest, _sender, sendResponse) => {
      if (message.type !== 'add-page-highlight') return;
      sendResponse({ ok: false, error: new StorageFullError().message });
      return true;
    });
    startPageHighlights(window, {
      articleId: 'cache-stampede',
      highlights: [],
      signal: controller.signal,
      onSavedNow: () => {},
      fromUser: () => true,
    });
  }

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

  it('says on the button when the page could not be saved first (its capture failed)', async () => {
    openShadowRoots();
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener((message: ShelfRequest, _sender, sendResponse) => {
      if (message.type !== 'add-page-highlight') return;
      sendResponse({ ok: false, error: `${PAGE_NOT_SAVED}: The browser did not let Shelf read this page.` });
      return true;
    });
    startPageHighlights(window, { highlights: [], signal: controller.signal, fromUser: () => true });
    selectByUser();
    const labels = await labelsOnPress();
    expect(labels).toContain('Not highlighted: this page could not be saved');
    expect(marks()).toBe('');
  });
});
