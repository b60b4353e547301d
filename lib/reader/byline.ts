/**
 * Whether a copy's byline already says "by" before its name ("By Nathan Willis", "Written by Rob
 * Ewaschuk"): Readability often keeps the page's own words, and the reader's "By …" then doubled it.
 * English only, as the reader's own line is.
 */
export function bylineSaysBy(byline: string): boolean {
  return /^\s*(?:\p{L}+\s+)?by\b/iu.test(byline);
}
