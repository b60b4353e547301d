/** `href` resolved against `base`; null when it is missing, blank or not a valid address. */
export function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}
