import { useMemo } from 'react';
import { ArticleList } from '@/components/article-list';
import { useRelatedSaved } from '@/components/hooks/use-related-saved';
import { SavedRelatedList } from '@/components/side-panel/saved-related-list';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import type { Article } from '@/lib/corpus/article';
import { askedFromArticle, findRelated } from '@/lib/related/find-related';
import type { SidePanelView } from '@/lib/side-panel/view';

const RELATED_LIMIT = 10;
const SOURCE_LABEL = { selection: 'the selected text', link: 'the link', page: 'this page' } as const;

/** Articles related to what the user right-clicked ("Find related"). */
export function RelatedView({
  view,
  catalog,
  onSelect,
  onShow,
}: {
  view: Extract<SidePanelView, { kind: 'related' }>;
  catalog: EffectiveCatalog;
  onSelect: (article: Article) => void;
  onShow: (view: SidePanelView) => void;
}) {
  const saved = useRelatedSaved(view, catalog);
  const savedMatched = saved.response.hits.length > 0;
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
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">Related articles</h2>
      <p className="muted">
        For {SOURCE_LABEL[view.source]}: “{view.label}”
      </p>
      {/* The user's own pages first: they chose to keep them, and only close matches are listed. */}
      <SavedRelatedList response={saved.response} snippets={saved.snippets} onOpen={(hit) => saved.open(hit, onShow)} />
      {!found.matched && related.length > 0 && (
        <p className="notice">
          {savedMatched ? 'No blog article' : "Nothing in Shelf's library"} is closely related; these are the nearest
          articles.
        </p>
      )}
      {savedMatched && related.length > 0 && <h3>From the blog</h3>}
      {related.length > 0 ? (
        <ArticleList articles={related} label="Related articles" showTopic onSelect={onSelect} />
      ) : (
        <p role="status">
          {savedMatched ? 'No blog article matches this.' : "No article in Shelf's library matches this."}
        </p>
      )}
    </section>
  );
}
