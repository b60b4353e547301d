import { describe, expect, it } from 'vitest';
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

  it('keeps the query when its saved picture is unreadable', async () => {
    await fakeBrowser.storage.session.set({
      popupState: { query: 'redis', topic: null, tag: null, firstPaint: { broken: 1 } },
    });
    expect(await loadPopupState()).toEqual({ state: { query: 'redis', topic: null, tag: null }, firstPaint: null });
  });
});
