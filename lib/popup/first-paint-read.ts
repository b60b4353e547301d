import type { FirstPaint } from '@/lib/popup/first-paint';
import { type Theme, themeOf } from '@/lib/settings/theme-attribute';

/**
 * What the popup's first-paint script reads, without Zod or the webextension polyfill: the two
 * settings it needs, as stored. Loading both before the first paint cost 11 ms of script on every
 * opening (a Chromium trace); the app, which loads them anyway, checks the stored search with its
 * schema (`readRestoredPopup`) before it adopts anything.
 */

/** The storage keys of the two settings, as `lib/settings/preferences.ts` defines them (a test checks). */
export const FIRST_PAINT_KEYS = { theme: 'theme', popupState: 'popupState' } as const;

/** The most rows a picture holds (its schema's limit too): a larger one is not painted. */
export const MAX_PICTURE_ROWS = 50;

/** The part of the extension's storage API read here (its own promise-based one: `browser` or `chrome`). */
export interface FirstPaintStorage {
  local: { get(key: string): Promise<Record<string, unknown>> };
  session: { get(key: string): Promise<Record<string, unknown>> };
}

export interface StoredForFirstPaint {
  theme: Theme;
  /** The `popupState` preference as stored, for the app to check. */
  popupState: unknown;
  /** The picture of the last results, to paint at once, or null. */
  picture: FirstPaint | null;
}

/** The extension's own storage API, in the popup page (Firefox's `browser`, else Chrome's `chrome`). */
export function extensionStorage(): FirstPaintStorage {
  const scope = globalThis as { browser?: { storage?: FirstPaintStorage }; chrome?: { storage?: FirstPaintStorage } };
  const storage = scope.browser?.storage ?? scope.chrome?.storage;
  if (!storage) throw new Error('The popup’s first paint runs only in an extension page.');
  return storage;
}

/** Both settings, read at once; one that cannot be read is missing (the other still counts). */
export async function readForFirstPaint(storage: FirstPaintStorage): Promise<StoredForFirstPaint> {
  const unreadable = (): Record<string, unknown> => ({});
  const [local, session] = await Promise.all([
    storage.local.get(FIRST_PAINT_KEYS.theme).catch(unreadable),
    storage.session.get(FIRST_PAINT_KEYS.popupState).catch(unreadable),
  ]);
  const popupState = session[FIRST_PAINT_KEYS.popupState];
  return { theme: themeOf(local[FIRST_PAINT_KEYS.theme]), popupState, picture: pictureOf(popupState) };
}

/**
 * The stored picture, taken as stored when it has the shape of one: `savePopupState` keeps only a
 * picture its schema accepted, in `storage.session` (content scripts cannot reach it; it is emptied
 * when Shelf is updated). Its text only ever goes into the page as text, and the app removes a
 * picture its schema refuses.
 */
function pictureOf(popupState: unknown): FirstPaint | null {
  const picture = isRecord(popupState) ? popupState.firstPaint : undefined;
  return isRecord(picture) && Array.isArray(picture.results) && picture.results.length <= MAX_PICTURE_ROWS
    ? (picture as unknown as FirstPaint)
    : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
