/**
 * The colour themes of Shelf's own pages and how a page shows one, without Zod or the extension
 * API: the popup's first-paint script applies the stored theme before either has loaded.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** A stored theme as Shelf wrote it, else "system" (the preference's default). */
export function themeOf(stored: unknown): Theme {
  return THEMES.find((theme) => theme === stored) ?? 'system';
}

/** `data-theme` on the root element; "system" removes it and the CSS follows the system's scheme. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
