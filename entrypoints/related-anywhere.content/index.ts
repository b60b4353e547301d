/**
 * Runs on any site, only when the user turned "Related articles on other sites" on (registered at
 * runtime, with optional host permissions). On pages that do not match Shelf's library it only
 * extracts text and asks the service worker; no framework is loaded. UI in a shadow root.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { showRelatedForPage } from '@/lib/content/related-on-page';

export default defineContentScript({
  // Nothing of Shelf's is announced to the page (WXT's legacy window.postMessage is off).
  noScriptStartedPostMessage: true,
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main: (ctx) => showRelatedForPage(ctx),
});
