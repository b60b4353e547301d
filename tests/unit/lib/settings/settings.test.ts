import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  hideOnSite,
  isRelatedShownNowhere,
  mayShowRelatedOn,
  setRelatedShownNowhere,
  unhideSite,
} from '@/lib/content/hidden-sites';
import { ShelfDatabase } from '@/lib/db/database';
import { saveArticle, setProgress, updateSettings } from '@/lib/db/repository';
import { deleteEverything } from '@/lib/settings/delete-everything';
import { applyTheme, loadTheme, saveTheme } from '@/lib/settings/theme';

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
    await setRelatedShownNowhere(true);
    expect(await isRelatedShownNowhere()).toBe(true);
    expect(await mayShowRelatedOn('other.example.com')).toBe(false);
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
    await updateSettings({ showBadge: false }, { db });
    await hideOnSite('a.example');
    await saveTheme('dark');
    await deleteEverything(db);
    expect([await db.items.count(), await db.progress.count(), await db.settings.count()]).toEqual([0, 0, 0]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    db.close();
  });
});
