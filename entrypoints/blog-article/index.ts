// First, before anything reads the extension API: a page's elements must not stand in for it.
import '@/lib/content/extension-api-guard';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { showReadingNow } from '@/lib/content/blog-article';
import { isBlogArticleAddress } from '@/lib/content/blog-pages';
import { showForEachAddress } from '@/lib/content/page-address';
import { createPageContext } from '@/lib/content/page-context';

/**
 * The blog's article pages (https://webcoderspeed.com/blog/* and www., listed in the manifest by
 * wxt.config.ts): the box naming the article being read, with its reading progress. A plain
 * script rather than a WXT content script, which a page could stop (lib/content/page-context.ts).
 */
export default defineUnlistedScript(() =>
  // The blog may move between its pages without loading one: each article gets its own box.
  showForEachAddress(createPageContext(), window, (ctx, page) => showReadingNow(ctx, window, page), {
    appliesTo: isBlogArticleAddress,
  }),
);
