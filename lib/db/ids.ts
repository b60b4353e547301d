import { sha256 } from '@noble/hashes/sha2.js';
import { searchWithoutTracking } from '@/lib/net/tracking-parameters';

/**
 * Saved-item ids. A bundled article is `article:<catalog id>`; any other page is `page:` and a
 * hash of its normalized address, so two different addresses never share an id however long they
 * are (ids used to be the address cut to 300 characters, and long addresses collided).
 */
export function articleItemId(articleId: string): string {
  return `article:${articleId}`;
}

/** The catalog id of a bundled article's item id (`articleItemId`), or null for any other item. */
export function articleIdOfItem(itemId: string): string | null {
  return itemId.startsWith('article:') ? itemId.slice('article:'.length) : null;
}

/**
 * The address that identifies a page: parsed by the URL standard (scheme and host lower-cased,
 * default port dropped, path escaped the same way every time), without its #fragment, which
 * names a place in the page rather than another page, nor its tracking parameters (`utm_source`,
 * `fbclid`…: where the link was shared), so a page saved from a newsletter's link and from its own
 * address is one item. Every other query parameter stays: it may name another page.
 */
export function normalizePageUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    const search = searchWithoutTracking(parsed.search);
    if (search !== parsed.search) parsed.search = search;
    return parsed.href;
  } catch {
    return url.split('#')[0] ?? url;
  }
}

/**
 * The id versions 4 to 11 gave a page: a hash of its address without the #fragment, tracking
 * parameters kept. Written out, not derived from `pageItemId`: the version-4 migration must do what
 * it did, and sync leaves out an id this rule gives (every version reads it so), so browsers on
 * older versions and this one agree on it.
 */
export function fragmentlessPageItemId(url: string): string {
  let address: string;
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    address = parsed.href;
  } catch {
    address = url.split('#')[0] ?? url;
  }
  return `page:${shortHash(address)}`;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 132 bits of SHA-256 as 22 URL-safe characters: short enough for sync, far from any collision. */
function shortHash(text: string): string {
  const digest = sha256(new TextEncoder().encode(text));
  let out = '';
  for (let bit = 0; out.length < 22; bit += 6) {
    const byte = bit >> 3;
    const offset = bit & 7;
    const pair = ((digest[byte] ?? 0) << 8) | (digest[byte + 1] ?? 0);
    out += BASE64URL[(pair >> (10 - offset)) & 63];
  }
  return out;
}

/** The saved-item id of a page: the bundled article it is, or a hash of its normalized address. */
export function pageItemId(url: string, bundledArticleId?: string | null): string {
  if (bundledArticleId) return articleItemId(bundledArticleId);
  return `page:${shortHash(normalizePageUrl(url))}`;
}
