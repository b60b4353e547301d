import {
  disableRelatedAnywhere,
  enableRelatedAnywhere,
  isRelatedAnywhereEnabled,
} from '@/lib/background/related-anywhere';
import { isRelatedShownNowhere, setRelatedShownNowhere } from '@/lib/content/hidden-sites';

/** Where the "Related articles" box appears: the blog only (default), every site, or nowhere. */
export type RelatedPlacement = 'blog' | 'everywhere' | 'nowhere';

export async function getRelatedPlacement(): Promise<RelatedPlacement> {
  if (await isRelatedShownNowhere()) return 'nowhere';
  return (await isRelatedAnywhereEnabled()) ? 'everywhere' : 'blog';
}

/**
 * Changes where related articles appear and returns where they now do. "Every site" asks for the
 * optional host permission, so this must be called from the user's click with nothing awaited
 * before it (a refused prompt leaves the placement as it was); leaving "every site" gives the
 * permission back.
 */
export async function setRelatedPlacement(placement: RelatedPlacement): Promise<RelatedPlacement> {
  if (placement === 'everywhere') {
    const granted = await enableRelatedAnywhere();
    if (!granted) return getRelatedPlacement();
    await setRelatedShownNowhere(false);
    return 'everywhere';
  }
  await disableRelatedAnywhere();
  await setRelatedShownNowhere(placement === 'nowhere');
  return placement;
}
