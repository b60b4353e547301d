import { browser } from 'wxt/browser';
import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { ALL_SITES } from '@/lib/settings/related-placement';

export type OfflineImagesChange = { on: boolean; refused: boolean };

/**
 * Turns "Keep images offline" on or off. On asks for the permission to read other sites (images
 * live on any site, often a CDN), so call it from the user's click with nothing awaited before;
 * when refused the setting stays off. Off gives the permission back unless "related articles on
 * every site" still needs it.
 */
export async function setKeepImagesOffline(on: boolean): Promise<OfflineImagesChange> {
  if (on) {
    const granted = await browser.permissions.request({ origins: ALL_SITES }).catch(() => false);
    if (!granted) return { on: await getPreference(PREFERENCES.keepImagesOffline), refused: true };
  }
  await setPreference(PREFERENCES.keepImagesOffline, on);
  if (!on && (await getPreference(PREFERENCES.relatedPlacement)) !== 'everywhere') {
    // Only when held: Chrome also withdraws narrower hosts a broad pattern covers.
    const held = await browser.permissions.contains({ origins: ALL_SITES }).catch(() => false);
    if (held) await browser.permissions.remove({ origins: ALL_SITES }).catch(() => false);
  }
  return { on, refused: false };
}
