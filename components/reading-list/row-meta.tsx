import { AnnotationBadges } from '@/components/annotations/annotation-badges';
import type { SavedItem } from '@/lib/db/schema';
import type { RowDetails } from '@/lib/reading-list/row-details';
import type { MatchReason } from '@/lib/search/library-index';
import { describeReasons } from '@/lib/search/unified';

interface RowMetaProps {
  item: Pick<SavedItem, 'status' | 'note'>;
  details: RowDetails;
  percent: number;
  highlights: number;
  /** Why a searched row matched (said as "Matched your note"), if it was searched. */
  reasons: readonly MatchReason[] | undefined;
}

/** A reading-list row's details under its title: status, site, reading time, progress, notes, why it matched. */
export function RowMeta({ item, details: { site, readMinutes }, percent, highlights, reasons }: RowMetaProps) {
  const matched = describeReasons(reasons ?? []);
  return (
    <span className="reading-row-meta">
      <span className={`status status-${item.status}`}>{item.status}</span>
      {site && <span>{site}</span>}
      {readMinutes !== null && <span>{readMinutes} min</span>}
      <span>{percent}% read</span>
      <AnnotationBadges item={item} highlights={highlights} />
      {matched && <span>{matched}</span>}
    </span>
  );
}
