import { useMemo } from 'react';
import { browser } from 'wxt/browser';
import { ArticleCard } from '@/components/article-card';
import { ArticleList } from '@/components/article-list';
import { useArticleState } from '@/components/hooks/use-article-state';
import { KeepControls } from '@/components/side-panel/keep-controls';
import { StorageGate } from '@/components/storage-gate';
import type { Article } from '@/lib/corpus/article';
import { getBundledRelatedEngine } from '@/lib/related/bundled';

function openLink(url: string) {
  void browser.tabs.create({ url });
}

interface ArticleViewProps {
  article: Article;
  onSelect: (article: Article) => void;
  onTag: (tag: string) => void;
  onRead: (itemId: string) => void;
}

/** An article's card, with what the user keeps of it: saved, status, progress, a copy, related articles. */
export function ArticleView({ article, onSelect, onTag, onRead }: ArticleViewProps) {
  const state = useArticleState(article.id);
  // Precomputed at build time (npm run index): the 5 articles most similar in content.
  const related = useMemo(() => getBundledRelatedEngine().relatedToArticle(article.id), [article]);
  return (
    <>
      <ArticleCard article={article} onOpenLink={openLink} onTag={onTag} />
      <StorageGate>
        <KeepControls article={article} state={state} onRead={onRead} />
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
