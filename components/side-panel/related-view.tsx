import { type RefObject, useLayoutEffect, useMemo, useRef } from 'react';
import { ArticleList } from '@/components/article-list';
import { useRelatedSaved } from '@/components/hooks/use-related-saved';
import { SavedRelatedList } from '@/components/side-panel/saved-related-list';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import type { Article } from '@/lib/corpus/article';
import { focusIsNowhereAround } from '@/lib/dom/focus-rescue';
import { askedFromArticle, findRelated } from '@/lib/related/find-related';
import { isSameView, type SidePanelView } from '@/lib/side-panel/view';

const RELATED_LIMIT = 10;
const SOURCE_LABEL = { selection: 'the selected text', link: 'the link', page: 'this page' } as const;

/** The entry last opened from a related view, kept by the panel (the view is unmounted meanwhile): an article's or a saved page's. */
export interface RelatedOpened {
  view: Extract<SidePanelView, { kind: 'related' }>;
  articleId?: string;
  itemId?: string;
}

/** Articles related to what the user right-clicked ("Find related"). */
export function RelatedView({
  view,
  catalog,
  onSelect,
  onShow,
  opened,
}: {
  view: Extract<SidePanelView, { kind: 'related' }>;
  catalog: EffectiveCatalog;
  onSelect: (article: Article) => void;
  onShow: (view: SidePanelView) => void;
  opened?: RefObject<RelatedOpened | null>;
}) {
  const saved = useRelatedSaved(view, catalog);
  const sectionRef = useRef<HTMLElement>(null);
  const focusWhenShown = useRef<Element | null | undefined>(undefined);
  // Shown again (Back from a card or a saved page opened here): the focus goes back to that entry's
  // button, not left on Back (QA pass), as in "All articles". A saved page is listed once the library is
  // read: focused then only if the focus is still where Back left it, or nowhere (a blog article saved
  // since moves from the blog's list to the saved pages then: review). A layout effect: before the page's
  // focus rescue.
  useLayoutEffect(() => {
    const last = opened?.current;
    const section = sectionRef.current;
    // Compared by value: the panel's view comes back from storage as a copy.
    if (!opened || !last || !isSameView(last.view, view) || !section) return;
    const button = Array.from(section.querySelectorAll<HTMLElement>('[data-article-id], [data-item-id]')).find(
      (entry) =>
        (last.articleId !== undefined && entry.dataset.articleId === last.articleId) ||
        (last.itemId !== undefined && entry.dataset.itemId === last.itemId),
    );
    const active = section.ownerDocument.activeElement;
    if (focusWhenShown.current === undefined) focusWhenShown.current = active;
    if (!button) return;
    if (saved.libraryRead) opened.current = null; // its place is known for good
    if (active === focusWhenShown.current || focusIsNowhereAround(button)) button.focus();
  }, [opened, view, saved.response, saved.libraryRead]);
  const select = (article: Article) => {
    if (opened) opened.current = { view, articleId: article.id };
    onSelect(article);
  };
  const savedMatched = saved.response.hits.length > 0;
  // Shelf's library is the blog's articles and the user's pages: nothing in it is said only once the
  // pages are read and none matched (QA pass: said, then a saved page that matched came in above).
  const noneSaved = saved.libraryRead && !savedMatched;
  const found = useMemo(
    () =>
      findRelated(view.query, {
        title: view.title,
        limit: RELATED_LIMIT,
        catalog,
        excludeId: askedFromArticle(view, catalog),
      }),
    [view, catalog],
  );
  // A saved blog article listed among the user's pages is not listed again, unmarked, among the blog's.
  const savedArticles = new Set(
    saved.response.hits.flatMap((hit) => (hit.kind === 'page' && hit.page.articleId ? [hit.page.articleId] : [])),
  );
  const related = found.articles.filter((article) => !savedArticles.has(article.id));
  return (
    <section ref={sectionRef} aria-labelledby="related-heading">
      <h2 id="related-heading">Related articles</h2>
      <p className="muted">
        For {SOURCE_LABEL[view.source]}: “{view.label}”
      </p>
      {/* The user's own pages first: they chose to keep them, and only close matches are listed. */}
      <SavedRelatedList
        response={saved.response}
        snippets={saved.snippets}
        onOpen={(hit) => {
          if (opened) opened.current = { view, itemId: hit.page.itemId };
          saved.open(hit, onShow);
        }}
      />
      {!found.matched && related.length > 0 && (
        <p className="notice">
          {noneSaved ? "Nothing in Shelf's library" : 'No blog article'} is closely related; these are the nearest
          articles.
        </p>
      )}
      {savedMatched && related.length > 0 && <h3>From the blog</h3>}
      {related.length > 0 && <ArticleList articles={related} label="Related articles" showTopic onSelect={select} />}
      {/* None left only because those found are listed as the user's saved pages: no "no blog article" then (QA pass). */}
      {found.articles.length === 0 && (
        <p role="status">
          {noneSaved ? "No article in Shelf's library matches this." : 'No blog article matches this.'}
        </p>
      )}
    </section>
  );
}
