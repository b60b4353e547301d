import type { RefCallback, RefObject } from 'react';
import { DidYouMean } from '@/components/did-you-mean';
import type { FoundItems, ListQuery } from '@/lib/reading-list/list-query';
import { echoedQuery } from '@/lib/search/shown-line';

/**
 * The reading list with nothing saved: how to save, and how to bring a library from elsewhere.
 * `emptyRef`: focusable from script, the list's focus goes here once nothing is left (`useListFocus`).
 */
export function EmptyList({ onImport, emptyRef }: { onImport: () => void; emptyRef?: RefCallback<HTMLElement> }) {
  return (
    <div ref={emptyRef} tabIndex={-1} className="empty-state">
      <p>
        <strong>Nothing saved yet.</strong> Your reading list keeps what you save, with your progress, here in this
        browser.
      </p>
      <ul>
        <li>
          <strong>Save an article:</strong> <kbd>Alt+S</kbd> on a result in the toolbar popup, or “Save to reading list”
          on its card.
        </li>
        <li>
          <strong>Save any page to read offline:</strong> “Save this page” in the popup, <kbd>Alt+Shift+S</kbd>, or
          right-click → Save to Shelf.
        </li>
        <li>
          <strong>Bring your library:</strong> import from Pocket, Instapaper, Omnivore, Raindrop.io or a bookmarks
          file.{' '}
          <button type="button" className="link-button" onClick={onImport}>
            Import in Settings
          </button>
        </li>
      </ul>
    </div>
  );
}

/** An empty view without a filter says what the view holds (QA pass: "Done (0)" said "…matches these filters"). */
const EMPTY_VIEW: Partial<Record<ListQuery['status'], string>> = {
  done: 'Nothing marked done yet.',
  archived: 'Nothing archived yet.',
};

/**
 * Why the list shows no rows, or that the rows a search found are only loosely related to it, in a
 * status region there while the list is (one added already holding its text is often not announced):
 * empty until there are no rows, or the rows `found` are only loosely related (how many, so that the
 * line ends in something when heard).
 */
export function ListSearchLine({
  list: { rows, found, shownQuery: query, counts, matchingInAll = 0, searching = false },
  onChange,
  searchBox,
  emptyRef,
}: {
  /** The reading list's data (`useReadingListData`): what the rows answer, and what All would show. */
  list: {
    rows: readonly unknown[];
    found: FoundItems | null;
    shownQuery: ListQuery;
    counts: { queue: number };
    matchingInAll?: number;
    /** The saved copies are still read for a quoted phrase: nothing is known to match yet. */
    searching?: boolean;
  };
  /** Changes the list's query: "Show all" shows the All view. */
  onChange?: (patch: Partial<ListQuery>) => void;
  /**
   * The list's search box: a suggested spelling ("Did you mean", as the popup offers it) is searched for
   * there, and it keeps the focus once the button is gone with rows found.
   */
  searchBox?: RefObject<HTMLInputElement | null>;
  /** The line saying why there is no row, focusable from script: the list's focus goes there once its rows are gone. */
  emptyRef?: RefCallback<HTMLElement>;
}) {
  const text = query.text.trim();
  const rowCount = rows.length;
  // A search the view finds nothing for that All does (QA pass: it said only "No saved article matches").
  const inAll = rowCount === 0 && text && !searching ? matchingInAll : 0;
  const elsewhere = inAll > 0 ? `; ${inAll} in All` : '';
  // Only when nothing saved matches at all, in any view (QA pass: the popup offered "edgestore" for
  // "edgstor", the reading list only said nothing matched).
  // Not with a topic or tag chosen: the spelling is the whole library's, and may find nothing there (review).
  const unfiltered = !query.topic && !query.tag;
  const suggestion = rowCount === 0 && text && !searching && inAll === 0 && unfiltered ? found?.suggestion : undefined;
  return (
    <>
      <div role="status">
        {rowCount === 0 ? (
          <p ref={emptyRef} tabIndex={-1} className="empty-state">
            {query.status === 'queue' && counts.queue === 0 && !text
              ? 'Nothing left to read: everything saved is done or archived.'
              : text && searching
                ? `Searching your saved copies for “${echoedQuery(text)}”…`
                : text
                  ? `No saved article matches “${echoedQuery(text)}” in this view${elsewhere}.`
                  : !query.topic && !query.tag && EMPTY_VIEW[query.status]
                    ? EMPTY_VIEW[query.status]
                    : 'No saved article matches these filters.'}
          </p>
        ) : (
          found?.loosely &&
          text && (
            <p className="muted">
              Nothing saved is about “{echoedQuery(text)}”. <strong>Loosely related ({rowCount}):</strong>
            </p>
          )
        )}
      </div>
      {suggestion && onChange && (
        <DidYouMean
          suggestion={suggestion}
          onChoose={(text) => {
            onChange({ text });
            searchBox?.current?.focus();
          }}
        />
      )}
      {inAll > 0 && onChange && (
        <button type="button" className="link-button" onClick={() => onChange({ status: 'all' })}>
          Show all {inAll}
        </button>
      )}
    </>
  );
}
