import { countWords } from '@/lib/search/text';

/**
 * A page's own controls beside its words: a carousel's "Next", a "Share" or "Show more" button, and the
 * toggle of an accordion or disclosure, whose words are its section's title. A copy keeps no control; it
 * keeps a title as text.
 */

/** What shows without words: a picture, a drawing, a formula, a player. */
export const MEDIA = 'img, picture, svg, math, video, audio, iframe, object, embed, canvas';
/** A control's label is a few words ("Next", "Show more", "Load more comments"); a title or a sentence says more. */
const MAX_CONTROL_WORDS = 4;
/** What holds the page's words as a block of its own: a link around one wraps content, not a label. */
const BLOCK =
  'p, div, section, article, aside, header, footer, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, table, figure, blockquote, pre';
/** Content a control does not hold: a photo or a formula (an icon is an SVG, or nothing). */
const PICTURE = 'img, picture, video, audio, math, canvas';
/** Where a link's words are a title: a heading, a definition list's term (an FAQ's question), a `<details>`' summary. */
const TITLE = 'h1, h2, h3, h4, h5, h6, dt, summary';

export const isButtonRole = (element: Element) => element.getAttribute('role')?.trim().toLowerCase() === 'button';

/**
 * A control of the page's own (a carousel's "Next"), for a link into the page that says it is a
 * button: only its label goes. Pages also make such a link the toggle of an expandable section (an
 * accordion's question, "<a href="#" role="button" class="expand">" around a paragraph or a
 * heading), and dropping it lost those words. So a link holding a block with words or a picture,
 * one inside a heading, a term or a summary (its text is their title), or one of more than a few words is
 * content: it stays, and the sanitizer keeps its words as text (a link into the page goes nowhere in a copy).
 * A short label in a sentence's block or a list of buttons ("Next", "Load more") is still dropped:
 * kept, it is a button that does nothing; dropped wrongly, a few words are lost, not a section. A short
 * toggle titling a section the copy keeps is made a title first (`markDisclosureTitles`).
 */
export function isPageControl(link: Element): boolean {
  if (link.parentElement?.closest(TITLE)) return false;
  if (link.querySelector(PICTURE)) return false;
  for (const block of link.querySelectorAll(BLOCK)) if ((block.textContent ?? '').trim()) return false;
  return countWords(link.textContent ?? '') <= MAX_CONTROL_WORDS;
}

/**
 * A toggle Shelf takes for an accordion's or disclosure's title, as it passes the page's clone through
 * Readability (which drops every `<button>`, and unwraps the section's box, id and all): a `<span>` with
 * this mark, `role="button"` and the toggle's `aria-controls`. The sanitizer keeps its words, as text, only
 * if the copy still has its section (`isDroppedToggle`).
 */
const TOGGLE_MARK = 'data-shelf-toggle';
const TOGGLE_ATTRIBUTES = ['aria-controls', 'aria-expanded'];

/**
 * Marks, in a page's clone before Readability reads it, the toggles that title a section (FAQ pages'
 * "<a href="#" role="button" aria-controls="a1">Pricing</a><div id="a1">…", docs' "<button
 * aria-expanded="true" aria-controls="s2">Installation steps</button>" before its section, the ARIA
 * accordion's `<h3><button …>`): a `<button>`, or a short link into the page posing as one, that says
 * something other than a control's label and opens a section the page shows (`opensSection`). Dropped,
 * the copy showed each answer without its question; a button that is a control ("Share", "Show
 * more", an icon) or opens nothing shown stays as it was, and goes.
 */
export function markDisclosureTitles(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  // The page's own marks would pass a control as a title: only Shelf's count.
  for (const marked of body.querySelectorAll(`[${TOGGLE_MARK}]`)) marked.removeAttribute(TOGGLE_MARK);
  // A hostile page's thousands of toggles of one section read it once, and each box climbed out of once.
  const shows = sectionReader();
  const hidden = hiddenReader();
  const toggles = body.querySelectorAll(
    'button[aria-controls], button[aria-expanded], a[role][aria-controls], a[role][aria-expanded]',
  );
  for (const toggle of toggles) {
    if (toggle.localName === 'a' && !(isButtonRole(toggle) && isShortLinkIntoPage(toggle))) continue;
    if (!isTitleLabel(toggle.textContent ?? '')) continue;
    if (!toggle.parentElement?.closest(TITLE) && !opensSection(toggle, shows, hidden)) continue;
    const span = doc.createElement('span');
    span.setAttribute(TOGGLE_MARK, '');
    // Still a button to the sign-up box's rule (`markWidgetClutter`); no `aria-expanded`, which a copy's text would keep.
    span.setAttribute('role', 'button');
    // The ids read here, for the sanitizer to read the same (a page's list may be megabytes long).
    if (toggle.hasAttribute('aria-controls')) span.setAttribute('aria-controls', controlledIds(toggle).join(' '));
    span.append(...toggle.childNodes);
    // A toggle's drawing is its chevron or plus sign, not part of the title.
    for (const icon of span.querySelectorAll('svg')) icon.remove();
    toggle.replaceWith(span);
  }
}

