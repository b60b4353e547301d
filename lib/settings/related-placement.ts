import { browser } from 'wxt/browser';
import { getPreference, PREFERENCES, type RelatedPlacement, setPreference } from '@/lib/settings/preferences';

/**
 * Where related articles appear is one preference (`relatedPlacement`). The background derives
 * the rest from it: the content script on every site is registered only for "every site", and
 * the host permission that needs is given back when the placement is anything else.
 */
export type { RelatedPlacement } from '@/lib/settings/preferences';

/** Sites Shelf needs to read for "every site": asked for when the user chooses it. */
export const ALL_SITES = ['https://*/*', 'http://*/*'];

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
  }
  await setPreference(PREFERENCES.relatedPlacement, placement);
  return { placement, refused: false };
}
