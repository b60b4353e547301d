// No imports: capture (a script injected into the page) and imports use it as well as the result lists.

/**
 * What a line of page text does not show: control characters, and the bidi embeddings, overrides and
 * isolates a page could use to run its words backwards or over Shelf's own words on the same row
 * (U+202E). The marks right-to-left text needs (U+200E, U+200F, U+061C) stay.
 */
const SHOWN_NOT = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/** A page's text as one line Shelf shows (a title, a site, a snippet): a space for each character it does not show (search read them as separators: "reached\u0007Darfur" is two words). */
export function shownLine(text: string): string {
  return text.replace(SHOWN_NOT, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A saved item's title as one plain line, never empty: its address, else "Untitled", when nothing of it
 * shows. The address is cleaned too: URLs keep a raw U+202E or tab as given, and an untitled import showed it.
 */
export function plainTitle(title: string, url: string | null): string {
  return shownLine(title).slice(0, 1000) || shownLine(url ?? '').slice(0, 1000) || 'Untitled';
}
