import { useMemo } from 'react';
import { browser } from 'wxt/browser';
import { ArticleCard } from '@/components/article-card';
import { ArticleList } from '@/components/article-list';
import type { UndoState } from '@/components/hooks/use-undoable-actions';
import { KeepControls } from '@/components/side-panel/keep-controls';
import { StorageGate } from '@/components/storage-gate';
import type { CatalogArticle } from '@/lib/catalog-updates/apply-overlay';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import type { Article } from '@/lib/corpus/article';
import { relatedEngineFor } from '@/lib/related/bundled';

function openLink(url: string) {
  void browser.tabs.create({ url });
}

interface ArticleViewProps {
  article: CatalogArticle;
  catalog: EffectiveCatalog;
  onSelect: (article: Article) => void;
  onTag: (tag: string) => void;
  onRead: (itemId: string) => void;
  undo?: UndoState;
}

/** An article's card, with what the user keeps of it: saved, status, progress, a copy, related articles. */
export function ArticleView({ article, catalog, onSelect, onTag, onRead, undo }: ArticleViewProps) {
  // The 5 articles most similar in content: precomputed at build time (npm run index) until the
  // blog adds articles or titles, then computed over the catalog users see.
  const related = useMemo(() => relatedEngineFor(catalog).relatedToArticle(article.id), [catalog, article]);
  return (
    <>
      <ArticleCard article={article} onOpenLink={openLink} onTag={onTag} />
      {/* The card and related articles need no storage; only these controls wait for it. */}
      <StorageGate>
        <KeepControls article={article} onRead={onRead} undo={undo} />
      </StorageGate>
      {related.length > 0 && (
        <section aria-labelledby="card-related-heading">
          <h3 id="card-related-heading">Related articles</h3>
          <ArticleList articles={related} label="Related to this article" onSelect={onSelect} showTopic />
        </section>
      )}
    </>
  );
}
