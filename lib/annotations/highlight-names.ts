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
export function ordinal(place: number): string {
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

/** Each highlight's name by id, in list order: its short quote, and its place where that is shared. */
export function highlightNames(highlights: readonly { id: string; quote: string }[]): Map<string, HighlightName> {
  const shorts = highlights.map(({ quote }) => shortQuote(quote));
  const total = new Map<string, number>();
  for (const short of shorts) total.set(short, (total.get(short) ?? 0) + 1);
  const seen = new Map<string, number>();
  const names = new Map<string, HighlightName>();
  highlights.forEach(({ id }, index) => {
    const short = shorts[index] ?? '';
    const place = (seen.get(short) ?? 0) + 1;
    seen.set(short, place);
    const shared = (total.get(short) ?? 0) > 1;
    names.set(id, { short, place: shared ? ` (${ordinal(place)})` : '' });
  });
  return names;
}
