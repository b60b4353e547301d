import { type KeyboardEvent, useEffect, useRef } from 'react';
import { isPlainEnter } from '@/lib/search/search-keys';

/**
 * How long Enter waits for the list to settle before opening what is listed. Chrome lets the side
 * panel open for about 5 s after the key press (transient activation); a library that takes longer
 * to read is rare, and the user is not left waiting on it.
 */
export const SETTLE_WAIT_MS = 2000;

interface EnterOnceSettled<Hit> {
  /** The list is final for this query (`useLibrarySearch`'s `settled`). */
  settled: boolean;
  /** The result Enter opens (the first unless the user moved). */
  active: Hit | null;
  open: (hit: Hit) => void;
  /** What is searched for: a new query or filter drops a waiting Enter. */
  query: unknown;
}

/**
 * Enter opens the active result once the list is final. Right after the popup or panel opens, the
 * blog's articles are listed before the user's library has been read and before the listed copies
 * were looked at for the query's phrase: a phrase pasted and entered at once opened a blog article
 * instead of the saved page holding it (QA pass). Returns the search box's key handler: `keys` with
 * Enter waiting so.
 */
export function useEnterOnceSettled<Hit>(
  { settled, active, open, query }: EnterOnceSettled<Hit>,
  keys: (event: KeyboardEvent) => void,
): (event: KeyboardEvent) => void {
  const waiting = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ active, open });
  latest.current = { active, open };

  const openWaiting = () => {
    clearTimeout(timer.current);
    if (!waiting.current) return;
    waiting.current = false;
    const { active: hit, open: openHit } = latest.current;
    if (hit !== null) openHit(hit);
  };

  // Declared first: a query changed in the same render as the list settling drops the wait.
  useEffect(() => {
    waiting.current = false;
    clearTimeout(timer.current);
  }, [query]);
  // `openWaiting` reads the latest result and opener through refs.
  useEffect(() => {
    if (settled) openWaiting();
  }, [settled]);
  useEffect(() => () => clearTimeout(timer.current), []);

  return (event) => {
    if (settled || !isPlainEnter(event)) return keys(event);
    event.preventDefault();
    waiting.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(openWaiting, SETTLE_WAIT_MS);
  };
}
