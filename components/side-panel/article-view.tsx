import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { browser } from 'wxt/browser';
import { ItemAnnotations } from '@/components/annotations/item-annotations';
import { ArticleCard } from '@/components/article-card';
import { ArticleList } from '@/components/article-list';
import { StorageGate } from '@/components/storage-gate';
import type { CatalogArticle } from '@/lib/catalog-updates/apply-overlay';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import type { Article } from '@/lib/corpus/article';
import { removeItems, saveArticle, setStatus } from '@/lib/db/items';
import { getArticleState } from '@/lib/db/queries';
import { ITEM_STATUSES, type ItemStatus } from '@/lib/db/schema';
import { relatedEngineFor } from '@/lib/related/bundled';

function openLink(url: string) {
  void browser.tabs.create({ url });
}

/** An article's card, with what the user keeps of it: saved, status, progress, related articles. */
export function ArticleView({
  article,
  catalog,
  onSelect,
}: {
  article: CatalogArticle;
  catalog: EffectiveCatalog;
  onSelect: (article: Article) => void;
}) {
  // The 5 articles most similar in content: precomputed at build time (npm run index) until the
  // blog adds articles or titles, then computed over the catalog users see.
  const related = useMemo(() => relatedEngineFor(catalog).relatedToArticle(article.id), [catalog, article]);

  return (
    <>
      <ArticleCard article={article} onOpenLink={openLink} />
      {/* The card and related articles need no storage; only these controls wait for it. */}
      <StorageGate>
        <KeepControls article={article} />
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

/** Save, status and progress of the article: rendered only once the database has opened. */
function KeepControls({ article }: { article: Article }) {
  const saved = useLiveQuery(() => getArticleState(article.id), [article.id]);
  const item = saved?.item;
  const percent = saved?.progress ? Math.round(saved.progress.fraction * 100) : 0;
  return (
    <>
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
    </>
  );
}
