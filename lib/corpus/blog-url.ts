// No schema imports here: the popup and content scripts use this at start-up.
export const BLOG_ORIGIN = 'https://webcoderspeed.com';

/** `https://www.webcoderspeed.com/x/` → `https://webcoderspeed.com/x` (the site serves both hosts). */
export function normalizeBlogUrl(url: string): string {
  const parsed = new URL(url);
  if (!/^(www\.)?webcoderspeed\.com$/.test(parsed.hostname)) {
    throw new Error(`not a webcoderspeed.com URL: ${url}`);
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${BLOG_ORIGIN}${path}`;
}
