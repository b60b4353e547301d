import { getPreference, PREFERENCES, setPreference, watchPreference } from '@/lib/settings/preferences';
import type { SidePanelView } from '@/lib/side-panel/view-schema';

/**
 * What the side panel shows: a preference in `storage.session` (not memory) because the service
 * worker that sets it may be stopped at any time, and the panel may open after it was set.
 */
export { type SidePanelView, sidePanelViewSchema } from '@/lib/side-panel/view-schema';

export async function setSidePanelView(view: SidePanelView): Promise<void> {
  // A fresh timestamp makes the same view set twice still count as a change for listeners.
  await setPreference(PREFERENCES.sidePanelView, { view, at: Date.now() });
}

export async function getSidePanelView(): Promise<SidePanelView> {
  return (await getPreference(PREFERENCES.sidePanelView)).view;
}

/** Calls `onChange` whenever another context sets the view. Returns an unsubscribe function. */
export function watchSidePanelView(onChange: (view: SidePanelView) => void): () => void {
  return watchPreference(PREFERENCES.sidePanelView, ({ view }) => onChange(view));
}
