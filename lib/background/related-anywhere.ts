import { browser } from 'wxt/browser';

/**
 * "Related articles on any site": off by default. Turning it on asks for the optional host
 * permissions at that moment and registers the content script; turning it off unregisters it and
 * gives the permissions back. The registration follows the permission, so revoking the permission
 * in the browser's settings also stops it.
 */
export const ALL_SITES = ['https://*/*', 'http://*/*'];
export const RELATED_ANYWHERE_SCRIPT_ID = 'related-anywhere';
const BLOG_PAGES = ['https://webcoderspeed.com/*', 'https://www.webcoderspeed.com/*'];

/** Origins that a build grants up front (the e2e test build grants 127.0.0.1 only). */
export const PREGRANTED_ORIGINS: string[] = import.meta.env.MODE === 'e2e' ? ['http://127.0.0.1/*'] : [];

export async function isRelatedAnywhereEnabled(): Promise<boolean> {
  const scripts = await browser.scripting.getRegisteredContentScripts({ ids: [RELATED_ANYWHERE_SCRIPT_ID] });
  return scripts.length > 0;
}

/** Must run in a user gesture (a click in an extension page): the browser shows its prompt. */
export async function enableRelatedAnywhere(): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: ALL_SITES });
  if (granted) await syncRelatedAnywhere();
  return granted;
}

export async function disableRelatedAnywhere(): Promise<void> {
  await unregister();
  await browser.permissions.remove({ origins: ALL_SITES }).catch(() => false);
}

async function unregister(): Promise<void> {
  if (await isRelatedAnywhereEnabled()) {
    await browser.scripting.unregisterContentScripts({ ids: [RELATED_ANYWHERE_SCRIPT_ID] });
  }
}

/** Registers the script on the origins Shelf may read, or unregisters it when there are none. */
export async function syncRelatedAnywhere(): Promise<void> {
  const allSites = await browser.permissions.contains({ origins: ALL_SITES });
  const matches = allSites ? ALL_SITES : PREGRANTED_ORIGINS;
  await unregister();
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: RELATED_ANYWHERE_SCRIPT_ID,
      matches,
      excludeMatches: BLOG_PAGES, // the blog has its own content script
      js: ['related-anywhere.js'], // entrypoints/related-anywhere
      runAt: 'document_idle',
    },
  ]);
}
