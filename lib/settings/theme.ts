import { getPreference, PREFERENCES, setPreference, watchPreference } from '@/lib/settings/preferences';
import { applyTheme, type Theme } from '@/lib/settings/theme-attribute';

/**
 * The colour theme of Shelf's own pages (a preference in `storage.local`, not the database,
 * because the popup reads it before its first paint, where opening IndexedDB would cost time).
 */
export { applyTheme, THEMES, type Theme } from '@/lib/settings/theme-attribute';

export function loadTheme(): Promise<Theme> {
  return getPreference(PREFERENCES.theme);
}

export function saveTheme(theme: Theme): Promise<void> {
  return setPreference(PREFERENCES.theme, theme);
}

/** Applies the saved theme now and whenever it changes (in any Shelf page). Returns an unsubscribe. */
export function followTheme(root: HTMLElement = document.documentElement): () => void {
  void loadTheme().then((theme) => applyTheme(theme, root));
  return watchPreference(PREFERENCES.theme, (theme) => applyTheme(theme, root));
}
