import { act, fireEvent, render, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { paintBeforeApp, renderFirstPaint } from '@/components/popup/first-paint-picture';
import { PopupApp } from '@/components/popup/popup-app';
import { mountPopup } from '@/entrypoints/popup/mount-popup';
import { getArticleById } from '@/lib/corpus/catalog';
import { recordTyping } from '@/lib/popup/early-typing';
import { readForFirstPaint } from '@/lib/popup/first-paint-read';
import { describeFirstPaint, searchPopup } from '@/lib/popup/popup-results';
import { loadPopupState, type PopupState, savePopupState } from '@/lib/popup/popup-state';
import { getBundledSearchEngine } from '@/lib/search/bundled';

beforeEach(() => {
  // The popup asks for its window (to open the side panel there); the fake browser has none.
  vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
});

/** The popup as React renders it for a restored search, and the first-paint picture of that search. */
function renderBoth(state: PopupState) {
  const { container } = render(<PopupApp initialState={state} />);
  const picture = renderFirstPaint(
    document,
    describeFirstPaint(state, searchPopup(getBundledSearchEngine(), state), getArticleById),
  );
  return { app: container, picture };
}

/** A label's own text ("Topic "), however React split it into text nodes. */
const labelText = (label: Element) =>
  [...label.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent)
    .join('');
const withoutIds = (html: string) => html.replace(/ id="[^"]*"/g, '');

describe('the popup’s first-paint picture', () => {
  it.each<[string, PopupState]>([
    ['a query with highlights', { query: 'thundering herd', topic: null, tag: null }],
    ['a misspelled query', { query: 'idempotncy retries', topic: null, tag: null }],
    ['a word still being typed', { query: 'cach', topic: null, tag: null }],
    ['a topic filter alone', { query: '', topic: 'caching', tag: null }],
    ['a query within a topic and a tag', { query: 'redis', topic: 'caching', tag: 'redis' }],
  ])('shows what the React popup shows for %s', (_, state) => {
    const { app, picture } = renderBoth(state);
    const appInput = app.querySelector<HTMLInputElement>('input.search-input');
    const pictureInput = picture.querySelector<HTMLInputElement>('input.search-input');
    expect(pictureInput?.value).toBe(appInput?.value);
    expect(pictureInput?.placeholder).toBe(appInput?.placeholder);

    const appFilters = [...app.querySelectorAll('.search-filters label')];
    const pictureFilters = [...picture.querySelectorAll('.search-filters label')];
    expect(pictureFilters.map(labelText)).toEqual(appFilters.map(labelText));
    expect(pictureFilters.map((label) => label.querySelector('select')?.selectedOptions[0]?.textContent)).toEqual(
      appFilters.map((label) => label.querySelector('select')?.selectedOptions[0]?.textContent),
    );

    expect(picture.querySelector('.result-count')?.textContent).toBe(app.querySelector('.result-count')?.textContent);
    const appList = app.querySelector('[role="listbox"]');
    const pictureList = picture.querySelector('.search-results');
    expect(appList?.children.length).toBeGreaterThan(0);
    // The same rows as the live list at mounting (one renderer draws both, from the view model the
    // picture keeps): elements, classes, attributes (but the live list's ids), text and highlights.
    expect(withoutIds(pictureList?.innerHTML ?? '')).toBe(withoutIds(appList?.innerHTML ?? ''));
  });

  it('is a picture: inert, hidden from assistive technology, and marked for the app to remove', () => {
    const { picture } = renderBoth({ query: 'thundering herd', topic: null, tag: null });
    expect(picture.hasAttribute('inert')).toBe(true);
    expect(picture.getAttribute('aria-hidden')).toBe('true');
    expect(picture.hasAttribute('data-first-paint')).toBe(true);
  });

  it('puts stored text in as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const picture = renderFirstPaint(document, {
      query: hostile,
      placeholder: hostile,
      topicChoice: hostile,
      tagChoice: hostile,
      count: hostile,
      // The rows' renderer is tested with hostile rows on its own (result-rows.test.ts).
      results: [],
    });
    expect(picture.querySelector('img')).toBeNull();
    expect(picture.querySelector('.result-count')?.textContent).toBe(hostile);
    expect(picture.querySelector('select option')?.textContent).toBe(hostile);
    expect(picture.querySelector('input')?.value).toBe(hostile);
  });
});

