import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import type { ListQuery } from '@/lib/reading-list/list-query';

/**
 * Once no item holds the tag the list is filtered by (`gone`), the filter falls back to all tags
 * for good (a tag given back later, by Undo say, does not filter the list again unasked), and a
 * line says why the list grew. The line goes when the user changes the query (`clear`).
 */
export function useGoneTagFallback(gone: string | null, setQuery: Dispatch<SetStateAction<ListQuery>>) {
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (gone === null) return;
    setQuery((query) => (query.tag === gone ? { ...query, tag: null } : query));
    setNotice(`No saved item has the tag “${gone}” any more: showing all tags.`);
  }, [gone, setQuery]);
  return { notice, clear: () => setNotice('') };
}
