import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { browser } from 'wxt/browser';
import { ItemAnnotations } from '@/components/annotations/item-annotations';
import { ArticleCard } from '@/components/article-card';
import { ArticleList } from '@/components/article-list';
import { StorageGate } from '@/components/storage-gate';
import type { Article } from '@/lib/corpus/article';
import { removeItems, saveArticle, setStatus } from '@/lib/db/items';
import { getArticleState } from '@/lib/db/queries';
import { ITEM_STATUSES, type ItemStatus } from '@/lib/db/schema';
import { getBundledRelatedEngine } from '@/lib/related/bundled';

function openLink(url: string) {
  void browser.tabs.create({ url });
}

/** An article's card, with what the user keeps of it: saved, status, progress, related articles. */
export function ArticleView({ article, onSelect }: { article: Article; onSelect: (article: Article) => void }) {
  const saved = useLiveQuery(() => getArticleState(article.id), [article.id]);
  // Precomputed at build time (npm run index): the 5 articles most similar in content.
  const related = useMemo(() => getBundledRelatedEngine().relatedToArticle(article.id), [article]);
  const item = saved?.item;
  const percent = saved?.progress ? Math.round(saved.progress.fraction * 100) : 0;

  return (
    <>
      <ArticleCard article={article} onOpenLink={openLink} />
      <StorageGate>
        <section className="keep-controls" aria-label="Reading list">
          {item ? (
            <>
              <button type="button" className="button secondary" onClick={() => void removeItems([item.id])}>
                Unsave
              </button>
              <label>
                Status{' '}
                <select value={item.status} onChange={(e) => void setStatus([item.id], e.target.value as ItemStatus)}>
                  {ITEM_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {status}
                    </option>
                  ))}
                </select>
              </label>
              <progress max={100} value={percent} aria-label={`${percent}% read`} /> <span>{percent}% read</span>
            </>
          ) : (
            <button
              type="button"
              className="button"
              disabled={saved === undefined}
              onClick={() => void saveArticle(article)}
            >
              Save to reading list
            </button>
          )}
        </section>
        {item && <ItemAnnotations itemId={item.id} topicTags={article.tags} />}
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
