/**
 * Runs on any site, only when the user turned "Related articles on other sites" on (registered at
 * runtime, with optional host permissions). It extracts the page's main text (capped), lets the
 * service worker score it, and shows a small box only when the page matches Shelf's library. On
 * other pages it does nothing else. UI in a shadow root, built without HTML strings.
 */
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { getHiddenSites, hideOnSite } from '@/lib/content/hidden-sites';
import { renderRelatedBox } from '@/lib/content/related-box';
import { sendRequest } from '@/lib/messaging/client';
import { extractPageText } from '@/lib/related/page-text';
// Inlined, not fetched: a runtime-registered script's CSS is not a web-accessible resource on
// arbitrary sites, and exposing it there would let pages fingerprint the extension.
import boxCss from './style.css?inline';

/** Enough text to judge what a page is about; more costs main-thread time for nothing. */
const MAX_TEXT = 20_000;
const MIN_TEXT = 500;

export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    if ((await getHiddenSites()).includes(location.hostname)) return;
    performance.mark('shelf:extract-start');
    const page = extractPageText(document, MAX_TEXT);
    performance.measure('shelf:main-thread', 'shelf:extract-start');
    if (page.text.length < MIN_TEXT || ctx.isInvalid) return;
    const reply = await sendRequest({
      type: 'related-for-page',
      url: location.href,
      title: page.title || document.title.slice(0, 300),
      text: page.text,
    });
    if (!reply.matched || reply.results.length === 0 || ctx.isInvalid) return;

    const ui = await createShadowRootUi(ctx, {
      name: 'shelf-related',
      css: boxCss,
      position: 'overlay',
      anchor: 'body',
      onMount(container) {
        performance.mark('shelf:mount-start');
        renderRelatedBox(container, reply.results, {
          onOpen: (articleId) => void sendRequest({ type: 'open-article-card', articleId }).catch(() => {}),
          onDismiss: () => ui.remove(),
          onHideOnSite: () => {
            ui.remove();
            void hideOnSite(location.hostname);
          },
        });
        performance.measure('shelf:main-thread', 'shelf:mount-start');
      },
    });
    ui.mount();
  },
});
