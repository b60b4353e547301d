import { browser } from 'wxt/browser';
import { BLOG_ARTICLE_PATTERNS } from '@/lib/content/blog-pages';

export const HIGHLIGHT_MENU_ID = 'highlight-with-shelf';

/**
 * Where "Highlight with Shelf" shows: where a Shelf page script runs to do it — the blog's article
 * pages, and the sites the every-site script is registered on (`anywhere`, empty when it is off).
 */
export function highlightMenuPatterns(anywhere: readonly string[]): string[] {
  return [...BLOG_ARTICLE_PATTERNS, ...anywhere];
}

/**
 * Follows the every-site script's registration (lib/background/related-anywhere.ts), which changes
 * when the user turns it on or off or gives the permission back. Before the menu exists (the
 * first start, which creates it and syncs again) there is nothing to update.
 */
export async function showHighlightMenuOn(anywhere: readonly string[]): Promise<void> {
  await Promise.resolve()
    .then(() =>
      browser.contextMenus.update(HIGHLIGHT_MENU_ID, { documentUrlPatterns: highlightMenuPatterns(anywhere) }),
    )
    .catch(() => {});
}
