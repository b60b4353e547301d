/**
 * Of elements in document order (as `querySelectorAll` gives them), those inside none of the others: a
 * nested one is read as part of its outer one. One containment check each, against the last kept, so
 * a hostile page's thousands of nested elements are not each walked up to the top.
 */
export function outermost(elements: Iterable<Element>): Element[] {
  const kept: Element[] = [];
  for (const element of elements) {
    const last = kept.at(-1);
    if (!last?.contains(element)) kept.push(element);
  }
  return kept;
}
