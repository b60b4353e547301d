import { type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes, defaultTreeAdapter, parse, serialize } from 'parse5';
import { escapeHtml } from '@/lib/dom/escape-html';

/**
 * HTML text from outside (a backup's copy, an imported page, a bookmarks file) as a browser may
 * safely parse it: elements nested deeper than `MAX_MARKUP_DEPTH` lose their tags, never their text;
 * links among them stay links (holding only their text, one level beneath the bound), and `<dd>`s
 * descriptions: a bookmarks file's folders may nest that deep (Chromium exports them so), and its links
 * and their descriptions are what it is read for.
 * Chromium's parser builds no deeper than 512 levels, but reaching that bound costs it time
 * quadratic in the nesting: its DOMParser spent 45 s on one backup copy nested 100,000 `<div>`s
 * deep, all of it in one task.
 *
 * The depth is the one a browser would build: parse5 parses by the HTML standard (scripting off,
 * as in DOMParser), in time linear in the nesting, so no misnested, commented or foreign-content
 * trick nests deeper than counted. A scan of the tags was tried first and could be fooled both
 * ways (a review found a dozen inputs it undercounted, and sloppy tables it flattened for nothing).
 * Chromium builds 513 levels (<html> is 1); this keeps 512.
 */
export const MAX_MARKUP_DEPTH = 512;

/**
 * Elements parse5 may create per start tag of the markup (plus a few for the page's frame): the
 * standard reopens unclosed formatting elements in every paragraph, so 12 kB of "<b>"s and "<p>"s
 * make millions of elements (and, serialized, 37 MB that Chromium took 48 s to parse). Real pages
 * create about one element per start tag.
 */
const ELEMENTS_PER_START_TAG = 4;
const FRAME_ELEMENTS = 1000;

/** Markup that makes a parser build far more elements than it has tags. */
class ElementBudgetError extends Error {}

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

function startTagCount(html: string): number {
  let count = 0;
  for (const _ of html.matchAll(/<[a-zA-Z]/g)) count++;
  return count;
}

/** The document parse5 builds, or null past the element budget. */
function parseWithinBudget(html: string, startTags: number): DefaultTreeAdapterTypes.Document | null {
  const budget = startTags * ELEMENTS_PER_START_TAG + FRAME_ELEMENTS;
  let created = 0;
  const treeAdapter: typeof defaultTreeAdapter = {
    ...defaultTreeAdapter,
    createElement(...args) {
      if (++created > budget) throw new ElementBudgetError();
      return defaultTreeAdapter.createElement(...args);
    },
  };
  try {
    return parse<DefaultTreeAdapterMap>(html, { scriptingEnabled: false, treeAdapter });
  } catch (error) {
    if (error instanceof ElementBudgetError) return null;
    throw error;
  }
}

/** Markup as plain text (its tags gone, what is left escaped): what a budget-breaking file keeps. */
function asPlainText(html: string): string {
  return `<p>${escapeHtml(html.replace(/<[^>]*>?/g, ' '))}</p>`;
}

function isElement(node: ChildNode): node is Element {
  return 'tagName' in node;
}

/** What holds a node's children: itself, or a template's content (a fragment parsed, and nested, under it). */
function holderOf(node: ParentNode): ParentNode {
  return 'tagName' in node && node.tagName === 'template' && 'content' in node
    ? (node as DefaultTreeAdapterTypes.Template).content
    : node;
}

/**
 * The markup, its elements past `maxDepth` (counted from the document, as a browser counts) replaced
 * by what they hold; the very same string when nothing is that deep.
 */
