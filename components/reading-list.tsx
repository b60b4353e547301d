import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { type Ref, useCallback, useMemo, useRef } from 'react';
import { useActiveRowInSight } from '@/components/hooks/use-active-row-in-sight';
import { useHighlightCounts } from '@/components/hooks/use-highlight-counts';
import { MarkedPassage } from '@/components/marked-passage';
import { RowMeta } from '@/components/reading-list/row-meta';
import { type CopyFacts, getCopyFacts } from '@/lib/db/copies';
import type { ListRow } from '@/lib/reading-list/list-query';
import { getRowDetails } from '@/lib/reading-list/row-details';
import { ROW_INDEX_ATTRIBUTE } from '@/lib/reading-list/row-focus';
import { rowNames } from '@/lib/reading-list/row-names';
import type { MatchReason } from '@/lib/search/library-index';
import type { Snippet } from '@/lib/search/snippet';

/** Two lines of title, one of details, a progress bar: every row's least height; one whose title or details wrap is measured. */
const ROW_HEIGHT = 78;
const NO_COPIES: ReadonlyMap<string, CopyFacts> = new Map();

interface ReadingListProps {
  rows: readonly ListRow[];
  activeIndex: number;
  selected: ReadonlySet<string>;
  /** The pointer or the focus went into the row at `index`. */
  onActivate: (index: number) => void;
  /** `range`: a Shift-click, which checks or unchecks the rows from the one last checked too. */
  onToggleSelected: (id: string, range?: boolean) => void;
  onOpen: (row: ListRow) => void;
  /** Why each row the text search found matched, said in its details ("Matched your note"), and where. */
  found?: ReadonlyMap<string, readonly MatchReason[]> | null;
  snippets?: ReadonlyMap<string, Snippet>;
  /** The list itself: the view puts the focus here, so that its keys work at once. */
  listRef?: Ref<HTMLUListElement>;
}

/**
 * The saved items, virtualized: only the rows in view are in the DOM, so 10,000 items render as fast as 10.
 * Each row has a checkbox (for bulk actions), the title (opens it), its details and a progress bar.
 */
export function ReadingList({
  rows,
  activeIndex,
  selected,
  onActivate,
  onToggleSelected,
  onOpen,
  found = null,
  snippets,
  listRef,
}: ReadingListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const highlightCounts = useHighlightCounts();
  const names = useMemo(() => rowNames(rows.map(({ item }) => item)), [rows]);
  const keyOf = useCallback((index: number) => rows[index]?.item.id ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    measureElement: (element, entry, instance) => measureElement(element, entry, instance) || ROW_HEIGHT, // not laid out
    getItemKey: keyOf, // by item, so a row's size stays its own as rows change; one function per rows, not per render
    indexAttribute: ROW_INDEX_ATTRIBUTE,
    overscan: 8,
    // Without layout (tests, first paint) show a first screenful instead of nothing.
    initialRect: { width: 360, height: 640 },
  });
  const shown = virtualizer.getVirtualItems().flatMap(({ index }) => rows[index] ?? []);
  // Only the rows on screen: a copy's reading time is inside the copy, read whole.
  const pageIds = shown.filter((row) => !row.article).map((row) => row.item.id);
  const copies = useLiveQuery(() => getCopyFacts(pageIds), [pageIds.join('\n')]) ?? NO_COPIES;
  const pointed = useActiveRowInSight(virtualizer, scrollRef, activeIndex, rows.length);

  return (
    <div ref={scrollRef} className="reading-list-scroll">
      <ul
        ref={listRef}
        tabIndex={-1}
        aria-label="Saved articles"
        className="reading-list"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((virtualRow) => {
          const row = rows[virtualRow.index] as ListRow;
          const { item, progress } = row;
          const percent = Math.round(progress * 100);
          const isActive = virtualRow.index === activeIndex;
          const name = names.get(item.id) ?? item.title;
          return (
            <li
              key={item.id}
              className={isActive ? 'reading-row active' : 'reading-row'}
              aria-current={isActive ? 'true' : undefined}
              aria-setsize={rows.length}
              aria-posinset={virtualRow.index + 1}
              style={{ transform: `translateY(${virtualRow.start}px)`, minHeight: ROW_HEIGHT }}
              ref={virtualizer.measureElement}
              {...{ [ROW_INDEX_ATTRIBUTE]: virtualRow.index }} // the keys find the focused row by it, the virtualizer too
              onMouseEnter={() => {
                pointed.current = !isActive;
                onActivate(virtualRow.index);
              }}
              // The focus in a row makes it current: the keys act on it (they acted on another row).
              onFocus={() => onActivate(virtualRow.index)}
            >
              <input
                type="checkbox"
                aria-label={`Select ${name}`}
                checked={selected.has(item.id)}
                // Shift-click: the rows between it and the one last checked too.
                onChange={(event) => onToggleSelected(item.id, (event.nativeEvent as MouseEvent).shiftKey === true)}
              />
              <div className="reading-row-main">
                <button
                  type="button"
                  className="reading-row-title"
                  dir="auto"
                  aria-label={name === item.title ? undefined : name}
                  onClick={() => onOpen(row)}
                >
                  {item.title}
                </button>
                <RowMeta
                  item={item}
                  details={getRowDetails(row, copies)}
                  percent={percent}
                  highlights={highlightCounts.get(item.id) ?? 0}
                  reasons={found?.get(item.id)}
                />
                <MarkedPassage snippet={snippets?.get(item.id)} className="reading-row-snippet" />
                <progress
                  className="reading-row-progress"
                  max={100}
                  value={percent}
                  aria-label={`${name}: ${percent}% read`}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
