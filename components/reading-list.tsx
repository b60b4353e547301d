import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { AnnotationBadges } from '@/components/annotations/annotation-badges';
import { useHighlightCounts } from '@/components/hooks/use-highlight-counts';
import { getTopicLabel } from '@/lib/corpus/topics';
import type { ListRow } from '@/lib/reading-list/list-query';

const ROW_HEIGHT = 64;

interface ReadingListProps {
  rows: readonly ListRow[];
  activeIndex: number;
  selected: ReadonlySet<string>;
  onActivate: (index: number) => void;
  onToggleSelected: (id: string) => void;
  onOpen: (row: ListRow) => void;
}

/**
 * The saved items, virtualized: only the rows in view are in the DOM, so 10,000 items render as
 * fast as 10. Each row has a checkbox (for bulk actions), the title (opens the card), status and a
 * progress bar.
 */
export function ReadingList({ rows, activeIndex, selected, onActivate, onToggleSelected, onOpen }: ReadingListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const highlightCounts = useHighlightCounts();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Without layout (tests, first paint) show a first screenful instead of nothing.
    initialRect: { width: 360, height: 640 },
  });

  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < rows.length) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, rows.length, virtualizer]);

  return (
    <div ref={scrollRef} className="reading-list-scroll">
      <ul aria-label="Saved articles" className="reading-list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtualRow) => {
          const row = rows[virtualRow.index] as ListRow;
          const { item, article, progress } = row;
          const percent = Math.round(progress * 100);
          return (
            <li
              key={item.id}
              className={virtualRow.index === activeIndex ? 'reading-row active' : 'reading-row'}
              aria-current={virtualRow.index === activeIndex ? 'true' : undefined}
              aria-setsize={rows.length}
              aria-posinset={virtualRow.index + 1}
              style={{ transform: `translateY(${virtualRow.start}px)`, height: ROW_HEIGHT }}
              onMouseEnter={() => onActivate(virtualRow.index)}
            >
              <input
                type="checkbox"
                aria-label={`Select ${item.title}`}
                checked={selected.has(item.id)}
                onChange={() => onToggleSelected(item.id)}
              />
              <div className="reading-row-main">
                <button type="button" className="reading-row-title" onClick={() => onOpen(row)}>
                  {item.title}
                </button>
                <span className="reading-row-meta">
                  <span className={`status status-${item.status}`}>{item.status}</span>
                  {article && <span>{getTopicLabel(article.topic)}</span>}
                  <span>{percent}% read</span>
                  <AnnotationBadges item={item} highlights={highlightCounts.get(item.id) ?? 0} />
                </span>
                <progress
                  className="reading-row-progress"
                  max={100}
                  value={percent}
                  aria-label={`${item.title}: ${percent}% read`}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
