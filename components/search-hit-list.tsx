import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useHighlightCounts } from '@/components/hooks/use-highlight-counts';
import { adoptResultRows, indexOfResultRow, type PaintedRows, renderResultRows } from '@/components/result-rows';
import type { SavedMarker } from '@/lib/db/queries';
import { describeResultRows } from '@/lib/popup/popup-results';
import type { Snippet } from '@/lib/search/snippet';
import type { SearchHit } from '@/lib/search/unified';

interface SearchHitListProps {
  id: string;
  hits: readonly SearchHit[];
  activeIndex: number;
  matchedTerms: ReadonlySet<string>;
  prefix: string | null;
  markers: ReadonlyMap<string, SavedMarker>;
  snippets: ReadonlyMap<string, Snippet>;
  /** Rows the popup's first paint drew, which this list takes over on mounting. */
  painted?: PaintedRows;
  onActivate: (index: number) => void;
  onChoose: (hit: SearchHit) => void;
}

/**
 * The one result list of the popup and the side panel: blog articles and saved pages ranked
 * together, each saying what it is and why it matched. A listbox driven by its search combobox.
 * React owns the listbox; its rows are drawn from their view model by the plain-DOM renderer
 * that also draws the popup's first paint, so the rows restored at opening are drawn once.
 */
export function SearchHitList({
  id,
  hits,
  activeIndex,
  matchedTerms,
  prefix,
  markers,
  snippets,
  painted,
  onActivate,
  onChoose,
}: SearchHitListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const toAdopt = useRef(painted);
  const highlightCounts = useHighlightCounts();
  const rows = useMemo(
    () => describeResultRows(hits, { matchedTerms, prefix }, markers, snippets, highlightCounts),
    [hits, matchedTerms, prefix, markers, snippets, highlightCounts],
  );
  // Before paint, so that the listbox and its rows appear in the same frame.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    // Only rows still on screen: a list mounted later starts from nothing.
    if (toAdopt.current?.list.isConnected) adoptResultRows(list, toAdopt.current);
    toAdopt.current = undefined;
    renderResultRows(list, rows, activeIndex);
  }, [rows, activeIndex]);
  // The option ↑/↓ chose is shown: the listbox scrolls, the focus stays in the combobox.
  useEffect(() => {
    const active = listRef.current?.children[activeIndex];
    if (active instanceof HTMLElement) active.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex]);

  const rowOf = (event: React.MouseEvent) => (listRef.current ? indexOfResultRow(listRef.current, event.target) : -1);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox owns the keyboard (aria-activedescendant).
    <div
      ref={listRef}
      id={id}
      role="listbox"
      aria-label="Search results"
      // Not a Tab stop (Chrome makes a scrolling box one): the combobox moves through it.
      tabIndex={-1}
      className="search-results"
      onMouseMove={(event) => {
        const index = rowOf(event);
        if (index >= 0 && index !== activeIndex) onActivate(index);
      }}
      onClick={(event) => {
        const hit = hits[rowOf(event)];
        if (hit) onChoose(hit);
      }}
    />
  );
}
