import type { SavedMarker } from '@/lib/db/queries';
import { describeSavedMarker } from '@/lib/search/result-row';

/** "Saved", "Reading · 60%" or "Done" next to an article the user keeps. */
export function SavedBadge({ marker }: { marker: SavedMarker | undefined }) {
  const label = describeSavedMarker(marker);
  return label ? <span className="saved-badge">{` ${label}`}</span> : null;
}
