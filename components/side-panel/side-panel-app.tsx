import { useRef, useState } from 'react';
import { useBrowsePlace } from '@/components/hooks/use-browse-place';
import { useCatalog } from '@/components/hooks/use-catalog';
import { useListPlace } from '@/components/hooks/use-list-place';
import { useSidePanelView } from '@/components/hooks/use-side-panel-view';
import { useUndo } from '@/components/hooks/use-undoable-actions';
import { ReaderContainer } from '@/components/reader/reader-container';
import { ReadingListView } from '@/components/reading-list/reading-list-view';
import { SettingsView } from '@/components/settings/settings-view';
import { ArticleView } from '@/components/side-panel/article-view';
import { BrowseView } from '@/components/side-panel/browse-view';
import { MissingArticle } from '@/components/side-panel/missing-article';
import { PanelHeader } from '@/components/side-panel/panel-header';
import { type RelatedOpened, RelatedView } from '@/components/side-panel/related-view';
import { SearchPanel } from '@/components/side-panel/search-panel';
import { StorageGate } from '@/components/storage-gate';
import type { Article } from '@/lib/corpus/article';
import type { SavedItem } from '@/lib/db/schema';
import { relatedViewKey } from '@/lib/side-panel/view';

/** The side panel: browse, an article's card, related articles, the reading list, the reader, settings. */
export function SidePanelApp() {
  const { view, show, back, canGoBack } = useSidePanelView();
  const { catalog, loaded } = useCatalog();
  // Kept here, above the views: Back from a result returns to the search as it was.
  const [searchQuery, setSearchQuery] = useState('');
  // Kept here too: Unsave in the reading list or on a card can be undone after a look at another view.
  const readingListUndo = useUndo();
  // And the reading list's view, filters, search, sort and current row: Back from an item opened there finds them.
  const readingListPlace = useListPlace();
  // And "All articles"' open groups and the article opened from it.
  const browsePlace = useBrowsePlace();
  // And the entry opened from "Find related"'s results: Back finds its button.
  const relatedOpened = useRef<RelatedOpened | null>(null);
  const cardUndo = useUndo();
  // A learned article is known once the overlay is read: wait for it rather than say "no longer".
  if (!view || (view.kind === 'article' && !loaded && !catalog.byId(view.articleId)))
    return <main className="side-panel" aria-busy="true" />;
  const showCard = (article: Article) => show({ kind: 'article', articleId: article.id });
  // Opened from the reading list, directly or through a card or a "Next": Next follows that list.
  const fromList = (view.kind === 'reader' || view.kind === 'article') && view.fromList ? true : undefined;
  const read = (itemId: string, list = fromList) => show({ kind: 'reader', itemId, ...(list && { fromList: list }) });
  // An item without a readable copy shows its card (a bundled article) or the reader's notice.
  const openItem = (item: SavedItem, hasCopy: boolean) =>
    item.articleId && !hasCopy
      ? show({ kind: 'article', articleId: item.articleId, ...(fromList && { fromList }) })
      : read(item.id);
  const { query, shownFound } = readingListPlace;
  const article = view.kind === 'article' ? catalog.byId(view.articleId) : undefined;

  return (
    <main className="side-panel">
      <PanelHeader
        current={view}
        onShow={show}
        onBack={canGoBack ? back : undefined}
        // The reader, and a saved article's page in its stead, are titled by a level-1 heading.
        viewHasTitle={view.kind === 'reader' || (view.kind === 'article' && !article)}
      />
      {view.kind === 'settings' && <SettingsView at={view.at} />}
      {view.kind === 'message' && (
        <p className="notice" role="alert">
          {view.text}
        </p>
      )}
      {view.kind === 'reader' && (
        <StorageGate>
          <ReaderContainer
            key={view.itemId}
            itemId={view.itemId}
            passage={view.passage}
            passageTerms={view.terms}
            passagePrefix={view.prefix}
            passagePhrase={view.phrase}
            passageWritten={view.written}
            openAt={view.at}
            place="panel"
            onOpenItem={openItem}
            list={view.fromList && { query, found: shownFound.current }}
          />
        </StorageGate>
      )}
      {view.kind === 'reading-list' && (
        <StorageGate>
          <ReadingListView
            onOpenArticle={(articleId) => show({ kind: 'article', articleId, fromList: true })}
            onOpenPage={(itemId, at) => show({ kind: 'reader', itemId, ...at, fromList: true })}
            onImport={() => show({ kind: 'settings', at: 'import' })}
            undo={readingListUndo}
            place={readingListPlace}
          />
        </StorageGate>
      )}
      {view.kind === 'article' &&
        (article ? (
          <ArticleView
            article={article}
            catalog={catalog}
            onSelect={showCard}
            onTag={(tag) => show({ kind: 'browse', tag })}
            onRead={read}
            undo={cardUndo}
          />
        ) : (
          <StorageGate>
            <MissingArticle articleId={view.articleId} onOpenItem={openItem} />
          </StorageGate>
        ))}
      {view.kind === 'related' && (
        <RelatedView
          key={relatedViewKey(view)}
          view={view}
          catalog={catalog}
          onSelect={showCard}
          onShow={show}
          opened={relatedOpened}
        />
      )}
      {view.kind === 'browse' && (
        <>
          <SearchPanel query={searchQuery} onQueryChange={setSearchQuery} onShow={show} place={browsePlace} />
          <BrowseView
            articles={catalog.articles}
            tag={view.tag}
            onSelect={showCard}
            onAll={() => show({ kind: 'browse' })}
            place={browsePlace}
          />
        </>
      )}
    </main>
  );
}
