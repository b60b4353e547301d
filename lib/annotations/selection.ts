import { describeRange } from '@/lib/annotations/describe-range';
import { HIGHLIGHT_ID_ATTRIBUTE, hasMarkableText } from '@/lib/annotations/highlight-marks';
import type { QuoteBlock } from '@/lib/annotations/quote-blocks';
import type { SelectorSet } from '@/lib/annotations/selectors';

/**
 * The part of the selection inside `root` when it holds some text, else null. A selection running
 * past `root` counts for its part inside: a triple-click on the last paragraph selects up to the
 * start of what follows the article, as does a drag a little past its last line.
 */
export function selectedRangeIn(root: Element, selection: Selection | null): Range | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0).cloneRange();
  const inside = root.ownerDocument.createRange();
  inside.selectNodeContents(root);
  // Clipped to root; a selection wholly outside it ends collapsed (an end set before the start moves the start too).
  if (range.compareBoundaryPoints(Range.START_TO_START, inside) < 0) range.setStart(inside.startContainer, 0);
  if (range.compareBoundaryPoints(Range.END_TO_END, inside) > 0) range.setEnd(inside.endContainer, inside.endOffset);
  return range.toString().trim() ? range : null;
}

/** Said when the selected words are one highlight already (the reader's status, a page's button). */
export const ALREADY_HIGHLIGHTED = 'Already highlighted.';
/** Said in the reader's status when a selection was highlighted, taking in `joined` highlights it overlapped. */
export function highlightedMessage(joined: number): string {
  if (joined === 0) return 'Highlighted.';
  return `Highlighted, joined with ${joined === 1 ? 'the highlight' : `the ${joined} highlights`} it overlapped.`;
}
/** Said when the selection is only text no mark can be drawn in (`hasMarkableText`). */
export const NOTHING_TO_MARK = "Formulas and drawings can't be highlighted.";

/**
 * Which highlight a mark belongs to. Shelf's own pages go by the id the marks carry; a web page's
 * marks carry none (`""` for all), so its script goes by the marks it drew.
 */
export type HighlightOfMark = (mark: Element) => unknown;
const byId: HighlightOfMark = (mark) => mark.getAttribute(HIGHLIGHT_ID_ATTRIBUTE);
/** A highlight's mark, not a search's passage. */
const HIGHLIGHT_MARK = `mark[${HIGHLIGHT_ID_ATTRIBUTE}]:not(.search-passage)`;

/**
 * The selectors of the selection in `root`, widened to the highlights it overlaps (`joined`: their
 * ids, which the new highlight takes the place of), or why there are none (shown to the user).
 */
export function describeSelection(
  root: Element,
  selection: Selection | null,
): { ok: true; selectors: SelectorSet; quoteBlocks?: QuoteBlock[]; joined: string[] } | { ok: false; message: string } {
  const range = selectedRangeIn(root, selection);
  if (!range) return { ok: false, message: 'Select some text of the article first.' };
  if (isWithinOneHighlight(range)) return { ok: false, message: ALREADY_HIGHLIGHTED };
  if (!hasMarkableText(range)) return { ok: false, message: NOTHING_TO_MARK };
  const marksById = Map.groupBy(root.querySelectorAll(HIGHLIGHT_MARK), byId);
  const widened = widenToHighlights(range, byId, (id) => marksById.get(id as string | null) ?? []);
  const described = describeRange(root, widened.range);
  if (described.ok) return { ...described, joined: widened.highlights as string[] };
  if (described.error !== 'too-long') return { ok: false, message: 'Select some text first.' };
  // A few words may be too long once joined with the highlights they run into (review): said so.
  return {
    ok: false,
    message:
      widened.highlights.length > 0
        ? 'With the highlights it runs into, that selection is too long to highlight.'
        : 'That selection is too long to highlight.',
  };
}

/**
 * Whether every word the range covers is inside one highlight (not a search's passage): highlighting
 * it again made a second highlight of the same words, listed apart, that nothing on the page showed
 * (QA pass). Read word by word, not by its ends: a triple-click ends at the start of what follows (review).
 */
export function isWithinOneHighlight(range: Range, highlightOf: HighlightOfMark = byId): boolean {
  let held: unknown = null;
  for (const text of selectedTexts(range)) {
    const mark = text.parentElement?.closest(HIGHLIGHT_MARK);
    const highlight = mark ? (highlightOf(mark) ?? null) : null;
    if (highlight === null || (held !== null && highlight !== held)) return false;
    held = highlight;
  }
  return held !== null;
}

/**
 * The range taking in, whole, every highlight whose words it covers some of, and those highlights:
 * highlighted, it is one highlight in their place (QA pass: a selection across a highlight's end made
 * a second one over it, and three nested highlights of one sentence were listed three times).
 */
export function widenToHighlights(
  range: Range,
  highlightOf: HighlightOfMark,
  marksOf: (highlight: unknown) => readonly Element[],
): { range: Range; highlights: unknown[] } {
  const highlights = new Set<unknown>();
  const markOf = (element: Element | null | undefined) => element?.closest(HIGHLIGHT_MARK) ?? null;
  const widened = range.cloneRange();
  // Again until no highlight is added: one taken in whole may run into another (review).
  for (let added = true; added; ) {
    added = false;
    // Each highlight around the words, nested ones too (drawn over an older one, one mark in another).
    for (const text of selectedTexts(widened))
      for (let mark = markOf(text.parentElement); mark; mark = markOf(mark.parentElement)) {
        const highlight = highlightOf(mark);
        if (highlight === undefined || highlight === null || highlights.has(highlight)) continue;
        highlights.add(highlight);
        added = true;
        for (const drawn of marksOf(highlight)) {
          const marked = drawn.ownerDocument.createRange();
          marked.selectNodeContents(drawn);
          if (marked.compareBoundaryPoints(Range.START_TO_START, widened) < 0)
            widened.setStart(marked.startContainer, marked.startOffset);
          if (marked.compareBoundaryPoints(Range.END_TO_END, widened) > 0)
            widened.setEnd(marked.endContainer, marked.endOffset);
        }
      }
  }
  return { range: widened, highlights: [...highlights] };
}

/** The text nodes a range selects some non-blank characters of, in order. */
function selectedTexts(range: Range): Text[] {
  const root = range.commonAncestorContainer;
  const texts: Text[] = [];
  if (root.nodeType === Node.TEXT_NODE) texts.push(root as Text);
  else {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (range.intersectsNode(node)) texts.push(node as Text);
  }
  return texts.filter((text) => {
    const start = text === range.startContainer ? range.startOffset : 0;
    const end = text === range.endContainer ? range.endOffset : text.length;
    return text.data.slice(start, end).trim() !== '';
  });
}

/** Whether a key press was typed into a field (where `h` types an h) or carries a modifier. */
export function isKeyForField(event: Pick<KeyboardEvent, 'target' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const element = event.target as HTMLElement | null;
  if (typeof element?.closest !== 'function') return false;
  return element.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"]') !== null;
}
