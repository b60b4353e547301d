// No schema imports here: the popup and content scripts use this at start-up.
export const BLOG_ORIGIN = 'https://webcoderspeed.com';
/** The blog's hosts (the site serves both). */
const BLOG_HOST = /^(www\.)?webcoderspeed\.com$/;

/** `https://www.webcoderspeed.com/x/` → `https://webcoderspeed.com/x` (the site serves both hosts). */
export function normalizeBlogUrl(url: string): string {
  const parsed = new URL(url);
  if (!BLOG_HOST.test(parsed.hostname)) {
    throw new Error(`not a webcoderspeed.com URL: ${url}`);
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${BLOG_ORIGIN}${path}`;
}

/**
 * Whether a page's address is the blog itself: https on the default port. The same path over http
 * can be served by anyone on the network path, and another port by another server; a page there
 * never speaks for an article (its highlights, progress or saved state).
 */
export function isServedByBlog(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.port === '' && BLOG_HOST.test(parsed.hostname);
  } catch {
    return false;
  }
}
