import type { ReactNode } from 'react';
import { describeResultCount, type SearchAsked, searchStatusKey } from '@/lib/popup/popup-results';

/**
 * A search's status line ("3 results", "No articles match …"): one live region, there from the
 * start and empty while there is nothing to say, whose content changes. A region added already
 * holding its text is often not announced.
 */
export function SearchStatus({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className="search-status">
      {children}
    </div>
  );
}

/**
 * "3 results" for the search asked (query, then filters): a new node for each search
 * (`searchStatusKey`), which a screen reader says even in the last one's words.
 */
export function ResultCount({ count, loose, search }: { count: number; loose: boolean; search: SearchAsked }) {
  return (
    <p key={searchStatusKey(...search)} className="result-count">
      {describeResultCount(count, loose)}
    </p>
  );
}

/**
 * In place of "nothing matches" while the user's library is still being read (a popup just opened).
 * Not aria-busy: inside the live region that would hold back its announcement, and it is replaced
 * before it would be released.
 */
export function SearchingLibrary() {
  return <p className="empty-state muted">Searching your library…</p>;
}
