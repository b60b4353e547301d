import type { RemovedSnapshot } from '@/lib/db/items';
import type { SavedMarker } from '@/lib/db/queries';
import type { SavedState } from '@/lib/reading-list/saved-state';

/**
 * The saved state, loaded on demand: `saved-state.ts` brings the database code, which the popup
 * must not load before its first paint. Only types are imported here.
 */
const load = () => import('@/lib/reading-list/saved-state');
type SavedStateModule = typeof import('@/lib/reading-list/saved-state');

/** Starts watching the saved state once its code has loaded. Returns a stop that also works before. */
export function watchSavedStateLater(
  onChange: (part: Partial<SavedState>) => void,
  onError: (error: unknown) => void,
): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  void load().then(({ watchSavedState }) => {
    if (!stopped) stop = watchSavedState(onChange, onError);
  }, onError);
  return () => {
    stopped = true;
    stop?.();
  };
}

/** Saves or unsaves a bundled article (loads the database code on first use): what unsaving removed, for Undo. */
export async function toggleSavedLater(
  article: { id: string; title: string; url: string | null },
  marker: SavedMarker | undefined,
): Promise<RemovedSnapshot | null> {
  const { toggleSaved } = await load();
  return toggleSaved(article, marker);
}

/** Puts back what an unsave removed (`toggleSavedLater`), answering as `undoUnsave` does. */
export async function undoUnsaveLater(removed: RemovedSnapshot): ReturnType<SavedStateModule['undoUnsave']> {
  const { undoUnsave } = await load();
  return undoUnsave(removed);
}
