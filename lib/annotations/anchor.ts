import { matchQuote, type QuoteMatch } from '@/lib/annotations/match-quote';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { createTextModel, type TextModel } from '@/lib/annotations/text-model';

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
 * Finds a highlight in the root's text again. Reads the DOM afresh on every call (unless given a
 * model built since the last change), so highlights can be anchored and drawn one after another.
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
