import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { getArticleById } from '@/lib/corpus/catalog';
import { extensionStorage, FIRST_PAINT_KEYS, readForFirstPaint } from '@/lib/popup/first-paint-read';
import { describeFirstPaint, searchPopup } from '@/lib/popup/popup-results';
import { savePopupState } from '@/lib/popup/popup-state';
import { getBundledSearchEngine } from '@/lib/search/bundled';
import { PREFERENCES } from '@/lib/settings/preferences';
import { saveTheme } from '@/lib/settings/theme';

const state = { query: 'redis', topic: null, tag: 'redis' };
const picture = describeFirstPaint(state, searchPopup(getBundledSearchEngine(), state), getArticleById);

/** A picture's rows, repeated to `count` (one more than a picture holds by default). */
const manyRows = (count = 51) => Array.from({ length: count }, () => picture.results[0]);

describe('what the popup’s first paint reads, without Zod', () => {
  it('reads the settings that preferences.ts defines, under the same keys', () => {
    expect(FIRST_PAINT_KEYS).toEqual({ theme: PREFERENCES.theme.key, popupState: PREFERENCES.popupState.key });
    expect([PREFERENCES.theme.area, PREFERENCES.popupState.area]).toEqual(['local', 'session']);
  });

  it('reads back the theme and the picture the app saved', async () => {
    await saveTheme('dark');
    expect(picture.results.length).toBeGreaterThan(0);
    await savePopupState(state, picture);
    const read = await readForFirstPaint(browser.storage);
    expect(read.theme).toBe('dark');
    expect(read.picture).toEqual(picture);
    expect(read.popupState).toEqual({ ...state, firstPaint: picture });
  });

  it('reads nothing to paint from an empty storage, and the default theme', async () => {
    expect(await readForFirstPaint(browser.storage)).toEqual({ theme: 'system', popupState: undefined, picture: null });
  });

  it.each<[string, unknown]>([
    ['a search without a picture', { query: 'zzqxv', topic: null, tag: null }],
    ['a picture whose rows are not a list', { query: 'redis', topic: null, tag: null, firstPaint: { results: 'x' } }],
    ['a picture that is text', { query: 'redis', topic: null, tag: null, firstPaint: '<img src=x onerror=alert(1)>' }],
    ['a state that is text', 'garbage'],
    ['a picture of more rows than a picture holds', { ...state, firstPaint: { ...picture, results: manyRows() } }],
  ])('paints nothing for %s, and hands it over as stored', async (_, popupState) => {
    await browser.storage.session.set({ popupState });
    const read = await readForFirstPaint(browser.storage);
    expect(read.picture).toBeNull();
    expect(read.popupState).toEqual(popupState);
  });

  it('paints as many rows as a picture holds', async () => {
    await browser.storage.session.set({ popupState: { ...state, firstPaint: { ...picture, results: manyRows(50) } } });
    expect((await readForFirstPaint(browser.storage)).picture?.results).toHaveLength(50);
  });

  it('keeps the theme when the search cannot be read, and the search when the theme cannot', async () => {
    await saveTheme('dark');
    await savePopupState(state, picture);
    const refuse = () => Promise.reject(new Error('storage is gone'));
    const noSession = { local: browser.storage.local, session: { get: refuse } };
    expect(await readForFirstPaint(noSession)).toEqual({ theme: 'dark', popupState: undefined, picture: null });
    const noLocal = { local: { get: refuse }, session: browser.storage.session };
    expect(await readForFirstPaint(noLocal)).toMatchObject({ theme: 'system', picture });
  });

  it('takes a theme it does not know as "system"', async () => {
    await browser.storage.local.set({ theme: '<script>' });
    expect((await readForFirstPaint(browser.storage)).theme).toBe('system');
  });

  it('finds the extension’s own storage API, Firefox’s `browser` first, and says so outside an extension page', () => {
    const scope = globalThis as { browser?: unknown; chrome?: unknown };
    const saved = { browser: scope.browser, chrome: scope.chrome };
    try {
      const chromeStorage = { local: {}, session: {} };
      const firefoxStorage = { local: {}, session: {} };
      scope.browser = undefined;
      scope.chrome = { storage: chromeStorage };
      expect(extensionStorage()).toBe(chromeStorage);
      scope.browser = { storage: firefoxStorage };
      expect(extensionStorage()).toBe(firefoxStorage);
      scope.browser = undefined;
      scope.chrome = undefined;
      expect(() => extensionStorage()).toThrow(/only in an extension page/);
    } finally {
      Object.assign(scope, saved);
    }
  });
});
