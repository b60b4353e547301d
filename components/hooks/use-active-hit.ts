import { useState } from 'react';
import type { SearchHit } from '@/lib/search/unified';

/** The active result's key, kept by a caller above a view that unmounts (Back finds the result chosen). */
export type KeptActiveHit = readonly [string | null, (key: string | null) => void];

/**
 * The result ↑/↓ are on, kept by its key: a list that reorders under it (a saved page moving first
 * once its copy is read, the library joining) keeps the one the user chose. None chosen: the first.
 */
export function useActiveHit(hits: readonly SearchHit[], kept?: KeptActiveHit) {
  const own = useState<string | null>(null);
  const [activeKey, setActiveKey] = kept ?? own;
  // Not found (none chosen, or it left the list): the first.
  const activeIndex = Math.max(0, activeKey === null ? -1 : hits.findIndex((hit) => hit.key === activeKey));
  const keyAt = (index: number) => hits[Math.max(0, Math.min(index, hits.length - 1))]?.key ?? null;
  return {
    activeIndex,
    active: hits[activeIndex] ?? null,
    setActiveIndex: (index: number) => setActiveKey(keyAt(index)),
    /** Moves the active result by `step`, staying within the results. */
    move: (step: number) => setActiveKey(keyAt(activeIndex + step)),
    /** A new query or filter: the first result is the active one. */
    reset: () => setActiveKey(null),
  };
}
