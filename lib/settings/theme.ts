import { browser } from 'wxt/browser';

/**
 * The colour theme of Shelf's own pages. Kept in `storage.local` (not the database) because the
 * popup reads it before its first paint, where opening IndexedDB would cost time.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
const KEY = 'theme';

function asTheme(value: unknown): Theme {
  return THEMES.includes(value as Theme) ? (value as Theme) : 'system';
}

export async function loadTheme(): Promise<Theme> {
  return asTheme((await browser.storage.local.get(KEY))[KEY]);
}

export async function saveTheme(theme: Theme): Promise<void> {
  await browser.storage.local.set({ [KEY]: asTheme(theme) });
}

/** `data-theme` on the root element; "system" removes it and the CSS follows the system's scheme. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Applies the saved theme now and whenever it changes (in any Shelf page). Returns an unsubscribe. */
export function followTheme(root: HTMLElement = document.documentElement): () => void {
  void loadTheme().then((theme) => applyTheme(theme, root));
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) applyTheme(asTheme(changes[KEY]?.newValue), root);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
