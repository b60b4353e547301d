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

/** Cuts text to at most `max` characters, at a word boundary where there is one, ending in `…`. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Not between the two halves of a character written as a surrogate pair (an emoji).
  const cut = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Whether a character is a quote mark a query's quoted run opens or closes with (straight, English, German, French, Nordic). */
export function isQuoteMark(character: string | undefined): boolean {
  return character !== undefined && character.length === 1 && '"“”„«»'.includes(character);
}

/** The longest query a status line repeats whole: a pasted paragraph is cut (a screen reader reads the line). */
const ECHOED_QUERY_LENGTH = 60;

/**
 * A query as a status line repeats it ("No articles match “…”"): one line, cut past 60 characters
 * (QA pass: 200 pasted words filled the popup's status and were read out whole). A query that is one
 * quoted phrase is repeated without its own marks, which the line's quotes stand for (QA pass:
 * `No saved article matches ““the sea is singing””`).
 */
export function echoedQuery(query: string): string {
  const trimmed = query.trim();
  const inside = trimmed.slice(1, -1);
  const wholly =
    isQuoteMark(trimmed.at(0)) && isQuoteMark(trimmed.at(-1)) && inside !== '' && ![...inside].some(isQuoteMark);
  return clip(shownLine(wholly ? inside.trim() : query), ECHOED_QUERY_LENGTH);
}
