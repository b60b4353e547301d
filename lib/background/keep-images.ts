import { browser } from 'wxt/browser';
import { fetchImagesForCopy, imageAddressesIn } from '@/lib/capture/offline-images';
import { storeItemImages } from '@/lib/db/images';
import { getPreference, PREFERENCES } from '@/lib/settings/preferences';

/** The host permission that covers an address (any port: match patterns have none). */
const sitePattern = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
};

/**
 * After a copy is saved: when "Keep images offline" is on, fetches its images (within the
 * limits of offline-images.ts, only from sites Shelf may read) and keeps them with the item.
 * Never fails the save: an image that cannot be kept stays a placeholder. Returns how many were kept.
 */
export async function keepCopyImages(itemId: string, html: string): Promise<number> {
  try {
    if (!(await getPreference(PREFERENCES.keepImagesOffline))) return 0;
    const images = await fetchImagesForCopy(imageAddressesIn(html), {
      fetch: (input, init) => fetch(input, init),
      mayFetch: (url) => browser.permissions.contains({ origins: [sitePattern(url)] }),
    });
    return await storeItemImages(itemId, images);
  } catch {
    return 0;
  }
}
