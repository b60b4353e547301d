import { useState } from 'react';
import type { SearchHit } from '@/lib/search/unified';

/** The active result's key, kept by a caller above a view that unmounts (Back finds the result chosen). */
export type KeptActiveHit = readonly [string | null, (key: string | null) => void];

/**
 * The result ↑/↓ chose, kept by its key: a list that reorders under it (a saved page moving first
 * once its copy is read, the library joining) keeps the one the user chose. None is chosen until ↓
 * (or the pointer) chooses one: ↓ from the box goes to the first result, as "type, ↓, Enter opens
 * the article" reads (issue #3's words; it went to the second). Enter and the result's actions act
 * on the chosen result, else on the first.
 */
export function useActiveHit(hits: readonly SearchHit[], kept?: KeptActiveHit) {
  const own = useState<string | null>(null);
  const [activeKey, setActiveKey] = kept ?? own;
  // -1: none chosen (or it left the list).
  const activeIndex = activeKey === null ? -1 : hits.findIndex((hit) => hit.key === activeKey);
  const keyAt = (index: number) => hits[Math.max(0, Math.min(index, hits.length - 1))]?.key ?? null;
  return {
    /** The chosen result's index (drawn as chosen, the box's active descendant); -1 for none. */
    activeIndex,
    /** What Enter opens: the chosen result, else the first. */
    active: hits[activeIndex] ?? hits[0] ?? null,
    setActiveIndex: (index: number) => setActiveKey(keyAt(index)),
    /** Moves the chosen result by `step` within the results; from none, ↓ chooses the first. */
    move: (step: number) => {
      if (activeIndex >= 0) setActiveKey(keyAt(activeIndex + step));
      else if (step > 0) setActiveKey(keyAt(0));
    },
    /** A new query or filter: none chosen. */
    reset: () => setActiveKey(null),
  };
}
