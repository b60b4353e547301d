import { cutToLength } from '@/lib/annotations/cut-text';

/**
 * The short form of each highlight's quote its controls are named by ("Remove highlight “…”").
 * Two highlights starting with the same 40 characters gave their controls the same names, so a
 * screen reader's list of buttons could not tell them apart (QA pass): those get their place among
 * them, "(2nd)".
 */

const QUOTE_LENGTH = 40;
const ORDINAL_SUFFIXES: Record<Intl.LDMLPluralRule, string> = {
  zero: 'th',
  one: 'st',
  two: 'nd',
  few: 'rd',
  many: 'th',
  other: 'th',
};
const ordinals = new Intl.PluralRules('en-US', { type: 'ordinal' });

/** "1st", "2nd", "3rd", "4th"… */
function ordinal(place: number): string {
  return `${place}${ORDINAL_SUFFIXES[ordinals.select(place)]}`;
}

/** A short form of a quote, for accessible names. */
export function shortQuote(quote: string): string {
  const line = quote.replace(/\s+/g, ' ').trim();
  // Not inside an emoji: a name ending in half of one reads as "�".
  return line.length > QUOTE_LENGTH ? `${cutToLength(line, QUOTE_LENGTH - 1)}…` : line;
}

export interface HighlightName {
  short: string;
  /** " (2nd)" where another highlight has the same short quote, else "". */
  place: string;
}

/**
 * Per name, in list order: its place among the names alike (" (2nd)"), or "" when it is the only one.
 * Controls named alike could not be told apart by a screen reader, nor looked up by name (QA passes).
 */
export function placesAmongAlike(names: readonly string[]): string[] {
  const total = new Map<string, number>();
  for (const name of names) total.set(name, (total.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return names.map((name) => {
    const place = (seen.get(name) ?? 0) + 1;
    seen.set(name, place);
    return (total.get(name) ?? 0) > 1 ? ` (${ordinal(place)})` : '';
  });
}

/** Each highlight's name by id, in list order: its short quote, and its place where that is shared. */
export function highlightNames(highlights: readonly { id: string; quote: string }[]): Map<string, HighlightName> {
  const shorts = highlights.map(({ quote }) => shortQuote(quote));
  const places = placesAmongAlike(shorts);
  return new Map(highlights.map(({ id }, index) => [id, { short: shorts[index] ?? '', place: places[index] ?? '' }]));
}
