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

/**
 * Sets the view only while the panel still shows `shown`: what a request completes late (a page's
 * text read after its title was shown) does not replace what the user asked for since, another "Find
 * related" or a card they opened (QA pass: a page's results replaced a selection's). Compared by value,
 * not by when it was set: Back to the same request still gets its text.
 */
export async function replaceSidePanelView(shown: SidePanelView, view: SidePanelView): Promise<void> {
  if (!isSameView((await getPreference(PREFERENCES.sidePanelView)).view, shown)) return;
  await setSidePanelView(view);
}

export async function getSidePanelView(): Promise<SidePanelView> {
  return (await getPreference(PREFERENCES.sidePanelView)).view;
}

/** Calls `onChange` whenever another context sets the view. Returns an unsubscribe function. */
export function watchSidePanelView(onChange: (view: SidePanelView) => void): () => void {
  return watchPreference(PREFERENCES.sidePanelView, ({ view }) => onChange(view));
}

/**
 * Whether two views are one, whatever the order of their fields: a view read back from storage comes
 * in its schema's order, and one built as `{ kind, itemId, terms, fromList }` is no new view for Back to
 * return from (QA pass: Back from a reader opened from the list's search showed that reader again).
 */
export function isSameView(a: SidePanelView, b: SidePanelView): boolean {
  return inKeyOrder(a) === inKeyOrder(b);
}

function inKeyOrder(view: SidePanelView): string {
  return JSON.stringify(view, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * Which "Find related" a related view shows: a new one is a new view (its heading takes the focus), not
 * the last one's list redrawn under a focused entry (QA pass: a second Find related left the focus on a
 * new list's middle entry). A page's or a link's text read after its words is the same one (`replaceSidePanelView`).
 */
export function relatedViewKey(view: Extract<SidePanelView, { kind: 'related' }>): string {
  // Not `query`, nor the saved copy a link's text is read from: both come late to the same request.
  const { source, url = '', label } = view;
  return [source, url, source === 'page' ? '' : label].join('\n');
}
