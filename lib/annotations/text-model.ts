/**
 * The text that highlight offsets count, the same on a live page and in the reader:
 *
 * 1. the `data` of every Text node under the root, in document order, skipping everything inside
 *    `<script>`, `<style>`, `<noscript>`, `<template>` and `<textarea>` (never rendered as page
 *    text; a template's content is not even a descendant);
 * 2. every run of whitespace (JavaScript's `\s`, which includes no-break spaces) becomes one space;
 *    the start and end of a block element (`<p>`, `<li>`, `<td>`, …) and a `<br>` count as
 *    whitespace too, so `<p>a</p><p>b</p>` reads "a b" as it renders, not "ab";
 * 3. soft hyphens (U+00AD), zero-width spaces (U+200B) and word joiners (U+2060) are left out: they
 *    show nothing (a soft hyphen only where a line breaks), and pages add or drop them between two
 *    captures (a hyphenation script, a CMS breaking long words), which must not lose a highlight;
 * 4. the text never starts with a space, and offsets count UTF-16 code units of this string.
 *
 * Marks that wrap text (Shelf's highlights) and split text nodes leave this text unchanged, so
 * highlights anchor the same whether or not others are already drawn.
 */

import { UNRENDERED_TEXT_ELEMENTS } from '@/lib/dom/unrendered-text';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_POSITION_FOLLOWING = 4;
const DOCUMENT_POSITION_CONTAINED_BY = 16;

/** Elements whose text is not page text: a form field's is the user's, not the page's. */
const SKIPPED_ELEMENTS = new Set([...UNRENDERED_TEXT_ELEMENTS, 'textarea']);

/** Elements that start and end a line when rendered by default. */
export const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

export function isSkippedElement(element: Element): boolean {
  return SKIPPED_ELEMENTS.has(element.localName);
}

