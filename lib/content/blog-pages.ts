/**
 * The blog's article pages, where Shelf's page script runs (the manifest's content script, listed
 * by wxt.config.ts) and where the "Highlight with Shelf" menu item shows.
 */
export const BLOG_ARTICLE_PATTERNS = ['https://webcoderspeed.com/blog/*', 'https://www.webcoderspeed.com/blog/*'];
