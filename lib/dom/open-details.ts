/**
 * Opens every closed `<details>` that holds `element`, up to `root`: a passage or highlight scrolled
 * to inside one would otherwise be marked but unseen, and could not take the focus.
 */
export function openDetailsAround(element: Element, root: Element): void {
  for (let node = element.parentElement; node && node !== root; node = node.parentElement)
    if (node.localName === 'details') (node as HTMLDetailsElement).open = true;
}
