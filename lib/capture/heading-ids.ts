/**
 * A section's id made of its heading's words (docutils and Sphinx write "Example 1: Amend a shared
 * changeset" as `example-1-amend-a-shared-changeset`; Markdown renderers give headings ids the same
 * way) is not a class name, but Readability weighs it as one: "share", "related", "comment" or
 * "footer" in a heading dropped its section, prose and code. Such ids are set aside for the reading
 * and given back to the copy, whose table of contents links to them.
 */
const SET_ASIDE = 'data-shelf-heading-id';

/** A heading's words as an id: lower case, runs of anything but letters and digits one hyphen. */
function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The heading an element's id is made of: the element itself, or the heading it starts with. */
function namingHeading(element: Element): Element | null {
  if (/^h[1-6]$/.test(element.localName)) return element;
  const first = element.firstElementChild;
  return first && /^h[1-6]$/.test(first.localName) ? first : null;
}

/**
 * Whether a heading says a section's subject: two words or more ("Example 1: Amend a shared changeset").
 * One word (numbers aside: "Comments", "Related (3)", "Share") names a box's role, which is what
 * Readability reads an id for: set aside, readers' comments beside a post came into its copy.
 */
function namesSubject(heading: string): boolean {
  return (heading.match(/\p{L}+/gu) ?? []).length >= 2;
}

/** Moves ids made of their headings' words out of Readability's sight (on a clone of the page). */
export function setAsideHeadingIds(clone: Document): void {
  // The page's own marks of this name are no ids to give back.
  for (const element of clone.querySelectorAll(`[${SET_ASIDE}]`)) element.removeAttribute(SET_ASIDE);
  for (const element of clone.querySelectorAll('[id]')) {
    const heading = namingHeading(element)?.textContent ?? '';
    if (!namesSubject(heading) || element.id !== slugOf(heading)) continue;
    element.setAttribute(SET_ASIDE, element.id);
    element.removeAttribute('id');
  }
}

/** Gives the ids set aside back, in the article Readability made. */
export function restoreHeadingIds(content: Element): void {
  for (const element of content.querySelectorAll(`[${SET_ASIDE}]`)) {
    element.id = element.getAttribute(SET_ASIDE) ?? '';
    element.removeAttribute(SET_ASIDE);
  }
}
