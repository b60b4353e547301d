import { type FirstPaint, firstPaintSchema } from '@/lib/popup/first-paint';
import {
  getPreference,
  MAX_POPUP_QUERY,
  PREFERENCES,
  parsePreference,
  setPreference,
} from '@/lib/settings/preferences';

/**
 * What the popup restores when it reopens within the browser session (the `popupState`
 * preference, in `storage.session`), and the articles opened recently (`recentlyOpened`).
 */
export interface PopupState {
  query: string;
  topic: string | null;
  tag: string | null;
}

const MAX_RECENT = 5;

/** A restored popup: the last search, and what it showed when it had results (for the first paint). */
export interface RestoredPopup {
  state: PopupState;
  firstPaint: FirstPaint | null;
}

/** The last search within this browser session, or null when there is none or it is unreadable. */
export async function loadPopupState(): Promise<RestoredPopup | null> {
  return readRestoredPopup(await getPreference(PREFERENCES.popupState));
}

/** A stored `popupState` checked with its schema: the first-paint script hands it over as stored. */
export function readRestoredPopup(stored: unknown): RestoredPopup | null {
  const state = parsePreference(PREFERENCES.popupState, stored);
  if (!state) return null;
  // The picture is checked on its own: an unreadable one costs the first paint, not the query.
  const firstPaint = firstPaintSchema.safeParse(state.firstPaint);
  return {
    state: { query: state.query, topic: state.topic, tag: state.tag },
    firstPaint: firstPaint.success ? firstPaint.data : null,
  };
}

/**
 * The kinds of refused picture already told in the console: each is said once per page (a popup
 * lives for one opening), not at every keystroke that makes it again. A kind is what was refused
 * where, with row numbers left out: 51 rows, or a too long title in any row.
 */
const refusalsTold = new Set<string>();

function refusalKind(issues: ReadonlyArray<{ code: string; path: ReadonlyArray<PropertyKey> }>): string {
  const where = (path: ReadonlyArray<PropertyKey>) => path.map((key) => (typeof key === 'number' ? '*' : String(key)));
  return issues
    .map(({ code, path }) => `${code} at ${where(path).join('.')}`)
    .sort()
    .join('; ');
}

/**
 * Keeps the search (and, when it has results, what it shows) for the popup's next opening. A query
 * longer than the popup accepts is kept cut to that length, so it still comes back. A picture the
 * next opening would refuse (too many rows, a field too long) is not stored: it would be written on
 * every keystroke for nothing.
 */
export async function savePopupState(state: PopupState, firstPaint: FirstPaint | null): Promise<void> {
  const query = state.query.slice(0, MAX_POPUP_QUERY);
  const checked = firstPaint
    ? firstPaintSchema.safeParse({ ...firstPaint, query: firstPaint.query.slice(0, MAX_POPUP_QUERY) })
    : undefined;
  if (checked && !checked.success) {
    const kind = refusalKind(checked.error.issues);
    if (!refusalsTold.has(kind)) {
      refusalsTold.add(kind);
      console.warn('Shelf: the popup’s results are not kept for its first paint', checked.error);
    }
  }
  const picture = checked?.success ? checked.data : undefined;
  await setPreference(PREFERENCES.popupState, { ...state, query, ...(picture ? { firstPaint: picture } : {}) });
}

export function loadRecentlyOpened(): Promise<string[]> {
  return getPreference(PREFERENCES.recentlyOpened);
}

export async function rememberOpened(articleId: string): Promise<void> {
  const recent = await loadRecentlyOpened();
  const next = [articleId, ...recent.filter((id) => id !== articleId)].slice(0, MAX_RECENT);
  await setPreference(PREFERENCES.recentlyOpened, next);
}