/** A link into the page that `isPageControl` would drop: a longer one, or one without an address, keeps its words anyway. */
function isShortLinkIntoPage(link: Element): boolean {
  return (link.getAttribute('href')?.trim().startsWith('#') ?? false) && isPageControl(link);
}

/**
 * Whether a marked toggle goes from the copy: unless in a heading, term or summary, it stays only while
 * the copy keeps a section it opens (Readability may have left that out).
 */
export function isDroppedToggle(element: Element): boolean {
  if (!element.hasAttribute(TOGGLE_MARK)) return false;
  return !element.parentElement?.closest(TITLE) && !opensSection(element, copySections(element.ownerDocument), null);
}

/**
 * Sections of a copy read for `isDroppedToggle`, by the document being sanitized (a new one each pass): a
 * copy (a backup, an Omnivore zip) marking thousands of toggles of one section read it once.
 */
const readSections = new WeakMap<Document, (section: Element) => boolean>();

function copySections(doc: Document): (section: Element) => boolean {
  const known = readSections.get(doc) ?? sectionReader();
  readSections.set(doc, known);
  return known;
}

/** Whether a section shows something (`showsSomething`), each section read once. */
function sectionReader(): (section: Element) => boolean {
  const read = new Map<Element, boolean>();
  return (section) => {
    const known = read.get(section) ?? showsSomething(section);
    read.set(section, known);
    return known;
  };
}

/**
 * What a control's label opens with, whatever follows: "Share on Mastodon", "Copy link", "Close", "Menu",
 * "More". A title rarely does; one that does is lost, as every such title was before.
 */
const CONTROL_WORD = /^(?:share|copy|print|close|dismiss|cancel|menu|tweet|more|less)$/;
/** A control's verb, when only `GENERIC_WORDS` (or numbers) follow it: "Show more", "Load 12 comments", "Expand all". */
const CONTROL_VERB = new Set(
  'show hide see view read load expand collapse open toggle reply next previous prev back skip play pause sort filter search subscribe follow'.split(
    ' ',
  ),
);
const GENERIC_WORDS = new Set(
  'more less all everything comments comment replies reply answer answers details the this a article page post story full text code link menu navigation nav section sections content rest of on off in up down it items results options settings transcript summary info information to now'.split(
    ' ',
  ),
);

/** Whether a toggle's words can be a title: some words, and not a control's label ("Show more"). */
function isTitleLabel(text: string): boolean {
  if (countWords(text) === 0) return false;
  const [first = '', ...rest] = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (CONTROL_WORD.test(first)) return false;
  return !(CONTROL_VERB.has(first) && rest.every((word) => GENERIC_WORDS.has(word) || /^\d+$/.test(word)));
}

/** Ids of an `aria-controls` list read: a toggle names one section, a tab list a few; a hostile page, millions. */
const MAX_CONTROLLED_IDS = 4;

/** The first ids a toggle's `aria-controls` names (`MAX_CONTROLLED_IDS`), read without splitting the rest. */
function controlledIds(toggle: Element): string[] {
  const controls = toggle.getAttribute('aria-controls')?.trim();
  return controls ? [...new Set(controls.split(/\s+/, MAX_CONTROLLED_IDS))] : [];
}

/**
 * Whether a toggle opens a section with something shown: the one its `aria-controls` names, or, with
 * `aria-expanded` alone, the one right after its line. On the page (given `hidden`), that section must be
 * one Readability keeps (not hidden); in the copy (`hidden` null), where Readability may have unwrapped
 * the named box (its id gone), the section after the toggle's line is it.
 */
function opensSection(
  toggle: Element,
  shows: (section: Element) => boolean,
  hidden: ((element: Element) => boolean) | null,
): boolean {
  const ids = controlledIds(toggle);
  const named = ids.some((id) => {
    const section = toggle.ownerDocument.getElementById(id);
    // A box holding its toggle is what it closes (a dialog's "Close"), not a section it titles.
    return section !== null && !section.contains(toggle) && shows(section) && !hidden?.(section);
  });
  if (named) return true;
  if (hidden && ids.length > 0) return false;
  if (!hidden || toggle.hasAttribute('aria-expanded')) {
    const after = sectionAfter(toggle);
    return after !== null && shows(after) && !hidden?.(after);
  }
  return false;
}

