import { type DefaultTreeAdapterTypes, parse, serialize } from 'parse5';

/**
 * HTML text from outside (a backup's copy, an imported page, a bookmarks file) as a browser may
 * safely parse it: elements nested deeper than `MAX_MARKUP_DEPTH` lose their tags, never their text.
 * Chromium's parser builds no deeper than 512 levels, but reaching that bound costs it time
 * quadratic in the nesting: its DOMParser spent 45 s on one backup copy nested 100,000 `<div>`s
 * deep, all of it in one task.
 *
 * The depth is the one a browser would build: parse5 parses by the HTML standard (scripting off,
 * as in DOMParser), in time linear in the nesting, so no misnested, commented or foreign-content
 * trick nests deeper than counted. A scan of the tags was tried first and could be fooled both
 * ways (a review found a dozen inputs it undercounted, and sloppy tables it flattened for nothing).
 */
export const MAX_MARKUP_DEPTH = 512;

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Fewer start tags than this cannot nest that deep: the text is given back untouched, unparsed. */
function startTagCount(html: string, atLeast: number): number {
  let count = 0;
  for (const _ of html.matchAll(/<[a-zA-Z]/g)) if (++count >= atLeast) break;
  return count;
}

function isElement(node: ChildNode): node is Element {
  return 'tagName' in node;
}

/**
 * The markup, its elements past `maxDepth` (counted from the document, as a browser counts) replaced
 * by what they hold; the very same string when nothing is that deep.
 */
export function capMarkupDepth(html: string, maxDepth = MAX_MARKUP_DEPTH): string {
  if (startTagCount(html, maxDepth) < maxDepth) return html;
  const document = parse(html, { scriptingEnabled: false });
  let changed = false;
  // Iterative: a tree 100,000 levels deep overflows no stack. A node's children at the bound are
  // replaced by the nodes that are not elements beneath them, in document order.
  const walk: Array<{ node: ParentNode; depth: number }> = [{ node: document, depth: 0 }];
  while (walk.length > 0) {
    const { node, depth } = walk.pop() as { node: ParentNode; depth: number };
    if (depth >= maxDepth) {
      const kept = nonElementsBeneath(node);
      if (kept.length !== node.childNodes.length || kept.some((child, at) => child !== node.childNodes[at])) {
        changed = true;
        for (const child of kept) child.parentNode = node;
        node.childNodes = kept;
      }
      continue;
    }
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      walk.push({ node: child, depth: depth + 1 });
      // A template's content is a fragment of its own, parsed (and nested) under the template.
      if (child.tagName === 'template' && 'content' in child)
        walk.push({ node: (child as DefaultTreeAdapterTypes.Template).content, depth: depth + 1 });
    }
  }
  return changed ? serialize(document) : html;
}

/** The text and comments beneath a node, in document order, without the elements around them. */
function nonElementsBeneath(node: ParentNode): ChildNode[] {
  const kept: ChildNode[] = [];
  const pending: ChildNode[] = [...node.childNodes].reverse();
  while (pending.length > 0) {
    const child = pending.pop() as ChildNode;
    if (!isElement(child)) {
      kept.push(child);
      continue;
    }
    const beneath =
      child.tagName === 'template' && 'content' in child
        ? (child as DefaultTreeAdapterTypes.Template).content.childNodes
        : child.childNodes;
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
