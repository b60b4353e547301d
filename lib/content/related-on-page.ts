import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import boxCss from '@/components/related-box.css?inline';
import { hideOnSite, mayShowRelatedOn } from '@/lib/content/hidden-sites';
import { renderRelatedBox } from '@/lib/content/related-box';
import { sendRequest } from '@/lib/messaging/client';
import { extractPageText } from '@/lib/related/page-text';

/** Enough text to judge what a page is about; more costs main-thread time for nothing. */
const MAX_TEXT = 20_000;
const MIN_TEXT = 500;

/**
 * Shows the "Related articles" box on the current page when its content matches Shelf's library:
 * extract the main text (measured as `shelf:main-thread`), let the service worker score it, and
 * only then build the box. The CSS is inlined, not fetched: on arbitrary sites it is not a
 * web-accessible resource, and exposing it would let pages fingerprint the extension.
 */
export async function showRelatedForPage(ctx: ContentScriptContext): Promise<void> {
  if (!(await mayShowRelatedOn(location.hostname))) return;
  const extractStart = performance.now();
  const page = extractPageText(document, MAX_TEXT);
  performance.measure('shelf:main-thread', { start: extractStart, end: performance.now() });
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
      const mountStart = performance.now();
      renderRelatedBox(container, reply.results, {
        onOpen: (articleId) => void sendRequest({ type: 'open-article-card', articleId }).catch(() => {}),
        onDismiss: () => ui.remove(),
        onHideOnSite: () => {
          ui.remove();
          void hideOnSite(location.hostname);
        },
      });
      performance.measure('shelf:main-thread', { start: mountStart, end: performance.now() });
    },
  });
  ui.mount();
}
