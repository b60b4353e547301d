import { useLiveQuery } from 'dexie-react-hooks';
import { type RefObject, useEffect } from 'react';
import { getItemImages } from '@/lib/db/images';

/**
 * Shows a copy's images: the ones kept offline from their stored bytes (object URLs, revoked when
 * the copy or its images change), the others from their site only if the user allows remote
 * images, else as placeholders. A kept image is never fetched again.
 */
export function useCopyImages(
  body: RefObject<HTMLElement | null>,
  itemId: string,
  allowRemoteImages: boolean,
  html: string,
): void {
  const images = useLiveQuery(() => getItemImages(itemId).catch(() => []), [itemId]);
  useEffect(() => {
    const kept = new Map<string, string>();
    for (const image of images ?? []) kept.set(image.url, URL.createObjectURL(image.blob));
    for (const img of body.current?.querySelectorAll<HTMLImageElement>('img[data-shelf-src]') ?? []) {
      const address = img.dataset.shelfSrc ?? '';
      const offline = kept.get(address);
      if (offline) img.src = offline;
      else if (allowRemoteImages) img.src = address;
      else img.removeAttribute('src');
    }
    return () => {
      for (const url of kept.values()) URL.revokeObjectURL(url);
    };
  }, [body, images, allowRemoteImages, html]);
}
