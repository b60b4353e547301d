import { mayShowRelatedOn } from '@/lib/content/hidden-sites';
import { learnFromBlogPage } from '@/lib/content/learn-from-blog-page';
import type { PageContext } from '@/lib/content/page-context';
import { renderReadingNowBox } from '@/lib/content/reading-now-box';
import readingNowCss from '@/lib/content/reading-now-box.css?inline';
import { isResumable, scrollToAnchor, trackReadingProgress } from '@/lib/content/reading-progress';
import boxCss from '@/lib/content/related-box.css?inline';
import { showRelatedForPage } from '@/lib/content/related-on-page';
import { mountShadowBox } from '@/lib/content/shadow-box';
import { sendRequest } from '@/lib/messaging/client';

/**
 * On the blog's own article pages: names the article being read, lists related articles, links
 * to its card in the side panel, and for saved articles records reading progress (positions the
 * reader reaches, see reading-progress.ts) and offers to resume. On blog pages the catalog does
 * not list, it shows related articles by content. The box lives in a closed shadow root and
 * never shows page text as HTML. The database is the extension's: this only messages the
 * background.
 */
export async function showReadingNow(ctx: PageContext, win: Window = window): Promise<void> {
  const { href, hostname } = win.location;
  const state = await sendRequest({ type: 'page-state', url: href });
  const article = state.article;
  if (ctx.isInvalid) return;
  if (!article) void learnFromBlogPage(win.document);
  if (!article) return showRelatedForPage(ctx, win.document);

  if (state.saved) {
    const record = (scroll: { fraction: number; scrollFraction: number; scrollY: number }) =>
      void sendRequest({ type: 'record-progress', articleId: article.id, ...scroll }).catch(() => {});
    trackReadingProgress(win, record, ctx.signal);
  }
  // "Related articles: nowhere", or this site among "never on these sites", hides the box;
  // reading progress is still kept for saved articles.
  if (!(await mayShowRelatedOn(hostname)) || ctx.isInvalid) return;
  const resume = isResumable(state.progress) ? state.progress : null;
  const openCard = (articleId: string) =>
    sendRequest({ type: 'open-article-card', articleId }).then(({ opened }) => opened);

  const box = mountShadowBox(win.document, {
    hostName: 'shelf-reading-now',
    css: `${boxCss}\n${readingNowCss}`,
    signal: ctx.signal,
  });
  renderReadingNowBox(box.container, {
    title: article.title,
    resumePercent: resume ? Math.round(resume.fraction * 100) : null,
    related: state.related,
    onShowCard: () => openCard(article.id),
    onShowRelated: openCard,
    onResume: () => {
      if (resume) scrollToAnchor(win, resume);
    },
    onDismiss: box.remove,
  });
}
