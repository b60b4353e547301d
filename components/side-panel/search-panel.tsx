import { useId, useLayoutEffect, useRef, useState } from 'react';
import { DidYouMean } from '@/components/did-you-mean';
import type { BrowsePlace } from '@/components/hooks/use-browse-place';
import { useEnterOnceSettled } from '@/components/hooks/use-enter-once-settled';
import { useSavedMarkers } from '@/components/hooks/use-saved-markers';
import { useShelfSearch } from '@/components/hooks/use-shelf-search';
import { getResultOptionId } from '@/components/result-rows';
import { SearchHitList } from '@/components/search-hit-list';
import { ResultCount, SearchingLibrary, SearchStatus } from '@/components/search-status';
import { searchKeyHandler } from '@/lib/search/search-keys';
import { echoedQuery } from '@/lib/search/shown-line';
import { readerViewOf, reasonsOf, type SearchHit, savedCopyOf } from '@/lib/search/unified';
import type { SidePanelView } from '@/lib/side-panel/view';

interface SearchPanelProps {
  /** What is searched for: kept by the panel, so that Back from a result finds the search as it was. */
  query: string;
  onQueryChange: (query: string) => void;
  onShow: (view: SidePanelView) => void;
  /** Where the view was left (the chosen result, whether one was opened), kept by the panel; else its own. */
  place?: Pick<BrowsePlace, 'chosenResult' | 'resultOpened'>;
}

/** The side panel's search: the same list as the popup's, opening a card or the reader here. */
export function SearchPanel({ query, onQueryChange, onShow, place: kept }: SearchPanelProps) {
  const ownPlace = { chosenResult: useState<string | null>(null), resultOpened: useRef(false) };
  const place = kept ?? ownPlace;
  const search = useShelfSearch(query, onQueryChange, place.chosenResult);
  const { markers } = useSavedMarkers();
  const listId = useId();
  const { hits, response } = search;
  const hasQuery = search.query.trim() !== '';
  const { suggestion } = response;
  const inputRef = useRef<HTMLInputElement>(null);
  // A suggested spelling replaces its button with results: the search box takes the focus, so the
  // arrows go on through them (as in the popup).
  const searchFor = (next: string) => {
    search.setQuery(next);
    inputRef.current?.focus();
  };
  // Back from a result opened here: the focus in the search box, that result chosen (QA pass: the
  // focus went to the view's heading, and the first result was chosen). A layout effect: before the
  // page's focus rescue.
  useLayoutEffect(() => {
    if (!place.resultOpened.current) return;
    place.resultOpened.current = false;
    inputRef.current?.focus();
  }, [place.resultOpened]);
  // A saved copy the search found opens in the reader, at the passage that matched.
  const choose = (hit: SearchHit) => {
    place.resultOpened.current = true;
    place.chosenResult[1](hit.key);
    const copy = savedCopyOf(hit);
    if (copy !== null) onShow(readerViewOf(copy, search.openingSnippets, search.response, reasonsOf(hit)));
    else if (hit.kind === 'article') onShow({ kind: 'article', articleId: hit.article.id });
  };

  const onKeyDown = useEnterOnceSettled(
    { settled: search.settled, active: search.active, open: choose, query },
    searchKeyHandler({
      move: search.move,
      active: search.active,
      query: search.query,
      clear: () => search.setQuery(''),
      open: choose,
    }),
  );

  return (
    <section aria-label="Search Shelf" className="panel-search">
      <input
        ref={inputRef}
        className="search-input"
        type="text"
        role="combobox"
        aria-label="Search Shelf"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={search.activeIndex >= 0 ? getResultOptionId(listId, search.activeIndex) : undefined}
        placeholder="Search articles and your saved pages"
        value={search.query}
        onChange={(event) => search.setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <SearchStatus>
        {hasQuery &&
          (hits.length === 0 && search.librarySearching ? (
            <SearchingLibrary />
          ) : hits.length === 0 ? (
            <p className="empty-state">
              Nothing in Shelf matches “{echoedQuery(search.query)}”.
              {suggestion && (
                <>
                  {' '}
                  <DidYouMean suggestion={suggestion} onChoose={searchFor} />
                </>
              )}
            </p>
          ) : (
            <ResultCount hits={hits} loose={response.loose} />
          ))}
      </SearchStatus>
      {hasQuery && hits.length > 0 && (
        <SearchHitList
          id={listId}
          hits={hits}
          activeIndex={search.activeIndex}
          matchedTerms={response.matchedTerms}
          prefix={response.prefix}
          markers={markers}
          snippets={search.snippets}
          onActivate={search.setActiveIndex}
          onChoose={choose}
        />
      )}
    </section>
  );
}