/**
 * Whether an element is hidden as Readability sees it (it leaves such an element out), by itself or a box
 * around it; each box read once (thousands of toggles' sections deep in one box climbed it each).
 */
function hiddenReader(): (element: Element) => boolean {
  const known = new Map<Element, boolean>();
  const hides = (at: Element) => {
    if (at.hasAttribute('hidden') || at.getAttribute('aria-hidden') === 'true') return true;
    const style = (at as HTMLElement).style;
    return style?.display === 'none' || style?.visibility === 'hidden';
  };
  return (element) => {
    const climbed: Element[] = [];
    let answer = false;
    for (let at: Element | null = element; at; at = at.parentElement) {
      const seen = known.get(at);
      if (seen !== undefined) {
        answer = seen;
        break;
      }
      climbed.push(at);
      if (hides(at)) {
        answer = true;
        break;
      }
    }
    // Every box climbed through has the answer of the first one that settled it.
    for (const at of climbed) known.set(at, answer);
    return answer;
  };
}

/** A toggle, marked or as the page has it (the next question's, after an answer Readability leaves out). */
const isToggle = (element: Element) =>
  element.hasAttribute(TOGGLE_MARK) ||
  ((element.localName === 'button' || isButtonRole(element)) &&
    TOGGLE_ATTRIBUTES.some((name) => element.hasAttribute(name)));

/** Nodes looked at around a toggle for its line and the section after it: a hostile page's thousands are not read. */
const MAX_TOGGLE_NEIGHBOURS = 4;
/** Boxes climbed out of, from a toggle alone in its box (a FAQ's question box) to the line beside its section. */
const MAX_TOGGLE_BOXES = 3;

/** The element right after a toggle's line (the toggle, or the boxes it is alone in), or null if words come first. */
function sectionAfter(toggle: Element): Element | null {
  let line = toggle;
  for (let up = 0; up < MAX_TOGGLE_BOXES && line.parentElement && isAloneInBox(line); up++) line = line.parentElement;
  let node = line.nextSibling;
  for (let read = 0; node && read < MAX_TOGGLE_NEIGHBOURS; read++, node = node.nextSibling) {
    if (node.nodeType === 1 /* Node.ELEMENT_NODE */) return node as Element;
    if (node.nodeType === 3 /* Node.TEXT_NODE */ && node.nodeValue?.trim()) return null;
  }
  return null;
}

/** Whether an element's siblings show nothing (blank text and comments only, within a few nodes each side). */
function isAloneInBox(element: Element): boolean {
  for (const side of ['previousSibling', 'nextSibling'] as const) {
    let node = element[side];
    for (let read = 0; node; read++, node = node[side]) {
      if (read >= MAX_TOGGLE_NEIGHBOURS || node.nodeType === 1 || (node.nodeType === 3 && node.nodeValue?.trim()))
        return false;
    }
  }
  return true;
}

/** Nodes read into a section for something shown: past them, it is taken to show something (its title stays). */
const MAX_SECTION_NODES = 64;

/**
 * Whether a section shows words or media besides toggles (the next question's, when Readability left
 * out the answer), read up to MAX_SECTION_NODES nodes. A picture alone is no section: a toggle of one
 * (Firefox's "Preview yellow theme" of its theme's image) is a control.
 */
function showsSomething(section: Element): boolean {
  if (isToggle(section) || section.matches(MEDIA)) return false;
  const walker = section.ownerDocument.createTreeWalker(section, 5 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */);
  let read = 0;
  let node: Node | null = walker.nextNode();
  while (node) {
    if (++read > MAX_SECTION_NODES) return true;
    if (node.nodeType === 3) {
      if (node.nodeValue?.trim()) return true;
    } else if (isToggle(node as Element)) {
      node = walker.nextSibling() ?? nextOutside(walker, section);
      continue;
    } else if ((node as Element).matches(MEDIA)) return true;
    node = walker.nextNode();
  }
  return false;
}

/** The walker's next node after the subtree it is on, within `root`. */
function nextOutside(walker: TreeWalker, root: Node): Node | null {
  while (walker.currentNode !== root && walker.parentNode()) {
    if (walker.currentNode === root) return null;
    const next = walker.nextSibling();
    if (next) return next;
  }
  return null;
}
