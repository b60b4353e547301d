import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hideOnSite, isOnSite, mayShowRelatedOn, normalizeSite, unhideSite } from '@/lib/content/hidden-sites';
import { ShelfDatabase } from '@/lib/db/database';
import { saveArticle } from '@/lib/db/items';
import { setProgress } from '@/lib/db/progress';
import { countItems, getReaderData } from '@/lib/db/queries';
import { deleteEverything } from '@/lib/settings/delete-everything';
import { PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { applyTheme, loadTheme, saveTheme } from '@/lib/settings/theme';
import { getSidePanelView, setSidePanelView } from '@/lib/side-panel/view';

describe('theme', () => {
  it('is "system" until chosen, survives in storage, and sets data-theme on the root', async () => {
    expect(await loadTheme()).toBe('system');
    await saveTheme('dark');
    expect(await loadTheme()).toBe('dark');
    const root = document.createElement('html');
    applyTheme('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyTheme('system', root);
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('treats a stored value it does not know as "system"', async () => {
    await fakeBrowser.storage.local.set({ theme: '<script>' });
    expect(await loadTheme()).toBe('system');
  });
});

describe('where related articles may appear', () => {
  it('never on hidden sites, everywhere else until "nowhere" is chosen', async () => {
    expect(await mayShowRelatedOn('docs.example.com')).toBe(true);
    await hideOnSite('  Docs.Example.com ');
    expect(await mayShowRelatedOn('docs.example.com')).toBe(false);
    expect(await mayShowRelatedOn('other.example.com')).toBe(true);
    await unhideSite('docs.example.com');
    expect(await mayShowRelatedOn('docs.example.com')).toBe(true);
    await setPreference(PREFERENCES.relatedPlacement, 'nowhere');
    expect(await mayShowRelatedOn('other.example.com')).toBe(false);
  });

  it('understands a site typed or pasted in any form, and refuses what is not a site', async () => {
    expect(normalizeSite('example.com')).toBe('example.com');
    expect(normalizeSite('https://www.Example.com/some/page?x=1')).toBe('example.com');
    expect(normalizeSite('localhost:8080')).toBe('localhost');
    expect(normalizeSite('127.0.0.1:5173')).toBe('127.0.0.1');
    expect(normalizeSite('not a site!!')).toBeNull();
    expect(normalizeSite('   ')).toBeNull();
    expect(await hideOnSite('not a site!!')).toBeNull();
    expect(await hideOnSite('https://www.example.com/x')).toBe('example.com');
    expect(await mayShowRelatedOn('www.example.com')).toBe(false);
    expect(await mayShowRelatedOn('docs.example.com')).toBe(false);
    expect(await mayShowRelatedOn('notexample.com')).toBe(true);
    expect(isOnSite('a.b.example.com', 'example.com')).toBe(true);
  });

  it('ignores a corrupted hidden-sites list rather than failing', async () => {
    await fakeBrowser.storage.local.set({ relatedHiddenSites: 'not a list' });
    expect(await mayShowRelatedOn('a.example')).toBe(true);
  });
});

describe('delete everything', () => {
  const name = `shelf-delete-${crypto.randomUUID()}`;
  afterEach(() => Dexie.delete(name));

  it('empties every table and Shelf’s storage', async () => {
    const db = new ShelfDatabase(name);
    await saveArticle({ id: 'a', title: 'A', url: null }, { db });
    await setProgress('article:a', { fraction: 0.5, anchor: { scrollFraction: 0.5, scrollY: 10 } }, { db });
    await setPreference(PREFERENCES.showBadge, false);
    await hideOnSite('a.example');
    await saveTheme('dark');
    await deleteEverything(db);
    expect(await countItems(db)).toBe(0);
    expect((await getReaderData('article:a', db)).progress).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    db.close();
  });

  // QA pass: asked from the side panel's Settings, it sent the panel to All articles, so its answer
  // ("… was deleted") was never seen.
  it('leaves a side panel showing Settings there, and sends any other view back to the start', async () => {
    const db = new ShelfDatabase(`shelf-delete-view-${crypto.randomUUID()}`);
    await setSidePanelView({ kind: 'settings' });
    await deleteEverything(db);
    expect(await getSidePanelView()).toEqual({ kind: 'settings' });
    await setSidePanelView({ kind: 'reading-list' });
    await deleteEverything(db);
    expect(await getSidePanelView()).toEqual({ kind: 'browse' });
    db.close();
  });
});
