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

/** Saves or unsaves a bundled article (loads the database code on first use), as `toggleSaved` does. */
export async function toggleSavedLater(...args: Parameters<SavedStateModule['toggleSaved']>): Promise<void> {
  const { toggleSaved } = await load();
  return toggleSaved(...args);
}