describe('the popup keeps its picture for the next opening', () => {
  it('saves the search with what it shows, and no picture when nothing matches', async () => {
    const state = { query: 'thundering herd', topic: null, tag: null };
    const { unmount } = render(<PopupApp initialState={state} />);
    const expected = describeFirstPaint(state, searchPopup(getBundledSearchEngine(), state), getArticleById);
    await waitFor(async () => expect((await loadPopupState())?.firstPaint).toEqual(expected));
    expect((await loadPopupState())?.state).toEqual(state);
    unmount();

    render(<PopupApp initialState={{ query: 'zzqxv', topic: null, tag: null }} />);
    await waitFor(async () => expect((await loadPopupState())?.state.query).toBe('zzqxv'));
    expect((await loadPopupState())?.firstPaint).toBeNull();
  });

  it('restores the query even when the stored picture is unreadable', async () => {
    const state = { query: 'redis', topic: null, tag: null };
    await browser.storage.session.set({ popupState: { ...state, firstPaint: { results: 'not a list' } } });
    expect(await loadPopupState()).toEqual({ state, firstPaint: null });
    await browser.storage.session.set({
      popupState: {
        ...state,
        firstPaint: { ...pictureOf(state), results: Array(51).fill(pictureOf(state).results[0]) },
      },
    });
    expect((await loadPopupState())?.firstPaint).toBeNull();
    await browser.storage.session.set({ popupState: 'garbage' });
    expect(await loadPopupState()).toBeNull();
  });
});

describe('painting the picture before the app', () => {
  /** The popup page's body as popup.html has it: the app's empty root. */
  function popupBody() {
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);
    return root;
  }

  it('puts it before the app’s empty root', () => {
    const root = popupBody();
    paintBeforeApp(document, pictureOf({ query: 'thundering herd', topic: null, tag: null }));
    expect(root.previousElementSibling?.hasAttribute('data-first-paint')).toBe(true);
    document.body.replaceChildren();
  });

  it('paints nothing once the app has mounted', () => {
    const root = popupBody();
    root.append(document.createElement('main'));
    paintBeforeApp(document, pictureOf({ query: 'thundering herd', topic: null, tag: null }));
    expect(document.querySelector('[data-first-paint]')).toBeNull();
    document.body.replaceChildren();
  });

  it('paints nothing, and throws nothing, for a picture it cannot draw (read without Zod)', () => {
    popupBody();
    const picture = pictureOf({ query: 'thundering herd', topic: null, tag: null });
    const unreadable = { ...picture, results: [{ ...picture.results[0], title: 42 }] } as never;
    expect(() => paintBeforeApp(document, unreadable)).not.toThrow();
    expect(document.querySelector('[data-first-paint]')).toBeNull();
    document.body.replaceChildren();
  });
});

function pictureOf(state: PopupState) {
  return describeFirstPaint(state, searchPopup(getBundledSearchEngine(), state), getArticleById);
}

/**
 * As the first-paint script does: reads the stored search without Zod and paints its picture, beside
 * the app's (empty) root. Returns what it read and the rows it painted.
 */
async function paintAsTheFirstScript() {
  const stored = await readForFirstPaint(browser.storage);
  if (!stored.picture) throw new Error('no picture was stored');
  const picture = renderFirstPaint(document, stored.picture);
  const root = document.createElement('div');
  document.body.append(picture, root);
  return { stored, root, painted: [...picture.querySelectorAll('[role="option"]')] };
}

