import { browser } from 'wxt/browser';
// zod/mini: this module is on the popup's start-up path, where full Zod's size shows.
import { z } from 'zod/mini';

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

export async function loadPopupState(): Promise<PopupState | null> {
  const stored = await browser.storage.session.get(STATE_KEY);
  const result = popupStateSchema.safeParse(stored[STATE_KEY]);
  return result.success ? result.data : null;
}

export async function savePopupState(state: PopupState): Promise<void> {
  await browser.storage.session.set({ [STATE_KEY]: state });
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
