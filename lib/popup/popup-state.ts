import { browser } from 'wxt/browser';
// zod/mini: this module is on the popup's start-up path, where full Zod's size shows.
import { z } from 'zod/mini';
import { type FirstPaint, firstPaintSchema } from '@/lib/popup/first-paint';

/**
 * What the popup restores when it reopens within the browser session (`storage.session`, cleared
 * when the browser closes), and the articles opened recently (`storage.local`).
 */
export const popupStateSchema = z.object({
  query: z.string().check(z.maxLength(500)),
  topic: z.nullable(z.string().check(z.maxLength(64))),
  tag: z.nullable(z.string().check(z.maxLength(100))),
});
export type PopupState = z.infer<typeof popupStateSchema>;

const STATE_KEY = 'popupState';
const RECENT_KEY = 'recentlyOpened';
const MAX_RECENT = 5;

/** A restored popup: the last search, and what it showed when it had results (for the first paint). */
export interface RestoredPopup {
  state: PopupState;
  firstPaint: FirstPaint | null;
}

/** The last search within this browser session, or null when there is none or it is unreadable. */
export async function loadPopupState(): Promise<RestoredPopup | null> {
  const stored: unknown = (await browser.storage.session.get(STATE_KEY))[STATE_KEY];
  const state = popupStateSchema.safeParse(stored);
  if (!state.success) return null;
  // The picture is checked on its own: an unreadable one costs the first paint, not the query.
  const firstPaint = firstPaintSchema.safeParse((stored as { firstPaint?: unknown }).firstPaint);
  return { state: state.data, firstPaint: firstPaint.success ? firstPaint.data : null };
}

/** Keeps the search (and, when it has results, what it shows) for the popup's next opening. */
export async function savePopupState(state: PopupState, firstPaint: FirstPaint | null): Promise<void> {
  await browser.storage.session.set({ [STATE_KEY]: firstPaint ? { ...state, firstPaint } : state });
}

export async function loadRecentlyOpened(): Promise<string[]> {
  const stored = await browser.storage.local.get(RECENT_KEY);
  const result = z
    .array(z.string().check(z.maxLength(200)))
    .check(z.maxLength(50))
    .safeParse(stored[RECENT_KEY]);
  return result.success ? result.data : [];
}

export async function rememberOpened(articleId: string): Promise<void> {
  const recent = await loadRecentlyOpened();
  const next = [articleId, ...recent.filter((id) => id !== articleId)].slice(0, MAX_RECENT);
  await browser.storage.local.set({ [RECENT_KEY]: next });
}