describe('the app taking over from the first-paint script', () => {
  it('starts from what was typed meanwhile in place of the restored search, and removes the picture', async () => {
    const state = { query: 'split brain', topic: null, tag: null };
    const picture = renderFirstPaint(document, pictureOf(state));
    const root = document.createElement('div');
    document.body.append(picture, root);
    const typing = recordTyping(document);
    for (const pressed of ['t', 'h', 'u', 'n', 'd', 'e', 'r', 'i', 'n', 'g', ' ', 'h', 'e', 'r', 'd'])
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: pressed }));

    const reactRoot = await mountPopup(root, {
      stored: Promise.resolve({
        theme: 'system',
        popupState: { ...state, firstPaint: pictureOf(state) },
        picture: pictureOf(state),
      }),
      typing,
    });

    const input = within(root).getByRole('combobox', { name: 'Search articles' }) as HTMLInputElement;
    expect(input.value).toBe('thundering herd');
    expect(document.activeElement).toBe(input);
    // Typed: the caret after it, nothing selected (the next key goes on from there).
    expect([input.selectionStart, input.selectionEnd]).toEqual([15, 15]);
    const list = within(root).getByRole('listbox', { name: 'Search results' });
    expect(within(list).getAllByRole('option')[0]?.textContent).toContain('Thundering Herd');
    expect(document.querySelector('[data-first-paint]')).toBeNull();
    // Recording stopped: later keys belong to the live search box.
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'x' }));
    expect(typing.keys.join('')).toBe('thundering herd');
    // Testing Library's cleanup only knows its own renders: without this the popup's live queries
    // outlive the test and fire into a torn-down window (an uncaught error that fails the run).
    act(() => reactRoot.unmount());
    root.remove();
  });

  it('takes over the painted rows instead of drawing them again', async () => {
    const state = { query: 'split brain', topic: null, tag: null };
    await savePopupState(state, pictureOf(state));
    const { stored, root, painted } = await paintAsTheFirstScript();
    expect(painted.length).toBeGreaterThan(1);

    const reactRoot = await mountPopup(root, { stored: Promise.resolve(stored), typing: recordTyping(document) });

    const list = within(root).getByRole('listbox', { name: 'Search results' });
    const options = within(list).getAllByRole('option');
    // The very elements the first paint drew, now live: ids for aria-activedescendant, none chosen yet.
    expect(options).toEqual(painted);
    expect(options.map((option) => option.id)).toEqual(options.map((_, index) => `${list.id}-option-${index}`));
    expect(options.map((option) => option.getAttribute('aria-selected'))).toEqual(options.map(() => 'false'));
    const input = within(root).getByRole('combobox', { name: 'Search articles' });
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
    // ↓ chooses the first.
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    expect(document.querySelector('[data-first-paint]')).toBeNull();
    act(() => reactRoot.unmount());
    root.remove();
  });

  it('checks the stored search with its schema: a picture it refuses is removed, not adopted', async () => {
    const state = { query: 'split brain', topic: null, tag: null };
    const good = pictureOf(state);
    // A placeholder one character longer than the schema allows: the first-paint script, which reads
    // without Zod, paints it.
    const refused = { ...good, placeholder: 'x'.repeat(201) };
    await browser.storage.session.set({ popupState: { ...state, firstPaint: refused } });
    const { stored, root, painted } = await paintAsTheFirstScript();
    expect(painted).toHaveLength(good.results.length);

    const reactRoot = await mountPopup(root, { stored: Promise.resolve(stored), typing: recordTyping(document) });

    const input = within(root).getByRole('combobox', { name: 'Search articles' }) as HTMLInputElement;
    expect(input.value).toBe('split brain');
    // Restored, nothing typed: the query shows selected, so that typing replaces it.
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'split brain'.length]);
    const options = within(within(root).getByRole('listbox', { name: 'Search results' })).getAllByRole('option');
    expect(options.length).toBe(good.results.length);
    expect(options.some((option) => painted.includes(option))).toBe(false);
    expect(document.querySelector('[data-first-paint]')).toBeNull();
    act(() => reactRoot.unmount());
    root.remove();
  });
});
