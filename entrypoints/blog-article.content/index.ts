/**
 * Runs on the blog's own article pages: names the article being read, lists related articles,
 * links to its card in the side panel, and for saved articles records reading progress and offers
 * to resume. On blog pages the catalog does not list, it shows related articles by content. All UI lives in
 * a shadow root; page text is never inserted as HTML. The database is the extension's: this script
 * only messages the background.
 */
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isRelatedShownNowhere } from '@/lib/content/hidden-sites';
import { renderReadingNowBox } from '@/lib/content/reading-now-box';
import { isResumable, scrollToAnchor, trackReadingProgress } from '@/lib/content/reading-progress';
import { showRelatedForPage } from '@/lib/content/related-on-page';
import { sendRequest } from '@/lib/messaging/client';
// The shared box first, then this box's own rules.
import '@/components/related-box.css';
import './style.css';

export default defineContentScript({
  // Nothing of Shelf's is announced to the page (WXT's legacy window.postMessage is off).
  noScriptStartedPostMessage: true,
  matches: ['https://webcoderspeed.com/blog/*', 'https://www.webcoderspeed.com/blog/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const state = await sendRequest({ type: 'page-state', url: location.href });
    const article = state.article;
    if (ctx.isInvalid) return;
    // A blog page Shelf's catalog does not list: related articles by content, like on other sites.
    if (!article) return showRelatedForPage(ctx);

    if (state.saved) {
      trackReadingProgress(
        window,
        (scroll) => void sendRequest({ type: 'record-progress', articleId: article.id, ...scroll }).catch(() => {}),
        ctx.signal,
      );
    }
    // "Related articles: nowhere" hides the box; reading progress is still kept for saved articles.
    if (await isRelatedShownNowhere()) return;
    const resume = isResumable(state.progress) ? state.progress : null;

    const openCard = (articleId: string) =>
      sendRequest({ type: 'open-article-card', articleId }).then(({ opened }) => opened);
    const ui = await createShadowRootUi(ctx, {
      name: 'shelf-reading-now',
      position: 'overlay',
      anchor: 'body',
      onMount(container) {
        renderReadingNowBox(container, {
          title: article.title,
          resumePercent: resume ? Math.round(resume.fraction * 100) : null,
          related: state.related,
          onShowCard: () => openCard(article.id),
          onShowRelated: openCard,
          onResume: () => {
            if (resume) scrollToAnchor(window, resume);
          },
          onDismiss: () => ui.remove(),
        });
      },
    });
    ui.mount();
  },
});
