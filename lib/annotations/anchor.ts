import { selectorsOfSpan } from '@/lib/annotations/describe-range';
import { matchQuote, type QuoteMatch } from '@/lib/annotations/match-quote';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { asModelText, createTextModel, type TextModel } from '@/lib/annotations/text-model';

export type AnchorResult =
  | {
      status: 'found';
      range: Range;
      method: Extract<QuoteMatch, { status: 'found' }>['method'];
      /** The text found: the quote, or its edited form when the method is `approximate`. */
      text: string;
    }
  | Extract<QuoteMatch, { status: 'not-found' }>;

/**
 * Finds a highlight in the root's text again. Reads the DOM afresh on every call unless given a
 * model built since the last change other than drawing marks (which a model's ranges follow), so
 * many highlights can be anchored and drawn one after another with one model.
 */
export function anchor(root: Element, selectors: SelectorSet, model: TextModel = createTextModel(root)): AnchorResult {
  const match = matchQuote(model.text, selectors);
  if (match.status === 'not-found') return match;
  return {
    status: 'found',
    range: model.rangeOfSpan(match),
    method: match.method,
    text: model.text.slice(match.start, match.end),
  };
}

/**
 * The full selector set for a quote that came without one (another tool's export): where the
 * quote is in the root's text, with prefix and suffix read from that text. Null when it is not
 * there, or is there more than once and its context (if any) cannot tell which: never a guess.
 */
export function selectorsForQuote(
  root: Element,
  quote: { exact: string; prefix?: string; suffix?: string },
  model: TextModel = createTextModel(root),
): SelectorSet | null {
  const exact = asModelText(quote.exact).trim();
  if (!exact) return null;
  const match = matchQuote(model.text, {
    quote: { type: 'TextQuoteSelector', exact, prefix: quote.prefix, suffix: quote.suffix },
  });
  if (match.status !== 'found') return null;
  return selectorsOfSpan(model.text, match.start, match.end);
}
