/**
 * Query parameters that say where a link was shared or which ad was clicked, not which page it is
 * ("?utm_source=newsletter", "&fbclid=…"). Any other parameter may name another page (`/watch?v=…`,
 * `?p=123`), so only these are ever left out of an address.
 */
const TRACKING_PARAMETER =
  /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|mkt_tok)$/i;

/** Whether a query parameter's name is one of those that only say where a link was shared. */
function isTrackingParameter(name: string): boolean {
  return TRACKING_PARAMETER.test(name);
}

/**
 * A query string (`?a=1&utm_source=x`, as `URL.search` gives it) without its tracking parameters,
 * the others kept exactly as written and in their order; '' when none is left.
 */
export function searchWithoutTracking(search: string): string {
  if (search === '' || search === '?') return search;
  const parts = search.slice(1).split('&');
  const kept = parts.filter((part) => !isTrackingParameter(parameterName(part)));
  if (kept.length === parts.length) return search;
  return kept.length === 0 ? '' : `?${kept.join('&')}`;
}

function parameterName(part: string): string {
  const name = part.split('=')[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * An address without its tracking parameters, what Shelf keeps of a page saved or imported ("Open
 * original" opens it); its #fragment and every other parameter stay. Returned as given when it has
 * none (or is no URL), so an address is only rewritten, by the URL standard, when one is left out.
 */
export function addressWithoutTracking(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const search = searchWithoutTracking(parsed.search);
  if (search === parsed.search) return url;
  parsed.search = search;
  return parsed.href;
}
