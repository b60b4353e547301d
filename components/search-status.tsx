import type { ReactNode } from 'react';
import { describeResultCount, resultsStatusKey } from '@/lib/popup/popup-results';

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
 * "3 results": a new node for each new list of results (`resultsStatusKey`), which a screen reader says
 * even in the last one's words.
 */
export function ResultCount({ hits, loose }: { hits: readonly { key: string }[]; loose: boolean }) {
  return (
    <p key={resultsStatusKey(hits, loose)} className="result-count">
      {describeResultCount(hits.length, loose)}
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
