/**
 * What every id a copy keeps starts with (DOMPurify's SANITIZE_NAMED_PROPS, with a prefix of Shelf's):
 * no id of a copy can then be one of the reader's own (`reader-title`, `root`, React's), a global's
 * or a property's name (`__proto__`, `location`), so a copy can neither shadow the reader's elements
 * nor clobber its globals. No id of the reader starts with it. The sanitizer keeps only the ids of
 * places a link in the copy goes to; the reader follows those links (reader-links.ts).
 */
export const COPY_ID_PREFIX = 'shelf-copy-';
