/**
 * The blog's article pages, where Shelf's page script runs (the manifest's content script, listed
 * by wxt.config.ts) and where the "Highlight with Shelf" menu item shows.
 */
export const BLOG_ARTICLE_PATTERNS = ['https://webcoderspeed.com/blog/*', 'https://www.webcoderspeed.com/blog/*'];

/** Whether an address is one of the blog's article pages (BLOG_ARTICLE_PATTERNS, as a test). */
export function isBlogArticleAddress(address: string): boolean {
  try {
    const url = new URL(address);
    return (
      url.protocol === 'https:' &&
      (url.hostname === 'webcoderspeed.com' || url.hostname === 'www.webcoderspeed.com') &&
      url.pathname.startsWith('/blog/')
    );
  } catch {
    return false;
  }
}
