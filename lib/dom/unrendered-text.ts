/**
 * Elements whose text `textContent` holds but a reader never sees: code, styles, what shows only
 * without scripts, an inert template. Every reading of a page's text leaves them out; some leave out
 * more, on purpose: a form field's text is no place for a highlight (`lib/annotations/text-model.ts`),
 * the Related box reads prose, not menus (`lib/related/page-text.ts`).
 */
export const UNRENDERED_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template']);

/** The text nodes under `root` a reader sees (none of an element above), in document order. */
export function* shownTextNodes(root: Node): Generator<Text> {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!UNRENDERED_TEXT_ELEMENTS.has(node.parentElement?.localName ?? '')) yield node as Text;
}
