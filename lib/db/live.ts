import { liveQuery } from 'dexie';

/**
 * Calls `onValue` with what `query` (a read of lib/db) answers now and again whenever the records
 * it read change, in any Shelf context. Returns a stop.
 */
export function watchQuery<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}
