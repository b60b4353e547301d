import { useId, useRef } from 'react';
import { FailureAlert } from '@/components/failure-alert';
import { useEnterOnceSettled } from '@/components/hooks/use-enter-once-settled';
import { usePopupSearch } from '@/components/hooks/use-popup-search';
import { useCurrentWindowId, useRecentlyOpened } from '@/components/hooks/use-popup-window';
import { useSavedMarkers } from '@/components/hooks/use-saved-markers';
import { useSavedToggle } from '@/components/hooks/use-saved-toggle';
import { useSelectedOnMount } from '@/components/hooks/use-selected-on-mount';
import { PageActions } from '@/components/popup/page-actions';
import { NoResults, PopupStart } from '@/components/popup/popup-start';
import { ResultActions } from '@/components/popup/result-actions';
import { SaveNoticeLines } from '@/components/popup/save-notice';
import { getResultOptionId, type PaintedRows } from '@/components/result-rows';
import { SearchFilters } from '@/components/search-filters';
import { SearchHitList } from '@/components/search-hit-list';
import { ResultCount, SearchingLibrary, SearchStatus } from '@/components/search-status';
import type { Article } from '@/lib/corpus/article';
import { openInNewTab, showFromPopup } from '@/lib/popup/popup-commands';
import { popupKeyHandler } from '@/lib/popup/popup-keys';
import { describeSearchPlaceholder } from '@/lib/popup/popup-results';
import type { PopupState } from '@/lib/popup/popup-state';
import { readerViewOf, reasonsOf, type SearchHit, savedCopyOf } from '@/lib/search/unified';

/** The toolbar popup: search the bundled articles and the user's library, act on a result, save the current page. */
export function PopupApp({
  initialState,
  querySelected = false,
  painted,
}: {
  initialState: PopupState | null;
  /** The restored query shows selected, so that typing replaces it (as a find bar's last search). */
  querySelected?: boolean;
  painted?: PaintedRows;
}) {
  const search = usePopupSearch(initialState);
  const { markers, unread } = useSavedMarkers();
  const windowId = useCurrentWindowId();
  const recent = useRecentlyOpened();
  const listId = useId();
  const { active, hits } = search;
  const activeArticle = active?.kind === 'article' ? active.article : null;
  const showCard = (article: Article | null) =>
    showFromPopup(windowId.current, article ? { kind: 'article', articleId: article.id } : { kind: 'browse' });
  const inputRef = useRef<HTMLInputElement>(null);
  useSelectedOnMount(inputRef, querySelected);
  const saving = useSavedToggle(markers);
  // Choosing a topic or a suggested spelling replaces the button with results: the search box takes
  // the focus, so the arrows go on through them.
  const searchFor = (change: Parameters<typeof search.update>[0]) => {
    search.update(change);
    inputRef.current?.focus();
  };
  // A saved copy the search found opens in the reader, at the passage that matched.
  const read = (hit: SearchHit, itemId: string) =>
    showFromPopup(windowId.current, readerViewOf(itemId, search.openingSnippets, search.response, reasonsOf(hit)));
  const choose = (hit: SearchHit) =>
    hit.kind === 'page' || savedCopyOf(hit) ? read(hit, savedCopyOf(hit) as string) : void openInNewTab(hit.article);
  const onKeyDown = useEnterOnceSettled(
    { settled: search.settled, active, open: choose, query: [search.query, search.topic, search.tag].join('\n') },
    popupKeyHandler<SearchHit>({
      move: search.move,
      active,
      query: search.query,
      clear: () => search.update({ query: '' }),
      open: choose,
      showCard: (hit) => (hit.kind === 'article' ? showCard(hit.article) : read(hit, hit.page.itemId)),
      toggleSaved: (hit) => hit.kind === 'article' && saving.toggle(hit.article),
    }),
  );

  return (
    <main className="popup">
      <h1 className="visually-hidden">Shelf</h1>
      <FailureAlert afterDismiss={() => inputRef.current?.focus()} />
      <input
        ref={inputRef}
        className="search-input"
        type="text"
        role="combobox"
        aria-label="Search articles"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={search.activeIndex >= 0 ? getResultOptionId(listId, search.activeIndex) : undefined}
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
      <SearchStatus>
        {search.isFiltering &&
          (hits.length === 0 && search.librarySearching ? (
            <SearchingLibrary />
          ) : hits.length === 0 ? (
            <NoResults
              query={search.query}
              suggestion={search.suggestion}
              filtered={search.topic !== null || search.tag !== null}
              librarySearched={search.librarySearched}
              onSuggestion={(query) => searchFor({ query })}
            />
          ) : (
            <ResultCount hits={hits} loose={search.loose} />
          ))}
      </SearchStatus>
      {!search.isFiltering ? (
        <PopupStart
          recent={recent}
          onTopic={(topic) => searchFor({ topic })}
          onOpen={(article) => void openInNewTab(article)}
          onBrowseAll={() => showCard(null)}
        />
      ) : (
        hits.length > 0 && (
          <SearchHitList
            id={listId}
            hits={hits}
            activeIndex={search.activeIndex}
            matchedTerms={search.response.matchedTerms}
            markers={markers}
            snippets={search.snippets}
            prefix={search.response.prefix}
            painted={painted}
            onActivate={search.setActiveIndex}
            onChoose={choose}
          />
        )
      )}
      {activeArticle && (
        <ResultActions
          article={activeArticle}
          saved={markers.has(activeArticle.id)}
          onOpen={() => void openInNewTab(activeArticle)}
          onSidePanel={() => showCard(activeArticle)}
          onToggleSaved={() => saving.toggle(activeArticle)}
        />
      )}
      <SaveNoticeLines notice={saving.notice} onUndo={saving.undo} afterUndo={() => inputRef.current?.focus()} />
      <PageActions unread={unread} onReadingList={() => showFromPopup(windowId.current, { kind: 'reading-list' })} />
    </main>
  );
}
