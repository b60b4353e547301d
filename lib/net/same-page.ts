import { searchWithoutTracking } from '@/lib/net/tracking-parameters';

/**
 * Whether an absolute address names the same document as one of `pages` (a page's own addresses),
 * as a reader would take it: the same host (as the URL parser writes it: `EXAMPLE.org:443` is
 * `example.org`), port, path and query, fragment aside. Differences that never name another article
 * are let through: `http:` for `https:` and a leading `www.` (a footnote written with the address the
 * site had before it moved to https, or without its `www.`), tracking parameters (the page opened
 * from a newsletter, `?utm_source=…`, links to itself without them) and a trailing slash (WordPress
 * writes `/post/` and redirects `/post` to it). Anything else, another host (`blog.example.org`), port
 * or parameter (`?page=2`), may be another document.
 */
export function isSamePage(address: string, pages: readonly URL[]): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (!WEB_PROTOCOL.test(url.protocol)) return false;
  return pages.some(
    (page) =>
      WEB_PROTOCOL.test(page.protocol) &&
      withoutWww(page.hostname) === withoutWww(url.hostname) &&
      // `port` is empty for the scheme's own: `http://x:80` and `https://x` are one site.
      page.port === url.port &&
      withoutTrailingSlash(page.pathname) === withoutTrailingSlash(url.pathname) &&
      searchWithoutTracking(page.search) === searchWithoutTracking(url.search),
  );
}

const WEB_PROTOCOL = /^https?:$/;
const withoutWww = (host: string) => (host.startsWith('www.') ? host.slice(4) : host);
const withoutTrailingSlash = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

/** The addresses given that are absolute web addresses, parsed (`isSamePage`'s `pages`). */
export function parsePageAddresses(addresses: readonly string[]): URL[] {
  return addresses.flatMap((address) => {
    try {
      const url = new URL(address);
      return WEB_PROTOCOL.test(url.protocol) ? [url] : [];
    } catch {
      return [];
    }
  });
}
