import { getPreference, PREFERENCES, setPreference, type Theme, watchPreference } from '@/lib/settings/preferences';

/**
 * The colour theme of Shelf's own pages (a preference in `storage.local`, not the database,
 * because the popup reads it before its first paint, where opening IndexedDB would cost time).
 */
export { THEMES, type Theme } from '@/lib/settings/preferences';

export function loadTheme(): Promise<Theme> {
  return getPreference(PREFERENCES.theme);
}

export function saveTheme(theme: Theme): Promise<void> {
  return setPreference(PREFERENCES.theme, theme);
}

/** `data-theme` on the root element; "system" removes it and the CSS follows the system's scheme. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Applies the saved theme now and whenever it changes (in any Shelf page). Returns an unsubscribe. */
export function followTheme(root: HTMLElement = document.documentElement): () => void {
  void loadTheme().then((theme) => applyTheme(theme, root));
  return watchPreference(PREFERENCES.theme, (theme) => applyTheme(theme, root));
}
