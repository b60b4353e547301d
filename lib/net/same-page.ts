import { searchWithoutTracking } from '@/lib/net/tracking-parameters';

/**
 * An address's comparable form: host without "www.", path without a trailing slash, the query
 * string without tracking parameters; scheme, default port and #fragment left out (they name the
 * same page). Null for what is no http(s) address.
 */
export function comparableAddress(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.host.replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${host}${path}${searchWithoutTracking(parsed.search)}`;
}

/**
 * Whether an absolute address names the same document as one of `pages` (a page's own addresses in
 * comparable form, `parsePageAddresses`), as a reader would take it (`comparableAddress`): the same host
 * (as the URL parser writes it: `EXAMPLE.org:443` is `example.org`), port, path and query, fragment
 * aside. Differences that never name another article are let through: `http:` for `https:` and a
 * leading `www.` (a footnote written with the address the site had before it moved to https, or without
 * its `www.`), tracking parameters (the page opened from a newsletter, `?utm_source=…`, links to itself
 * without them) and a trailing slash (WordPress writes `/post/` and redirects `/post` to it). Anything
 * else, another host (`blog.example.org`), port or parameter (`?page=2`), may be another document.
 */
export function isSamePage(address: string, pages: readonly string[]): boolean {
  const compared = comparableAddress(address);
  return compared !== null && pages.includes(compared);
}

/** The addresses given that are absolute web addresses, in comparable form (`isSamePage`'s `pages`). */
export function parsePageAddresses(addresses: readonly string[]): string[] {
  return addresses.flatMap((address) => comparableAddress(address) ?? []);
}
