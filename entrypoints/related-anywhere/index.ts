// First, before anything reads the extension API: a page's elements must not stand in for it.
import '@/lib/content/extension-api-guard';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { showForEachAddress } from '@/lib/content/page-address';
import { createPageContext } from '@/lib/content/page-context';
import { showPageHighlights } from '@/lib/content/page-highlights';
import { showRelatedForPage } from '@/lib/content/related-on-page';

/**
 * Any site, only when the user turned "Related articles on other sites" on (registered at runtime
 * by lib/background/related-anywhere.ts, with optional host permissions): the related box, and the
 * page's highlights (drawn again, and the `Highlight` button beside a selection). On pages that do
 * not match Shelf's library it only extracts text and asks the service worker; no framework is loaded.
 * Again for each address a single-page app moves to.
 */
export default defineUnlistedScript(() => {
  showForEachAddress(createPageContext(), window, (ctx) => {
    void showPageHighlights(ctx);
    return showRelatedForPage(ctx);
  });
});