export function capMarkupDepth(html: string, maxDepth = MAX_MARKUP_DEPTH): string {
  // Fewer start tags than the bound: implied elements (tbody, tr) can at most double the depth, and
  // a browser parses that quickly. The text comes back untouched, unparsed.
  const startTags = startTagCount(html);
  if (startTags < maxDepth) return html;
  const document = parseWithinBudget(html, startTags);
  if (!document) return asPlainText(html);
  // parse5 reads a <select> by the older rules (tags in it other than options dropped), Chromium by
  // the newer (they nest): where a select holds such tags, the serialized one is what both read alike.
  let changed = hasTagsInsideSelect(html);
  // Iterative: a tree 100,000 levels deep overflows no stack. A node's children at the bound are
  // replaced by the nodes that are not elements beneath them, in document order.
  const walk: Array<{ node: ParentNode; depth: number }> = [{ node: document, depth: 0 }];
  while (walk.length > 0) {
    const { node, depth } = walk.pop() as { node: ParentNode; depth: number };
    const holder = holderOf(node);
    if (depth >= maxDepth) {
      if (holder.childNodes.some(isElement)) {
        changed = true;
        holder.childNodes = nonElementsBeneath(holder);
        for (const child of holder.childNodes) child.parentNode = holder;
      }
      continue;
    }
    for (const child of holder.childNodes) if (isElement(child)) walk.push({ node: child, depth: depth + 1 });
  }
  // Scripting off, as it was parsed: with it on, a <noscript>'s text is written unescaped, and the
  // browser would read its "&lt;div&gt;"s as tags.
  return changed ? serialize(document, { scriptingEnabled: false }) : html;
}

/** Whether a <select> in the markup holds start tags other than options, option groups and rules. */
function hasTagsInsideSelect(html: string): boolean {
  let openedAt = -1;
  const inside = (from: number, to: number) => /<(?!(?:option|optgroup|hr)[\s/>])[a-zA-Z]/i.test(html.slice(from, to));
  // Each stretch of markup is read once, however the selects nest or go unclosed.
  for (const { 0: tag, index } of html.matchAll(/<\/?select[\s/>]/gi)) {
    if (tag[1] !== '/') {
      if (openedAt < 0) openedAt = index + tag.length;
    } else if (openedAt >= 0) {
      if (inside(openedAt, index)) return true;
      openedAt = -1;
    }
  }
  return openedAt >= 0 && inside(openedAt, html.length);
}

/**
 * What stays an element past the bound, holding only its text: an HTML link (`<a href>`, not SVG's `<a>`),
 * and a description list's description (a bookmarks file's `<DD>`: a bookmark's description, its note).
 */
function isKeptPastBound(node: Element): boolean {
  if (node.namespaceURI !== 'http://www.w3.org/1999/xhtml') return false;
  return node.tagName === 'dd' || (node.tagName === 'a' && node.attrs.some((attr) => attr.name === 'href'));
}

/**
 * The text and comments beneath a node, in document order, without the elements around them; with
 * `keepingLinks`, the links (and descriptions) beneath too, each holding only its own text (so one level
 * deep at most).
 */
function nonElementsBeneath(node: ParentNode, keepingLinks = true): ChildNode[] {
  const kept: ChildNode[] = [];
  const pending: ChildNode[] = [...node.childNodes].reverse();
  while (pending.length > 0) {
    const child = pending.pop() as ChildNode;
    if (!isElement(child)) {
      kept.push(child);
      continue;
    }
    if (keepingLinks && isKeptPastBound(child)) {
      child.childNodes = nonElementsBeneath(child, false);
      for (const inner of child.childNodes) inner.parentNode = child;
      kept.push(child);
      continue;
    }
    const beneath = holderOf(child).childNodes;
    for (let at = beneath.length - 1; at >= 0; at--) pending.push(beneath[at] as ChildNode);
  }
  return kept;
}

/**
 * HTML text from a file or a backup as an inert document (DOMParser runs no script and loads
 * nothing), nested no deeper than `MAX_MARKUP_DEPTH`.
 */
export function parseInertHtml(html: string, win: Window & typeof globalThis = window): Document {
  return new win.DOMParser().parseFromString(capMarkupDepth(html), 'text/html');
}
