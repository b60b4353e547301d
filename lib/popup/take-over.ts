import { applyTypedKeys } from '@/lib/popup/early-typing';
import type { FirstPaint } from '@/lib/popup/first-paint';
import type { PopupHandoff } from '@/lib/popup/handoff';
import { loadPopupState, type PopupState, readRestoredPopup } from '@/lib/popup/popup-state';

/**
 * The search the app starts from: the one restored by the first-paint script (read here when that
 * script did not run), shown selected, or what the user typed meanwhile in its place, and the picture
 * that script painted, if any. Stops recording the typing.
 * (Not in handoff.ts: the popup's entry module imports that one, and it must stay small.)
 */
export async function takeOverFromFirstPaint(
  handoff: PopupHandoff | undefined,
): Promise<{ state: PopupState | null; picture: FirstPaint | null; querySelected: boolean }> {
  // Checked here with its schema: the first-paint script reads it without Zod.
  const restored = handoff
    ? readRestoredPopup((await handoff.stored)?.popupState)
    : await loadPopupState().catch(() => null);
  handoff?.typing.stop();
  const typed = handoff?.typing.keys ?? [];
  const state = restored?.state ?? null;
  const picture = handoff ? (restored?.firstPaint ?? null) : null;
  // The restored query shows selected, as a find bar shows its last search: typing replaces it.
  if (typed.length === 0) return { state, picture, querySelected: Boolean(state?.query) };
  const query = applyTypedKeys(state?.query ?? '', typed, { selected: true });
  return { state: { query, topic: state?.topic ?? null, tag: state?.tag ?? null }, picture, querySelected: false };
}
