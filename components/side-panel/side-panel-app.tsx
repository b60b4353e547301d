import { useCatalog } from '@/components/hooks/use-catalog';
import { useSidePanelView } from '@/components/hooks/use-side-panel-view';
import { ReaderContainer } from '@/components/reader/reader-container';
import { ReadingListView } from '@/components/reading-list/reading-list-view';
import { SettingsView } from '@/components/settings/settings-view';
import { ArticleView } from '@/components/side-panel/article-view';
import { BrowseView } from '@/components/side-panel/browse-view';
import { PanelHeader } from '@/components/side-panel/panel-header';
import { RelatedView } from '@/components/side-panel/related-view';
import { SearchPanel } from '@/components/side-panel/search-panel';
import { StorageGate } from '@/components/storage-gate';
import type { Article } from '@/lib/corpus/article';

/** The side panel: browse, an article's card, related articles, the reading list, the reader, settings. */
export function SidePanelApp() {
  const { view, show } = useSidePanelView();
  const { catalog, loaded } = useCatalog();
  // A learned article is known once the overlay is read: wait for it rather than say "no longer".
  if (!view || (view.kind === 'article' && !loaded && !catalog.byId(view.articleId)))
    return <main className="side-panel" aria-busy="true" />;
  const showCard = (article: Article) => show({ kind: 'article', articleId: article.id });
  const article = view.kind === 'article' ? catalog.byId(view.articleId) : undefined;

  return (
    <main className="side-panel">
      <PanelHeader current={view} onShow={show} />
      {view.kind === 'settings' && <SettingsView />}
      {view.kind === 'message' && (
        <p className="notice" role="alert">
          {view.text}
        </p>
      )}
      {view.kind === 'reader' && (
        <>
          <p>
            <a
              href={`/sidepanel.html?reader=${encodeURIComponent(view.itemId)}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              Open in a tab
            </a>
          </p>
          <StorageGate>
            <ReaderContainer itemId={view.itemId} passage={view.passage} />
          </StorageGate>
        </>
      )}
      {view.kind === 'reading-list' && (
        <StorageGate>
          <ReadingListView
            onOpenArticle={(articleId) => show({ kind: 'article', articleId })}
            onOpenPage={(itemId) => show({ kind: 'reader', itemId })}
          />
        </StorageGate>
      )}
      {view.kind === 'article' &&
        (article ? (
          <ArticleView article={article} catalog={catalog} onSelect={showCard} />
        ) : (
          <p className="notice" role="alert">
            This article is no longer in Shelf’s library.
          </p>
        ))}
      {view.kind === 'related' && <RelatedView view={view} catalog={catalog} onSelect={showCard} />}
      {view.kind === 'browse' && (
        <>
          <SearchPanel onShow={show} />
          <BrowseView articles={catalog.articles} onSelect={showCard} />
        </>
      )}
    </main>
  );
}
