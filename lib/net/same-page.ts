import { searchWithoutTracking } from '@/lib/net/tracking-parameters';

/**
 * Whether an absolute address names the same document as one of `pages` (a page's own addresses),
 * as a browser decides that a link only moves within the page: the same origin (as the URL parser
 * writes it: `EXAMPLE.org:443` is `example.org`), path and query, fragment aside. Two differences
 * that never name another article are let through: tracking parameters (the page opened from a
 * newsletter, `?utm_source=…`, links to itself without them) and a trailing slash (WordPress writes
 * `/post/` and redirects `/post` to it). Anything else, `http:` for `https:` or another parameter
 * (`?page=2`), may be another document.
 */
export function isSamePage(address: string, pages: readonly URL[]): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  return pages.some(
    (page) =>
      page.origin === url.origin &&
      page.origin !== 'null' &&
      withoutTrailingSlash(page.pathname) === withoutTrailingSlash(url.pathname) &&
      searchWithoutTracking(page.search) === searchWithoutTracking(url.search),
  );
}

const withoutTrailingSlash = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

/** The addresses given that are absolute web addresses, parsed (`isSamePage`'s `pages`). */
export function parsePageAddresses(addresses: readonly string[]): URL[] {
  return addresses.flatMap((address) => {
    try {
      const url = new URL(address);
      return /^https?:$/.test(url.protocol) ? [url] : [];
    } catch {
      return [];
    }
  });
}
