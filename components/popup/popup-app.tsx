import { useId, useMemo } from 'react';
import { usePopupSearch } from '@/components/hooks/use-popup-search';
import { useCurrentWindowId, useRecentlyOpened } from '@/components/hooks/use-popup-window';
import { useSavedMarkers } from '@/components/hooks/use-saved-markers';
import { PageActions } from '@/components/popup/page-actions';
import { NoResults, PopupStart } from '@/components/popup/popup-start';
import { ResultActions } from '@/components/popup/result-actions';
import { SavedPageHits } from '@/components/popup/saved-page-hits';
import { SearchFilters } from '@/components/search-filters';
import { getResultOptionId, SearchResults } from '@/components/search-results';
import type { Article } from '@/lib/corpus/article';
import { openInNewTab, showFromPopup } from '@/lib/popup/popup-commands';
import { popupKeyHandler } from '@/lib/popup/popup-keys';
import { describeResultCount, describeSearchPlaceholder } from '@/lib/popup/popup-results';
import type { PopupState } from '@/lib/popup/popup-state';
import { matchSavedPages } from '@/lib/reading-list/match-saved-pages';
import { toggleSavedLater } from '@/lib/reading-list/saved-state-loader';

/** The toolbar popup: search the bundled articles, act on a result, save the current page. */
export function PopupApp({ initialState }: { initialState: PopupState | null }) {
  const search = usePopupSearch(initialState);
  const { markers, savedPages, unread } = useSavedMarkers();
  const windowId = useCurrentWindowId();
  const recent = useRecentlyOpened();
  const pageHits = useMemo(() => matchSavedPages(savedPages, search.query), [savedPages, search.query]);
  const listId = useId();
  const { active, results } = search;

  const showCard = (article: Article | null) =>
    showFromPopup(windowId.current, article ? { kind: 'article', articleId: article.id } : { kind: 'browse' });
  const toggleSaved = (article: Article) => void toggleSavedLater(article, markers.get(article.id));

  const onKeyDown = popupKeyHandler({
    move: search.move,
    active,
    query: search.query,
    clear: () => search.update({ query: '' }),
    open: (article) => void openInNewTab(article),
    showCard,
    toggleSaved,
  });

  return (
    <main className="popup">
      <input
        className="search-input"
        type="text"
        role="combobox"
        aria-label="Search articles"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active ? getResultOptionId(listId, search.activeIndex) : undefined}
        placeholder={describeSearchPlaceholder()}
        // biome-ignore lint/a11y/noAutofocus: the popup exists to search; typing must work at once.
        autoFocus
        value={search.query}
        onChange={(event) => search.update({ query: event.target.value })}
        onKeyDown={onKeyDown}
      />
      <SearchFilters
        topic={search.topic}
        tag={search.tag}
        onTopicChange={(topic) => search.update({ topic })}
        onTagChange={(tag) => search.update({ tag })}
      />
      {!search.isFiltering ? (
        <PopupStart
          recent={recent}
          onTopic={(topic) => search.update({ topic })}
          onOpen={(article) => void openInNewTab(article)}
          onBrowseAll={() => showCard(null)}
        />
      ) : results.length === 0 ? (
        <NoResults
          query={search.query}
          suggestion={pageHits.length === 0 ? search.suggestion : null}
          filtered={search.topic !== null || search.tag !== null}
          onSuggestion={(query) => search.update({ query })}
        />
      ) : (
        <>
          <p className="result-count" role="status">
            {describeResultCount(results.length, search.loose)}
          </p>
          <SearchResults
            id={listId}
            articles={results}
            activeIndex={search.activeIndex}
            matchedTerms={search.response.matchedTerms}
            markers={markers}
            prefix={search.response.prefix}
            onActivate={search.setActiveIndex}
            onChoose={(article) => void openInNewTab(article)}
          />
        </>
      )}
      {active && (
        <ResultActions
          article={active}
          saved={markers.has(active.id)}
          onOpen={() => void openInNewTab(active)}
          onSidePanel={() => showCard(active)}
          onToggleSaved={() => toggleSaved(active)}
        />
      )}
      <SavedPageHits hits={pageHits} onRead={(itemId) => showFromPopup(windowId.current, { kind: 'reader', itemId })} />
      <PageActions unread={unread} onReadingList={() => showFromPopup(windowId.current, { kind: 'reading-list' })} />
    </main>
  );
}
