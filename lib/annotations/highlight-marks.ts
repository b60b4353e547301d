import { BLOCK_ELEMENTS, isSkippedElement } from '@/lib/annotations/text-model';

/**
 * Draws a highlight as `<mark>` elements around the text nodes a range covers, one mark per text
 * node, so a mark never spans a block boundary. The marks hold nothing of Shelf's but an opaque id:
 * no note, no title. Removing them gives back the DOM as it was, down to the identity of the text
 * nodes (scripts on the page may hold references to them).
 */

const TEXT_NODE = 3;
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/** Text in these elements cannot hold a `<mark>` (or would not show it). */
const UNMARKABLE_PARENTS = new Set(['option', 'select', 'title']);
export const DEFAULT_HIGHLIGHT_COLOR = 'rgba(255, 212, 0, 0.4)';
/** The attribute that names the highlight a mark belongs to. */
export const HIGHLIGHT_ID_ATTRIBUTE = 'data-shelf-highlight';

export interface HighlightOptions {
  /** The highlight's id (opaque: it must say nothing about the highlight's note or text). */
  id: string;
  className: string;
  ownerDocument: Document;
  /** Background color; the only visual change a mark makes. */
  color?: string;
  /**
   * Whether the marks carry the id (Shelf's own pages: a search passage is found by it). A web page
   * gets marks without it: a highlight's id never changes and syncs, so it would name the user to
   * every site that reads its marks.
   */
  withId?: boolean;
}

export interface HighlightHandle {
  readonly id: string;
  /** The marks in document order (scroll to the first to show the highlight). */
  readonly marks: readonly HTMLElement[];
}

/**
 * Text nodes Shelf split off the page's, to join back when no mark separates them any more. Kept
 * for all highlights together, so overlapping ones can be removed in any order.
 */
const splitOff = new WeakSet<Text>();

/**
 * Whitespace between blocks (`</p>\n<p>`) is left alone: a mark there would draw an empty line
 * box. Whitespace between two inline siblings (`<b>a</b> <i>b</i>`) is marked, so the highlight
 * has no gap.
 */
function isMarkable(node: Text): boolean {
  if (!canHoldMark(node) || node.data.length === 0) return false;
  if (node.data.trim() !== '') return true;
  const isInline = (sibling: Node | null) =>
    sibling !== null && !(sibling.nodeType === 1 && BLOCK_ELEMENTS.has((sibling as Element).localName));
  return isInline(node.previousSibling) && isInline(node.nextSibling);
}

/** Whether a mark around the text node would be drawn: it is in an HTML element (not MathML's or SVG's) that shows it. */
function canHoldMark(node: Text): boolean {
  const parent = node.parentElement;
  if (!parent || parent.namespaceURI !== HTML_NAMESPACE) return false;
  if (UNMARKABLE_PARENTS.has(parent.localName)) return false;
  for (let element: Element | null = parent; element; element = element.parentElement) {
    if (isSkippedElement(element)) return false;
  }
  return true;
}

/**
 * Whether a highlight of the range would draw anything: some of the words it covers can hold a
 * mark. A formula (MathML) or a drawing (SVG) alone counts as text, yet draws nothing, and was kept
 * as a highlight listed "Not found on this page" (QA pass).
 */
export function hasMarkableText(range: Range): boolean {
  return textNodesIn(range).some((node) => {
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    return node.data.slice(start, end).trim() !== '' && canHoldMark(node);
  });
}

/**
 * The text nodes the range intersects (`Range.intersectsNode`), in document order: those from its
 * start to its end, found by walking that far only. Asking `intersectsNode` of every text node in
 * the range's common ancestor cost a highlight across two paragraphs a pass over the whole copy,
 * each answer itself costly (node indexes): seconds per highlight in a 200,000-character copy (jsdom).
 */
export function textNodesIn(range: Range): Text[] {
  const container = range.commonAncestorContainer;
  if (container.nodeType === TEXT_NODE) return [container as Text];
  const { startContainer, startOffset, endContainer, endOffset } = range;
  // A text node the range starts in is intersected, even at its end; other nodes start at a child.
  const first =
    startContainer.nodeType === TEXT_NODE
      ? startContainer
      : (startContainer.childNodes[startOffset] ?? nodeAfter(startContainer, container));
  // The first node at or after the end point (a text node the range ends in is intersected, even at 0).
  const stop = endContainer.childNodes[endOffset] ?? nodeAfter(endContainer, container);
  const nodes: Text[] = [];
  for (let node: Node | null = first; node && node !== stop; node = node.firstChild ?? nodeAfter(node, container)) {
    if (node.nodeType === TEXT_NODE) nodes.push(node as Text);
  }
  return nodes;
}

/** The first node after `node` and its descendants in document order, within `container`. */
function nodeAfter(node: Node, container: Node): Node | null {
  for (let at: Node | null = node; at && at !== container; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

/** Styles set through the CSSOM (allowed under a page's style-src CSP) and `!important`, so the page's own `mark` rules cannot add padding, borders or colors. */
function styleMark(mark: HTMLElement, color: string): void {
  mark.style.setProperty('all', 'unset', 'important');
  mark.style.setProperty('background-color', color, 'important');
}

export function highlightRange(range: Range, options: HighlightOptions): HighlightHandle {
  const doc = options.ownerDocument;
  const split = (node: Text, offset: number) => {
    const rest = node.splitText(offset);
    splitOff.add(rest);
    return rest;
  };
  const { startContainer, startOffset, endContainer, endOffset } = range;
  const nodes = textNodesIn(range);
  const marks: HTMLElement[] = [];
  for (let node of nodes) {
    // Cut off what lies outside the range, end first so the start offset stays valid.
    if (node === endContainer && endOffset === 0) continue;
    if (node === endContainer && endOffset < node.data.length) split(node, endOffset);
    if (node === startContainer && startOffset > 0) {
      if (startOffset >= node.data.length) continue;
      node = split(node, startOffset);
    }
    if (!isMarkable(node)) continue;
    const mark = doc.createElement('mark');
    mark.className = options.className;
    mark.setAttribute(HIGHLIGHT_ID_ATTRIBUTE, options.withId === false ? '' : options.id);
    styleMark(mark, options.color ?? DEFAULT_HIGHLIGHT_COLOR);
    node.before(mark);
    mark.append(node);
    marks.push(mark);
  }
  return { id: options.id, marks };
}

/** Unwraps the marks and joins back the text nodes Shelf split that now touch again. */
export function removeHighlight(handle: HighlightHandle): void {
  removeHighlights([handle]);
}

/**
 * Removes the highlights, in the order given, joining back split text nodes once at the end: joining
 * after each one read all the children of each mark's parent again, which made clearing many
 * highlights in one long text node quadratic.
 */
export function removeHighlights(handles: readonly HighlightHandle[]): void {
  const parents = new Set<Node>();
  for (const mark of handles.flatMap((handle) => handle.marks)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  for (const parent of parents) {
    for (let child = parent.firstChild; child; ) {
      const next = child.nextSibling;
      const previous = child.previousSibling;
      if (child.nodeType === TEXT_NODE && splitOff.has(child as Text) && previous?.nodeType === TEXT_NODE) {
        (previous as Text).appendData((child as Text).data);
        child.remove();
      }
      child = next;
    }
  }
}
