/**
 * What a page shows for its own editing and navigation, not part of the article: the "#", "¶" or
 * "🔗" link next to a heading, Wikipedia's "[edit]". Decided on the element as the page (or the
 * stored copy) has it, before the sanitizer removes classes.
 */
const HEADING = 'h1, h2, h3, h4, h5, h6';
/** Edit links: MediaWiki's section links, and links whose only job is editing the page. */
const EDIT_CLUTTER = /(?:^|\s)(?:mw-editsection|editsection|edit-section|edit-link)(?:\s|$)/;
/** A heading's self-link shows a symbol or nothing: "#", "¶", "§", "🔗", "link". */
const ANCHOR_TEXT = /^(?:[#¶§🔗⚓※]|link|permalink|anchor)?$/iu;

export function isPageClutter(element: Element): boolean {
  if (EDIT_CLUTTER.test(element.getAttribute('class') ?? '')) return true;
  if (element.localName !== 'a' || !element.parentElement?.closest(HEADING)) return false;
  const href = element.getAttribute('href')?.trim() ?? '';
  const text = (element.textContent ?? '').trim();
  if (/[?&]action=edit\b/.test(href) && /^\[?\s*edit\s*\]?$/i.test(text)) return true;
  return href.startsWith('#') && ANCHOR_TEXT.test(text);
}

/** The class tokens a code block keeps: its language (`language-ts`, `lang-py`), nothing else. */
const LANGUAGE_CLASS = /^(?:language|lang)-[\w+#.-]{1,40}$/;

export function keepCodeLanguage(element: Element): void {
  const classes = element.getAttribute('class');
  if (classes === null) return;
  const kept =
    element.localName === 'code' || element.localName === 'pre'
      ? classes.split(/\s+/).filter((token) => LANGUAGE_CLASS.test(token))
      : [];
  if (kept.length > 0) element.setAttribute('class', kept.join(' '));
  else element.removeAttribute('class');
}