/** Applies rule 2 to a string that did not come from the DOM (a stored quote, prefix or suffix). */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The characters rule 3 leaves out, as a character class's contents: one list for both patterns below. */
const INVISIBLE_CHARACTERS = '\\u00AD\\u200B\\u2060';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`, 'g');

/**
 * Applies rules 2 and 3 to a string that did not come from the DOM: a stored quote, prefix or
 * suffix (one stored before rule 3 may hold soft hyphens), or a search's passage.
 */
export function asModelText(text: string): string {
  return collapseWhitespace(text.replace(INVISIBLE, ''));
}

/** A half-open interval [start, end) of a model's text. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface TextModel {
  readonly root: Element;
  readonly text: string;
  /** The part of the text a DOM range covers, clamped to the root (empty when outside it). */
  spanOfRange(range: Range): TextSpan;
  /**
   * A DOM range over the characters of `span` (which must lie within the text). Text nodes split
   * since the model was built (`Text.splitText`, as marks split them) are followed to the part that
   * now holds the character, so one model serves to draw many highlights one after another.
   */
  rangeOfSpan(span: TextSpan): Range;
}

/** The root's text nodes in document order, with `null` where a line breaks (a block starts or ends). */
function collectText(root: Element): Array<Text | null> {
  const sequence: Array<Text | null> = [];
  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        sequence.push(child as Text);
      } else if (child.nodeType === ELEMENT_NODE && !isSkippedElement(child as Element)) {
        const block = BLOCK_ELEMENTS.has((child as Element).localName);
        if (block) sequence.push(null);
        visit(child);
        if (block) sequence.push(null);
      }
    }
  };
  visit(root);
  return sequence;
}

/** The first text node after `node` in document order, within `root`. */
function nextTextNode(node: Node, root: Node): Text {
  for (let next: Node | null = node; next; ) {
    if (next.firstChild) next = next.firstChild;
    else {
      while (next && next !== root && !next.nextSibling) next = next.parentNode;
      next = next && next !== root ? next.nextSibling : null;
    }
    if (next?.nodeType === TEXT_NODE) return next as Text;
  }
  throw new Error('a text node the model read was changed other than by splitting it');
}

/**
 * The model's text alone (rules 1–4), without the offsets: what a saved copy is searched and
 * snippeted by, so that a passage search shows is one the reader finds ("interview</p><p>Mr" reads
 * "interview Mr", not "interviewMr").
 */
export function modelText(root: Element): string {
  const parts: string[] = [];
  for (const node of collectText(root)) parts.push(node === null ? ' ' : node.data);
  return asModelText(parts.join('')).trim();
}

/**
 * Where the text's characters come from, in runs: each segment is a word copied from one text node
 * (its characters map one to one), or a space standing for a whitespace run (raw length 1: its
 * first character) or for a line break (raw length 0, placed at the next character).
 */
interface Segments {
  start: number[];
  node: number[];
  offset: number[];
  rawLength: number[];
}

export function createTextModel(root: Element): TextModel {
  const sequence = collectText(root);
  const nodes = sequence.filter((node): node is Text => node !== null);
  /** Each node's length when read: a node that is shorter now was split, its rest in the text nodes after it. */
  const lengths = nodes.map((node) => node.data.length);
  const indexOfNode = new Map<Node, number>(nodes.map((node, k) => [node, k]));
  const segments: Segments = { start: [], node: [], offset: [], rawLength: [] };
  const pieces: string[] = [];
  let length = 0;
  const addSegment = (piece: string, k: number, offset: number, rawLength: number) => {
    segments.start.push(length);
    segments.node.push(k);
    segments.offset.push(offset);
    segments.rawLength.push(rawLength);
    pieces.push(piece);
    length += piece.length;
  };

  let pendingSpace = false;
  let spaceNode = -1; // where the pending space's whitespace began; -1 for a line break
  let spaceOffset = 0;
  let k = -1;
  // Runs of visible characters; between two of them, whitespace is a space and invisible characters nothing.
  const words = new RegExp(`[^\\s${INVISIBLE_CHARACTERS}]+`, 'g');
  const whitespace = /\s/g;
  /** Index of the first whitespace character of data[from, to), or -1. */
  const whitespaceIn = (data: string, from: number, to: number) => {
    whitespace.lastIndex = from;
    const found = whitespace.exec(data);
    return found && found.index < to ? found.index : -1;
  };
  for (const node of sequence) {
    if (node === null) {
      pendingSpace = true;
      continue;
    }
    k++;
    const data = node.data;
    words.lastIndex = 0;
    let previousEnd = 0;
    for (let match = words.exec(data); match; match = words.exec(data)) {
      const gapSpace = whitespaceIn(data, previousEnd, match.index);
      if (gapSpace >= 0 && (!pendingSpace || spaceNode < 0)) {
        [pendingSpace, spaceNode, spaceOffset] = [true, k, gapSpace];
      }
      if (pendingSpace && length > 0) {
        if (spaceNode >= 0) addSegment(' ', spaceNode, spaceOffset, 1);
        else addSegment(' ', k, match.index, 0);
      }
      [pendingSpace, spaceNode] = [false, -1];
      addSegment(match[0], k, match.index, 1);
      previousEnd = match.index + match[0].length;
    }
    const trailingSpace = whitespaceIn(data, previousEnd, data.length);
    if (trailingSpace >= 0 && (!pendingSpace || spaceNode < 0)) {
      [pendingSpace, spaceNode, spaceOffset] = [true, k, trailingSpace];
    }
  }
  const text = pieces.join('');
  const segmentCount = segments.start.length;
  const at = (list: number[], index: number) => list[index] as number;

  /** The segment holding character `index`. */
  const segmentOf = (index: number): number => {
    let low = 0;
    let high = segmentCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (at(segments.start, mid) <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  /**
   * Parts of split nodes found so far, by node, in order of where they start in it: splitting only
   * shortens a part, so each still starts there. Walking from the node's first part each time made
   * drawing many highlights in one long text node (a 200,000-character `<pre>`) quadratic.
   */
  const knownParts = new Map<number, { starts: number[]; parts: Text[] }>();

  /**
   * The text node that now holds character `offset` of node k as it was read, and the offset there:
   * splitting keeps the first part in the node and puts the rest in new nodes right after it in
   * document order (marks wrapped around parts add no text between them).
   */
  const partHolding = (k: number, offset: number): [Text, number] => {
    const node = nodes[k] as Text;
    if (node.data.length === at(lengths, k)) return [node, offset];
    let known = knownParts.get(k);
    if (!known) {
      known = { starts: [0], parts: [node] };
      knownParts.set(k, known);
    }
    // From the last part known to start at or before the offset.
    let low = 0;
    let high = known.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (at(known.starts, mid) <= offset) low = mid;
      else high = mid - 1;
    }
    let part = known.parts[low] as Text;
    let start = at(known.starts, low);
    while (offset - start >= part.data.length) {
      start += part.data.length;
      part = nextTextNode(part, root);
    }
    if (start !== at(known.starts, low)) {
      known.starts.splice(low + 1, 0, start);
      known.parts.splice(low + 1, 0, part);
    }
    return [part, offset - start];
  };

  /** The DOM point where character `index` starts, or (with `after`) ends. */
  const pointOf = (index: number, after: boolean): [Text, number] => {
    const s = segmentOf(index);
    // A source character (the boundary after it is in the same node, whichever way it was split since).
    const [node, offset] = partHolding(at(segments.node, s), at(segments.offset, s) + (index - at(segments.start, s)));
    return [node, after ? offset + at(segments.rawLength, s) : offset];
  };

  /** Index of the first character whose source is at or after (node k, offset). */
  const indexAt = (k: number, offset: number): number => {
    // The first segment whose last character's source is at or after the point.
    let low = 0;
    let high = segmentCount;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const node = at(segments.node, mid);
      const last = at(segments.offset, mid) + (segmentEnd(mid) - at(segments.start, mid)) - 1;
      if (node < k || (node === k && last < offset)) low = mid + 1;
      else high = mid;
    }
    if (low === segmentCount) return text.length;
    const skipped = at(segments.node, low) === k ? Math.max(0, offset - at(segments.offset, low)) : 0;
    return at(segments.start, low) + skipped;
  };
  const segmentEnd = (s: number) => (s + 1 < segmentCount ? at(segments.start, s + 1) : text.length);

  /** Index of the first text node of the model for which `isAtOrAfter` holds (they are in order). */
  const firstNodeWhere = (isAtOrAfter: (node: Text) => boolean): number => {
    let low = 0;
    let high = nodes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (isAtOrAfter(nodes[mid] as Text)) high = mid;
      else low = mid + 1;
    }
    return low;
  };

  /** Text index of a DOM boundary point (container, offset), which may lie outside the root. */
  const indexOfPoint = (container: Node, offset: number): number => {
    const k = indexOfNode.get(container);
    if (k !== undefined) return indexAt(k, offset);
    const child = container.nodeType === TEXT_NODE ? null : (container.childNodes[offset] ?? null);
    const first = child
      ? // The point is just before `child`: the first text node that is `child`, in it or after it.
        firstNodeWhere(
          (node) => node === child || (child.compareDocumentPosition(node) & DOCUMENT_POSITION_FOLLOWING) !== 0,
        )
      : // The point is at the end of `container` (or inside a skipped text node): after its subtree.
        firstNodeWhere((node) => {
          const position = container.compareDocumentPosition(node);
          return (position & DOCUMENT_POSITION_FOLLOWING) !== 0 && (position & DOCUMENT_POSITION_CONTAINED_BY) === 0;
        });
    return indexAt(first, 0);
  };

  return {
    root,
    text,
    spanOfRange(range) {
      const start = indexOfPoint(range.startContainer, range.startOffset);
      const end = indexOfPoint(range.endContainer, range.endOffset);
      return { start, end: Math.max(start, end) };
    },
    rangeOfSpan({ start, end }) {
      if (start < 0 || end > text.length || start > end) {
        throw new RangeError(`span ${start}–${end} is outside the text (length ${text.length})`);
      }
      const range = (root.ownerDocument as Document).createRange();
      if (start === text.length) {
        const k = nodes.length - 1;
        if (k < 0) range.selectNodeContents(root);
        else if (at(lengths, k) === 0) range.setStart(nodes[k] as Text, 0);
        else {
          // The end of the last node's last part.
          const [part, offset] = partHolding(k, at(lengths, k) - 1);
          range.setStart(part, offset + 1);
        }
        return range;
      }
      range.setStart(...pointOf(start, false));
      if (end > start) range.setEnd(...pointOf(end - 1, true));
      return range;
    },
  };
}
