import { isOnSite } from '@/lib/content/hidden-sites';
import { learnFromBlogPage } from '@/lib/content/learn-from-blog-page';
import type { PageContext } from '@/lib/content/page-context';
import { startPageHighlights } from '@/lib/content/page-highlights';
import { markReadingNowBoxSaved, renderReadingNowBox } from '@/lib/content/reading-now-box';
import readingNowCss from '@/lib/content/reading-now-box.css?inline';
import { isResumable, scrollToAnchor, trackReadingProgress } from '@/lib/content/reading-progress';
import boxCss from '@/lib/content/related-box.css?inline';
import { showRelatedForPage } from '@/lib/content/related-on-page';
import { mountShadowBox } from '@/lib/content/shadow-box';
import { sendRequest } from '@/lib/messaging/client';
import { getPreferences, PREFERENCES, setPreference } from '@/lib/settings/preferences';

/** How many closed articles are remembered (the oldest are forgotten first). */
const MAX_DISMISSED = 1000;

/**
 * On the blog's own article pages: names the article being read in a small pill that expands to
 * related articles and its card in the side panel; saves it ("Save to Shelf", after which reading
 * progress is recorded at once), and for saved articles records reading progress (positions the
 * reader reaches, see reading-progress.ts) and offers to resume. Related articles and the resume
 * offer are separate settings; closing the box keeps it closed on that article, and "don't show
 * on this blog" (Settings) or "never on these sites" keeps it off the blog. On blog pages the
 * catalog does not list, it shows related articles by content. The box lives in a closed shadow
 * root and never shows page text as HTML. The database is the extension's: this only messages
 * the background. Highlights on the page: see page-highlights.ts.
 */
export async function showReadingNow(
  ctx: PageContext,
  win: Window = window,
  { moved = false }: { moved?: boolean } = {},
): Promise<void> {
  const { href, hostname } = win.location;
  const state = await sendRequest({ type: 'page-state', url: href });
  const article = state.article;
  if (ctx.isInvalid) return;
  // Only a loaded page teaches: after a single-page move the browser may still give the background
  // the first page's address, which would be paired with this page's title and description.
  if (!article && !moved) void learnFromBlogPage(win.document);
  if (!article) return showRelatedForPage(ctx, win.document);

  let tracking = false;
  const startTracking = () => {
    if (tracking) return;
    tracking = true;
    const record = (scroll: { fraction: number; scrollFraction: number; scrollY: number }) =>
      void sendRequest({ type: 'record-progress', articleId: article.id, ...scroll }).catch(() => {});
    trackReadingProgress(win, record, ctx.signal);
  };
  if (state.saved) startTracking();
  let savedNow = false;
  let shownBox: HTMLElement | null = null;
  // Highlights work whether or not the box shows; highlighting an unsaved article saves it.
  startPageHighlights(win, {
    articleId: article.id,
    highlights: state.highlights ?? [],
    signal: ctx.signal,
    onSavedNow: () => {
      savedNow = true;
      startTracking();
      // The box offered "Save to Shelf" until a reload.
      if (shownBox) markReadingNowBoxSaved(shownBox);
    },
  });

  const prefs = await getPreferences([
    'relatedPlacement',
    'relatedHiddenSites',
    'blogBoxHidden',
    'blogBoxDismissed',
    'blogResumeOffer',
  ]);
  if (ctx.isInvalid) return;
  // Reading progress is kept for saved articles whether or not the box shows.
  const hiddenHere = prefs.relatedHiddenSites.some((site) => isOnSite(hostname, site));
  if (hiddenHere || prefs.blogBoxHidden || prefs.blogBoxDismissed.includes(article.id)) return;
  const related = prefs.relatedPlacement === 'nowhere' ? [] : state.related;
  const resume = prefs.blogResumeOffer && isResumable(state.progress) ? state.progress : null;
  // "Related articles: nowhere" keeps the box away unless it has a position to offer back.
  if (prefs.relatedPlacement === 'nowhere' && !resume) return;
  const openCard = (articleId: string) =>
    sendRequest({ type: 'open-article-card', articleId }).then(({ opened }) => opened);

  const box = mountShadowBox(win.document, {
    hostName: 'shelf-reading-now',
    css: `${boxCss}\n${readingNowCss}`,
    signal: ctx.signal,
  });
  shownBox = renderReadingNowBox(box.container, {
    title: article.title,
    resumePercent: resume ? Math.round(resume.fraction * 100) : null,
    saved: state.saved || savedNow,
    related,
    onShowCard: () => openCard(article.id),
    onShowRelated: openCard,
    onResume: () => {
      if (resume) scrollToAnchor(win, resume);
    },
    onSave: async () => {
      const { saved } = await sendRequest({ type: 'save-article', articleId: article.id });
      if (saved) startTracking(); // from this scroll on, not after a reload
      return saved;
    },
    onDismiss: () => {
      box.remove();
      void rememberDismissed(article.id);
    },
  });
}

/** This article's box stays closed (newest last; the oldest are forgotten past the cap). */
async function rememberDismissed(articleId: string): Promise<void> {
  const { blogBoxDismissed } = await getPreferences(['blogBoxDismissed']);
  const kept = [...blogBoxDismissed.filter((id) => id !== articleId), articleId].slice(-MAX_DISMISSED);
  await setPreference(PREFERENCES.blogBoxDismissed, kept).catch(() => {});
}
