import { isAddressTitle } from '@/lib/db/merge';
import { isWebAddress } from '@/lib/net/web-url';

/**
 * The title the reader shows above a saved copy: the item's, as the reading list shows it (the title
 * it was imported or first saved with), so a capture made later does not rename it to the page's
 * `<title>`; the copy's when the item's is none (empty, or only an address, as a list of links gives).
 */
export function readerTitle(item: { title: string; url: string | null }, copy: { title: string; url: string }): string {
  const title = item.title.trim();
  const urls = [item.url, copy.url].filter((url): url is string => url !== null);
  const none = title === '' || isAddressTitle(item.title, urls) || isWebAddress(title);
  return (none && copy.title) || item.title;
}
