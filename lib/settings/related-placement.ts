import { browser } from 'wxt/browser';
import { ALL_SITES, giveBackAllSites } from '@/lib/settings/all-sites-access';
import { getPreference, PREFERENCES, type RelatedPlacement, setPreference } from '@/lib/settings/preferences';

export { ALL_SITES } from '@/lib/settings/all-sites-access';
/**
 * Where related articles appear is one preference (`relatedPlacement`). The background derives
 * the rest from it: the content script on every site is registered only for "every site", and
 * the host permission that needs is given back when the placement is anything else.
 */
export type { RelatedPlacement } from '@/lib/settings/preferences';

export type PlacementChange = { placement: RelatedPlacement; refused: boolean };

/**
 * Changes where related articles appear. "Every site" asks for the optional host permission, so
 * this must be called from the user's click with nothing awaited before it; when the user says no,
 * the placement stays as it was and `refused` says why.
 */
export async function setRelatedPlacement(placement: RelatedPlacement): Promise<PlacementChange> {
  if (placement === 'everywhere') {
    const granted = await browser.permissions.request({ origins: ALL_SITES });
    if (!granted) return { placement: await getPreference(PREFERENCES.relatedPlacement), refused: true };
  } else if (!(await getPreference(PREFERENCES.keepImagesOffline))) {
    // Given back here, in the click, before the background sees the change: only a click may ask again
    // for the narrower sites Chrome withdraws with it (the blog's, a saved link's), which other features use.
    await giveBackAllSites();
  }
  await setPreference(PREFERENCES.relatedPlacement, placement);
  return { placement, refused: false };
}
