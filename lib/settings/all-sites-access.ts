import { browser } from 'wxt/browser';
import { BLOG_ARTICLE_PATTERNS } from '@/lib/content/blog-pages';
import { getPreference, PREFERENCES, setPreferences } from '@/lib/settings/preferences';

/** Sites Shelf needs to read for "every site" and "Keep images offline": asked for when the user chooses either. */
export const ALL_SITES = ['https://*/*', 'http://*/*'];

/** Whether the features that need every site leave it unneeded: neither every-site related articles nor offline images. */
export async function allSitesUnneeded(): Promise<boolean> {
  const [placement, imagesOffline] = await Promise.all([
    getPreference(PREFERENCES.relatedPlacement),
    getPreference(PREFERENCES.keepImagesOffline),
  ]);
  return placement !== 'everywhere' && !imagesOffline;
}

/** Whether Shelf holds every site (rejects when the browser cannot tell). */
export function hasAllSitesPermission(): Promise<boolean> {
  return browser.permissions.contains({ origins: ALL_SITES });
}

/** Whether Shelf holds every site; not when the browser cannot tell. */
export async function holdsAllSites(): Promise<boolean> {
  try {
    return await hasAllSitesPermission();
  } catch {
    return false;
  }
}

/**
 * Turns off the choices that need every site when Shelf does not hold it (given back, or never
 * granted): left on, Settings would say they are on while neither can work. Whether either was on.
 */
export async function turnOffWhatNeedsAllSites(): Promise<boolean> {
  if (await allSitesUnneeded()) return false;
  if (await holdsAllSites()) return false;
  await setPreferences([
    [PREFERENCES.relatedPlacement, PREFERENCES.relatedPlacement.defaultValue],
    [PREFERENCES.keepImagesOffline, false],
  ]);
  return true;
}

/**
 * Gives back the permission to read every site, keeping the narrower sites Shelf holds for other
 * features: the blog's hosts ("Update articles from the blog", the blog box following the tab's
 * address) and the sites of links saved unopened. Chrome's `permissions.remove` withdraws every
 * granted host the patterns removed cover, not only those patterns (Chromium intersects what is
 * removed with what is held, pattern by pattern; pixiebrix/pixiebrix-extension#1931); a host removed
 * so stays among the extension's granted permissions, and asked for again it is given back without a
 * prompt. So those are asked for again here, which needs the user's gesture: call it in the click
 * that turned the feature off. (Firefox removes the patterns named only: nothing is asked.)
 */
export async function giveBackAllSites(): Promise<void> {
  if (!(await holdsAllSites())) return;
  const narrower = await narrowerSitesHeld();
  await browser.permissions.remove({ origins: ALL_SITES }).catch(() => false);
  if (narrower.length === 0 || (await browser.permissions.contains({ origins: narrower }).catch(() => false))) return;
  await browser.permissions.request({ origins: narrower }).catch(() => false);
}

/**
 * The web sites Shelf holds besides every site (`ALL_SITES`): those Chrome withdraws with it. Not the
 * blog box's sites (the manifest's content script, `BLOG_ARTICLE_PATTERNS`): Chrome's `getAll` lists
 * them, but `remove` never withdraws them and `contains` does not count them (probed in Chrome 156), so
 * asked for again they would be a prompt, and they would keep the background from ever giving every
 * site back.
 */
export async function narrowerSitesHeld(): Promise<string[]> {
  const held = (await browser.permissions.getAll().catch(() => ({ origins: [] as string[] }))).origins ?? [];
  return held.filter(
    (origin) => !ALL_SITES.includes(origin) && !BLOG_ARTICLE_PATTERNS.includes(origin) && /^https?:\/\//.test(origin),
  );
}
