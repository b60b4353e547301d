import type { SavedMarker } from '@/lib/db/queries';

/** "Saved", "Reading · 60%" or "Done" next to a result the user keeps. */
export function SavedBadge({ marker }: { marker: SavedMarker | undefined }) {
  if (!marker) return null;
  const label =
    marker.status === 'unread'
      ? 'Saved'
      : marker.status === 'reading'
        ? 'Reading'
        : marker.status === 'done'
          ? 'Done'
          : 'Archived';
  const percent =
    marker.progress !== null && marker.status === 'reading' ? ` · ${Math.round(marker.progress * 100)}%` : '';
  return <span className="saved-badge">{` ${label}${percent}`}</span>;
}
