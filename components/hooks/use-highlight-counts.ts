import { useLiveQuery } from 'dexie-react-hooks';
import { getHighlightCounts } from '@/lib/db/highlights';

const NO_COUNTS: ReadonlyMap<string, number> = new Map();

/** How many highlights each saved item has, live (one read for the whole list). */
export function useHighlightCounts(): ReadonlyMap<string, number> {
  return useLiveQuery(() => getHighlightCounts(), []) ?? NO_COUNTS;
}
