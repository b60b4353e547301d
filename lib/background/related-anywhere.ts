import { browser } from 'wxt/browser';
import { showHighlightMenuOn } from '@/lib/background/highlight-menu';
import { ALL_SITES, hasAllSitesPermission, narrowerSitesHeld } from '@/lib/settings/all-sites-access';
import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';

/**
 * "Related articles on every site" follows the `relatedPlacement` preference: the content script
 * (the related box, and highlights on the page) is registered on every site only while the placement is "every site" and the host permission is
 * granted; any other placement unregisters it and gives the permission back. Revoking the
 * permission in the browser's settings turns the placement back to "the blog only".
 */
export const RELATED_ANYWHERE_SCRIPT_ID = 'related-anywhere';
const BLOG_PAGES = ['https://webcoderspeed.com/*', 'https://www.webcoderspeed.com/*'];

/** Origins that a build grants up front (the e2e test build grants 127.0.0.1 only). */
export const PREGRANTED_ORIGINS: string[] = import.meta.env.MODE === 'e2e' ? ['http://127.0.0.1/*'] : [];

/**
 * Whether the every-site script is registered now: a page's highlights are its to ask for only
 * then (a tab that got the script before the user turned it off keeps it until it reloads).
 */
export async function everySiteScriptRuns(): Promise<boolean> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [RELATED_ANYWHERE_SCRIPT_ID] });
  return registered.length > 0;
}

let syncing: Promise<void> = Promise.resolve();

/**
 * Registers the every-site script when the placement and the permission allow it. Safe to run any
 * time: runs one at a time (two at once would both find nothing registered and both register).
 */
export function syncRelatedAnywhere(): Promise<void> {
  const next = syncing.then(syncNow, syncNow);
  syncing = next.catch(() => {});
  return next;
}

async function syncNow(): Promise<void> {
  let placement = await getPreference(PREFERENCES.relatedPlacement);
  const allSites = await hasAllSitesPermission();
  if (placement === 'everywhere' && !allSites) {
    placement = 'blog';
    await setPreference(PREFERENCES.relatedPlacement, placement);
  }
  const matches = placement === 'everywhere' ? ALL_SITES : placement === 'blog' ? PREGRANTED_ORIGINS : [];
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [RELATED_ANYWHERE_SCRIPT_ID] });
  // The service worker starts often: leave a registration that is already right alone.
  if (!registered || JSON.stringify(registered.matches ?? []) !== JSON.stringify(matches)) {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [RELATED_ANYWHERE_SCRIPT_ID] });
    if (matches.length > 0) {
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
  }
  // "Highlight with Shelf" shows where the script now runs to do it (the menu outlives restarts).
  await showHighlightMenuOn(matches);
}

/**
 * The placement changed: any choice but "every site" unregisters the every-site script. The host
 * permission is given back in the click that turned the feature off (Settings' `setRelatedPlacement`,
 * "Delete everything"), keeping the narrower sites other features hold. Here, for a change no click
 * made (a backup restored with another placement), it is given back only when that takes nothing else:
 * Chrome withdraws with it every narrower site it covers (the blog's, a saved link's), and a service
 * worker cannot ask for those again (`permissions.request` needs a user gesture). Kept so, it is
 * unused (no script runs on every site) until Settings turns a feature that needs it on and off.
 */
export async function applyRelatedPlacement(placement: string): Promise<void> {
  // "Keep images offline" needs the same permission: it stays while that is on.
  const imagesOffline = await getPreference(PREFERENCES.keepImagesOffline);
  if (
    placement !== 'everywhere' &&
    !imagesOffline &&
    (await hasAllSitesPermission()) &&
    (await narrowerSitesHeld()).length === 0
  ) {
    await browser.permissions.remove({ origins: ALL_SITES }).catch(() => false);
  }
  await syncRelatedAnywhere();
}
