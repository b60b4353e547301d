import { browser } from 'wxt/browser';
import { ALL_SITES, allSitesUnneeded, giveBackAllSites } from '@/lib/settings/all-sites-access';
import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';

export type OfflineImagesChange = { on: boolean; refused: boolean };

/**
 * Turns "Keep images offline" on or off. On asks for the permission to read other sites (images
 * live on any site, often a CDN), so call it from the user's click with nothing awaited before;
 * when refused the setting stays off. Off gives the permission back unless "related articles on
 * every site" still needs it, keeping the sites other features hold (so call it in the click then too).
 */
export async function setKeepImagesOffline(on: boolean): Promise<OfflineImagesChange> {
  if (on) {
    const granted = await browser.permissions.request({ origins: ALL_SITES }).catch(() => false);
    if (!granted) return { on: await getPreference(PREFERENCES.keepImagesOffline), refused: true };
  }
  await setPreference(PREFERENCES.keepImagesOffline, on);
  // Keeping the narrower sites other features hold, which Chrome withdraws with it (`giveBackAllSites`).
  if (!on && (await allSitesUnneeded())) await giveBackAllSites();
  return { on, refused: false };
}
