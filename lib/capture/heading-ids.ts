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

const HEADING = /^h[1-6]$/;

/**
 * The heading an element's id is made of: the element itself, or the heading it starts with, past
 * empty elements (Sphinx puts a link target, `<span id="extra-niceties"></span>`, before it).
 */
function namingHeading(element: Element): Element | null {
  if (HEADING.test(element.localName)) return element;
  let first = element.firstElementChild;
  while (first && !HEADING.test(first.localName) && !first.textContent?.trim()) first = first.nextElementSibling;
  return first && HEADING.test(first.localName) ? first : null;
}

/**
 * Whether an id is a heading's words (`slugOf`), alone or after a prefix of a letter or two (Django's
 * manual writes "Extra niceties" as `s-extra-niceties`, and Readability dropped the section as "extra").
 * No longer prefix: `related-posts-you-may-like` is a box's role before its heading's words.
 */
function isHeadingSlug(id: string, heading: string): boolean {
  const slug = slugOf(heading);
  const prefix = /^[a-z]{1,2}-/.exec(id)?.[0];
  return id === slug || (prefix !== undefined && id === `${prefix}${slug}`);
}

/**
 * Whether a heading says a section's subject: two words or more ("Example 1: Amend a shared changeset").
 * One word (numbers aside: "Comments", "Related (3)", "Share") names a box's role, which is what
 * Readability reads an id for: set aside, readers' comments beside a post came into its copy.
 */
function namesSubject(heading: string): boolean {
  return (heading.match(/\p{L}+/gu) ?? []).length >= 2;
}

/**
 * Words for which Readability weighs an id up, as its article's (its `positive` pattern): such an id is
 * left in sight, or the section loses that weight ("Allowed disabling server-side cursors on PostgreSQL"
 * fell out of Django's 1.11.1 release notes).
 */
const READ_AS_CONTENT = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;

/**
 * An id DocBook writes for a section, in capitals ("SQL-FOR-UPDATE-SHARE" for PostgreSQL's "The Locking
 * Clause"): a reference's name, not a box's role, though it holds none of its heading's words (QA pass:
 * Readability read its "SHARE" as a share box and dropped the section, 900 words and 5 code blocks).
 * Pages name their boxes in lower case.
 */
const REFERENCE_ID = /^[A-Z][A-Z0-9]*(?:[-_.][A-Z0-9]+)+$/;

/** Moves ids made of their headings' words out of Readability's sight (on a clone of the page). */
export function setAsideHeadingIds(clone: Document): void {
  // The page's own marks of this name are no ids to give back.
  for (const element of clone.querySelectorAll(`[${SET_ASIDE}]`)) element.removeAttribute(SET_ASIDE);
  for (const element of clone.querySelectorAll('[id]')) {
    const heading = namingHeading(element)?.textContent ?? '';
    const named = isHeadingSlug(element.id, heading) || REFERENCE_ID.test(element.id);
    if (!namesSubject(heading) || !named || READ_AS_CONTENT.test(element.id)) continue;
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
