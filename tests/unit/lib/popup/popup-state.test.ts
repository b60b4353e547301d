import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPopupState, savePopupState } from '@/lib/popup/popup-state';
import { MAX_POPUP_QUERY } from '@/lib/settings/preferences';

describe('popup state', () => {
  // #14, item 11: a query over 500 characters was stored but not restored.
  it('brings back a very long query, cut to what the search box accepts', async () => {
    const query = 'x'.repeat(2000);
    await savePopupState({ query, topic: null, tag: 'redis' }, null);
    const restored = await loadPopupState();
    expect(restored?.state).toEqual({ query: query.slice(0, MAX_POPUP_QUERY), topic: null, tag: 'redis' });
  });

  it('stores a picture only when the next opening can read it, and the query either way', async () => {
    const row = {
      kind: 'article' as const,
      title: [{ text: 'Retry storms', marked: false }],
      topic: '',
      badge: '',
      reasons: '',
      summary: null,
    };
    const picture = {
      query: 'retry',
      placeholder: 'Search',
      topicChoice: 'All topics',
      tagChoice: 'All tags',
      count: '1 result',
      results: [row],
    };
    const stored = async () =>
      (await fakeBrowser.storage.session.get('popupState')).popupState as Record<string, unknown>;
    await savePopupState({ query: 'retry', topic: null, tag: null }, picture);
    expect((await loadPopupState())?.firstPaint).toEqual(picture);
    // 51 rows: more than a picture holds (the live list never shows that many, but a write must not rely on it).
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await savePopupState({ query: 'retry', topic: null, tag: null }, { ...picture, results: Array(51).fill(row) });
    expect(await stored()).toEqual({ query: 'retry', topic: null, tag: null });
    expect(console.warn).toHaveBeenCalled();
  });

  it('warns once per popup about each kind of picture it cannot keep, and keeps the query at every keystroke', async () => {
    // A fresh module: one popup's lifetime.
    vi.resetModules();
    const { savePopupState: save } = await import('@/lib/popup/popup-state');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    warn.mockClear();
    const row = (title: string) => ({
      kind: 'article' as const,
      title: [{ text: title, marked: false }],
      topic: '',
      badge: '',
      reasons: '',
      summary: null,
    });
    const picture = (query: string, rows: number, count = '51 results') => ({
      query,
      placeholder: 'Search',
      topicChoice: 'All topics',
      tagChoice: 'All tags',
      count,
      results: Array.from({ length: rows }, (_, at) => row(`Result ${at}`)),
    });
    // The same refusal at every keystroke: said once.
    for (const query of ['r', 're', 'ret', 'retr', 'retry']) {
      await save({ query, topic: null, tag: null }, picture(query, 51));
      expect((await loadPopupState())?.state.query).toBe(query);
    }
    expect(warn).toHaveBeenCalledTimes(1);
    // Another kind of refusal is said too, once.
    await save({ query: 'retry', topic: null, tag: null }, picture('retry', 3, 'x'.repeat(101)));
    await save({ query: 'retry s', topic: null, tag: null }, picture('retry s', 3, 'y'.repeat(120)));
    expect(warn).toHaveBeenCalledTimes(2);
    expect((await loadPopupState())?.state.query).toBe('retry s');
  });

  it('keeps the query when its saved picture is unreadable', async () => {
    await fakeBrowser.storage.session.set({
      popupState: { query: 'redis', topic: null, tag: null, firstPaint: { broken: 1 } },
    });
    expect(await loadPopupState()).toEqual({ state: { query: 'redis', topic: null, tag: null }, firstPaint: null });
  });
});
