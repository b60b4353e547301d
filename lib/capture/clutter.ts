import { HIDDEN_BY_STYLE_MARK } from '@/lib/capture/hidden-by-style';
import { isButtonRole, isDroppedToggle, isPageControl, MEDIA } from '@/lib/capture/page-controls';
import { outermost } from '@/lib/dom/outermost';
import { shownTextNodes, UNRENDERED_TEXT_ELEMENTS } from '@/lib/dom/unrendered-text';
import { countWords } from '@/lib/search/text';

/**
 * What a page shows for its own editing and navigation, not part of the article: the "#", "¶" or
 * "🔗" link next to a heading, Wikipedia's "[edit]", a skip link, a carousel's "Next" (a figure's
 * hidden "Photo" label is replaced by a space instead: `isHiddenFigureLabel`). Decided on the element
 * as the page (or the stored copy) has it, before the sanitizer removes its classes.
 */
const HEADING = 'h1, h2, h3, h4, h5, h6';
/**
 * Where a self-link "¶" stands beside a name: a heading, or a definition list's term (QA pass: Sphinx's
 * "int.bit_length()¶", 218 times in Python's "Built-in Types", and texinfo's "ffi_type_void ¶").
 */
const NAMED_PLACE = `${HEADING}, dt`;
/** Edit links: MediaWiki's section links, and links whose only job is editing the page. */
const EDIT_CLUTTER = /(?:^|\s)(?:mw-editsection|editsection|edit-section|edit-link)(?:\s|$)/;
/** A heading's self-link shows a symbol or nothing: "#", "¶", "§", "🔗", "link". */
const ANCHOR_TEXT = /^(?:[#¶§🔗⚓※]|link|permalink|anchor)?$/iu;

/** Classes that hide an element from sight but not from a screen reader (`visually-hidden`, `sr-only`, BBC's `off-screen`). */
const VISUALLY_HIDDEN =
  /(?:^|\s)(?:visually-?hidden|sr-only|screen-reader-text|screenreader-only|hidden-visually|u-hiddenVisually|element-invisible|off-?screen)(?:\s|$)/i;

/** Whether a link's address (trimmed) goes into the page itself (`#History`). */
const isInPageAddress = (href: string) => href.startsWith('#');

export function isPageClutter(element: Element): boolean {
  if (isDroppedToggle(element)) return true;
  const classes = element.getAttribute('class') ?? '';
  if (EDIT_CLUTTER.test(classes)) return true;
  if (isTableOfContents(element)) return true;
  if (element.localName !== 'a') return false;
  const href = element.getAttribute('href')?.trim() ?? '';
  const intoPage = isInPageAddress(href);
  // A skip link: a link into the page, hidden from sight, for the page's keyboard users ("Continue reading
  // the main story" past each ad of a New York Times article). The copy, which drops classes, showed it.
  if (intoPage && VISUALLY_HIDDEN.test(classes)) return true;
  if (intoPage && isButtonRole(element) && isPageControl(element)) return true;
  const place = element.parentElement?.closest(NAMED_PLACE);
  if (!place) return false;
  const text = (element.textContent ?? '').trim();
  if (place.localName !== 'dt') {
    if (/[?&]action=edit\b/.test(href) && /^\[?\s*edit\s*\]?$/i.test(text)) return true;
    return intoPage && ANCHOR_TEXT.test(text);
  }
  // In a term, only a self-link's symbol: a term whose words link into the page stays.
  return intoPage && /^[¶§🔗⚓※]$/u.test(text);
}

/**
 * A figure's label hidden from sight (`isFigureLabel`), by a class named for it or by the page's style
 * (`markHiddenByStyle`: the New York Times' generated `css-1dv1kvn`). Not clutter to remove but words
 * to replace with a space: a label often stands alone between a caption and its credit
 * ("…winter weather.<span>Credit</span>Kirsten Luce"), which would otherwise run together.
 */
export function isHiddenFigureLabel(element: Element): boolean {
  const hidden =
    VISUALLY_HIDDEN.test(element.getAttribute('class') ?? '') || element.hasAttribute(HIDDEN_BY_STYLE_MARK);
  return hidden && isFigureLabel(element);
}

const FIGURE = 'figure, figcaption';
/** A caption's or a credit's class (`media-caption__text`, `image-credit`): a label may sit right before one. */
const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|credit)s?(?:[\s_-]|$)/i;
/** A label is a word or two ("Photo", "Credit", "Media caption"); hidden text saying more is a description. */
const MAX_LABEL_WORDS = 2;

/**
 * A figure's label for screen readers, hidden from sight: the New York Times' "Photo" before a
 * picture and "Credit" before the photographer's name, BBC's "Media caption". The copy drops
 * classes, so they showed as stray words ("Credit Ashraf Shazly/…"). Only a word or two that opens
 * its box (the caption, credit or picture it labels after it, if any), in a figure or right before a caption: hidden text
 * elsewhere, longer (a chart's description), or inside a sentence ("per month") carries meaning,
 * and stays.
 */
function isFigureLabel(element: Element): boolean {
  // Asked as the sanitizer walks the copy, which has cleared the classes of the label's boxes by then:
  // a figure's elements, and the caption after it, still say what they are.
  const labelsCaption =
    element.closest(FIGURE) !== null || CAPTION_CLASS.test(element.nextElementSibling?.getAttribute('class') ?? '');
  if (!labelsCaption) return false;
  const words = countWords(element.textContent ?? '');
  if (words === 0 || words > MAX_LABEL_WORDS) return false;
  // Nothing shown before it (or more than can be read: it stays). After it, what it labels, or nothing: the New
  // York Times' "Image" before a picture that loads only on scrolling, its "Credit" in a credit without a name.
  return showsNear(element, 'previousSibling') === false && showsNear(element, 'nextSibling') !== null;
}

/**
 * Nodes read on each side of a possible label. Labels earlier in a box are dropped by the time a later
 * one is asked about, so reading back to the box's start (and each sibling's whole text) took the square
 * of a hostile box's size: a box of thousands of labels between empty elements, or after one big empty element.
 */
const MAX_LABEL_NEIGHBOURHOOD = 40;

/**
 * Whether the siblings on one side of `element` show something: words, or a picture, drawing or formula
 * (a comment shows nothing). Null when that is not known after reading MAX_LABEL_NEIGHBOURHOOD nodes.
 */
function showsNear(element: Element, side: 'previousSibling' | 'nextSibling'): boolean | null {
  let budget = MAX_LABEL_NEIGHBOURHOOD;
  for (let sibling = element[side]; sibling; sibling = sibling[side]) {
    const walker = element.ownerDocument.createTreeWalker(sibling, 5 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */);
    for (let node: Node | null = sibling; node; node = walker.nextNode()) {
      if (--budget < 0) return null;
      if (node.nodeType === 3 /* Node.TEXT_NODE */ ? node.nodeValue?.trim() : (node as Element).matches?.(MEDIA))
        return true;
    }
  }
  return false;
}

const LIST = new Set(['ul', 'ol']);
const BOX = new Set(['div', 'nav', 'section', 'aside']);
/** Fewer links than this make a list of a few links, not a table of contents. */
const MIN_CONTENTS_LINKS = 3;

/** Whether every link of a list goes into the page and its words are only theirs ("1.1 History"). */
function isContentsList(list: Element): boolean {
  const links = list.querySelectorAll('a');
  if (links.length < MIN_CONTENTS_LINKS) return false;
  for (const link of links) if (!isInPageAddress(link.getAttribute('href')?.trim() ?? '')) return false;
  const walker = list.ownerDocument.createTreeWalker(list, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.trim() && !node.parentElement?.closest('a')) return false;
  }
  return true;
}

/**
 * A page's table of contents: a list of links into the page and nothing else, alone or in a box
 * beside its title ("Contents", Wikipedia's `div#toc`). The reader has an outline of its own, and
 * the copy drops links into the page: kept, it was a list of section names leading nowhere, and its
 * title a section of its own in the outline. A list inside another list's item is a part of one.
 */
function isTableOfContents(element: Element): boolean {
  if (LIST.has(element.localName)) return !element.parentElement?.closest('li') && isContentsList(element);
  // The sanitizer asks of every element: a box with no list of its own is settled without reading its text.
  if (!BOX.has(element.localName) || ![...element.children].some((child) => LIST.has(child.localName))) return false;
  // An image beside the list is a part too: the box is then more than a table of contents, and stays.
  const parts = [...element.children].filter(
    (child) => (child.textContent ?? '').trim() !== '' || child.matches(MEDIA) || child.querySelector(MEDIA) !== null,
  );
  const lists = parts.filter((part) => LIST.has(part.localName));
  const titles = parts.filter((part) => !LIST.has(part.localName));
  return (
    lists.length === 1 &&
    isContentsList(lists[0] as Element) &&
    titles.length <= 1 &&
    titles.every((title) => countWords(title.textContent ?? '') <= 4)
  );
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

/**
 * Blocks a page adds around its article that Readability keeps: a newsletter sign-up box, a
 * widget's "Powered by X" credit, a line that only links elsewhere ("Related: …", "Comments (5
 * posted)"). Found on the clone Readability reads (its output has lost the
 * sign-up fields and buttons that give a box away) and marked, not removed, so that Readability
 * chooses the article exactly as it would without them; `dropWidgetClutter` removes what is marked
 * from its output, unless that would take much of it. Each rule needs several signs at once, so an
 * article about newsletters, a pricing page, or one saying "powered by a battery" keeps every word:
 * a wrong removal loses what the user saved, clutter left in only costs a glance.
 */
const CLUTTER_MARK = 'data-shelf-clutter';
/** Past this share of the article's words, what is marked is taken to be the article, and kept. */
const MAX_DROPPED_SHARE = 0.2;
/** Sign-up candidates looked into: a hostile page of thousands of named boxes is not walked thousands of times. */
const MAX_CANDIDATES = 50;

export function markWidgetClutter(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  // The page's own marks would hide its own text: only Shelf's count.
  for (const marked of body.querySelectorAll(`[${CLUTTER_MARK}]`)) marked.removeAttribute(CLUTTER_MARK);
  for (const block of [...signUpBlocks(body), ...creditLines(body), ...promoLines(body)]) {
    // Every element and every text of it: Readability moves text into new paragraphs and unwraps
    // a block into its only child, and a mark on the block alone would be lost.
    const texts = [...shownTextNodes(block)].filter((text) => text.data.trim());
    for (const text of texts) {
      const span = doc.createElement('span');
      text.parentNode?.replaceChild(span, text);
      span.append(text);
    }
    for (const element of [block, ...block.querySelectorAll('*')]) element.setAttribute(CLUTTER_MARK, '');
  }
}

/**
 * Removes what `markWidgetClutter` marked from Readability's output, and the blocks left empty,
 * and returns their texts; when that is more than a fifth of its words (a short article inside a box
 * that looked like a sign-up, a teaser behind a "Subscribe" wall), it removes the marks alone and
 * keeps every word.
 */
export function dropWidgetClutter(root: Element): string[] {
  const marked = [...root.querySelectorAll(`[${CLUTTER_MARK}]`)];
  if (marked.length === 0) return [];
  const outer = outermost(marked);
  const dropped = outer.reduce((sum, element) => sum + countWords(element.textContent ?? ''), 0);
  if (dropped > MAX_DROPPED_SHARE * countWords(root.textContent ?? '')) {
    for (const element of marked) element.removeAttribute(CLUTTER_MARK);
    return [];
  }
  const droppedTexts = outer.map((element) => element.textContent ?? '');
  for (const block of outer) {
    if (!root.contains(block)) continue;
    let parent = block.parentElement;
    block.remove();
    while (parent && parent !== root && !parent.textContent?.trim() && !parent.querySelector(MEDIA)) {
      const emptied: Element = parent;
      parent = parent.parentElement;
      emptied.remove();
    }
  }
  return droppedTexts;
}

/** Words of an element's shown text, counted up to `max` + 1 (enough to say "more than max"). */
function wordsUpTo(element: Element, max: number): number {
  let words = 0;
  for (const text of shownTextNodes(element)) {
    words += countWords(text.data);
    if (words > max) break;
  }
  return words;
}

/** A sign-up box is short: a pitch, a field, a button, a line of small print. */
const MAX_SIGN_UP_WORDS = 120;
/** A paragraph this long is prose, not a pitch: the block holding it is left alone. */
const MAX_PITCH_WORDS = 40;
/**
 * Class, id or form-address words that name a sign-up box (`newsletter-wrapper`, `mc_embed_signup`,
 * `/subscribe`). Not "subscription": it names paywalls, pricing plans and a subscriber's content too.
 */
const SIGN_UP_NAME = /^(?:newsletters?|subscribe|signup|optin|mailchimp)$/;
/** What a sign-up button says, whole: "Subscribe", "Sign up for free", "Subscribe now". */
const SIGN_UP_CALL = /^(?:subscribe|sign (?:me )?up|signup)(?: (?:now|today|free|for free))?[.!]?$/i;

function namesSignUp(element: Element): boolean {
  const names = ['class', 'id', ...(element.localName === 'form' ? ['action'] : [])]
    .map((name) => element.getAttribute(name) ?? '')
    .join(' ');
  // Most names hold none of these letters: the words are split only when they might.
  if (!/newsletter|subscribe|sign|opt|mailchimp/i.test(names)) return false;
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/sign[\s_-]up/g, 'signup')
    .replace(/opt[\s_-]in/g, 'optin')
    .split(/[^a-z]+/)
    .some((word) => SIGN_UP_NAME.test(word));
}

function isEmailField(input: Element): boolean {
  const type = (input.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'email') return true;
  if (type !== 'text') return false;
  const about = ['name', 'id', 'placeholder', 'autocomplete', 'aria-label'].map((name) => input.getAttribute(name));
  return about.some((value) => value && /e-?mail/i.test(value));
}

function hasSignUpCall(element: Element): boolean {
  for (const control of element.querySelectorAll(
    'button, a, [role="button"], input[type="submit"], input[type="button"]',
  )) {
    const said = control.localName === 'input' ? control.getAttribute('value') : control.textContent;
    if (SIGN_UP_CALL.test((said ?? '').replace(/\s+/g, ' ').trim())) return true;
  }
  return false;
}

/**
 * A sign-up box: named as one by its class, id or form address and holding an email field or a
 * "Subscribe"/"Sign up" button, or a form holding both; short, without a paragraph of prose, never a
 * log-in (a password field), an `<article>`/`<main>` or a block holding the page's `<h1>`.
 */
function signUpBlocks(body: HTMLElement): Element[] {
  const blocks: Element[] = [];
  let candidates = 0;
  // In document order, a box inside one already found comes right after it: only the last is asked.
  for (const element of body.querySelectorAll('form, [class], [id]')) {
    if (element.localName === 'article' || element.localName === 'main') continue;
    const named = namesSignUp(element);
    if (!named && element.localName !== 'form') continue;
    if (blocks.at(-1)?.contains(element)) continue;
    if (++candidates > MAX_CANDIDATES) break;
    const fields = [...element.querySelectorAll('input')];
    if (fields.some((field) => field.getAttribute('type')?.toLowerCase() === 'password')) continue;
    const asksEmail = fields.some(isEmailField);
    if (named ? !asksEmail && !hasSignUpCall(element) : !(asksEmail && hasSignUpCall(element))) continue;
    if (wordsUpTo(element, MAX_SIGN_UP_WORDS) > MAX_SIGN_UP_WORDS) continue;
    if (element.querySelector('article, main, h1')) continue;
    if (
      [...element.querySelectorAll('p')].some((paragraph) => countWords(paragraph.textContent ?? '') >= MAX_PITCH_WORDS)
    )
      continue;
    blocks.push(element);
  }
  return blocks;
}

/**
 * A widget's credit: a line of its own that is only "Powered by" and a name that is an address or a
 * link ("Powered by SmartAsset.com", "Powered by <a>Google Translate</a>"), a label, not a sentence.
 * A sentence saying "powered by" keeps it, and so do a product's line ("Powered by Apple M2"),
 * headings, list items, table cells, captions and quotes.
 */
const CREDIT_LINE = /^(?:proudly )?powered by (.+)$/i;
/** The name credited: capitalized or a number, at most three words ("the sun" is not a name). */
const CREDITED_NAME = /^[\p{Lu}\d]\S*(?: \S+){0,2}$/u;
/** A name written as an address: "SmartAsset.com", "Disqus.net". */
const ADDRESS_NAME = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,}$/iu;
/** Credit or promotion lines looked into: a hostile page of thousands of them is not read thousands of times. */
const MAX_PROMO_CANDIDATES = 50;
/** Where a line is the page's own words, however it reads. */
const PROSE_CONTAINER = 'h1, h2, h3, h4, h5, h6, li, dt, dd, th, td, caption, figcaption, blockquote, pre, code, q';
/** Elements a line of text sits in without being a line of its own. */
const INLINE = new Set(['a', 'span', 'strong', 'b', 'em', 'i', 'small', 'font', 'u', 'mark', 'label', 'sup', 'sub']);

function creditLines(body: HTMLElement): Element[] {
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const lines: Element[] = [];
  // Each line is read once, and only so many: a box of thousands of "powered by" texts was read once per text.
  const read = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/powered by/i.test(node.nodeValue ?? '')) continue;
    let line = node.parentElement;
    while (line && INLINE.has(line.localName) && line.parentElement) line = line.parentElement;
    if (!line || read.has(line)) continue;
    read.add(line);
    if (read.size > MAX_PROMO_CANDIDATES) break;
    if (line === body || UNRENDERED_TEXT_ELEMENTS.has(line.localName) || line.closest(PROSE_CONTAINER)) continue;
    const text = (line.textContent ?? '').replace(/\s+/g, ' ').trim();
    // A sentence ends as one; a label does not ("SmartAsset.com" ends in a letter).
    const name = CREDIT_LINE.exec(text)?.[1];
    if (!name || !CREDITED_NAME.test(name) || /[.!?:;,]$/.test(name)) continue;
    const linked = [...line.querySelectorAll('a')].some(
      (link) => (link.textContent ?? '').replace(/\s+/g, ' ').trim() === name,
    );
    if (linked || ADDRESS_NAME.test(name)) lines.push(line);
  }
  return lines;
}

/**
 * A line a page puts between or after its paragraphs that is only a link, saying what it is by its
 * first words: a promotion of another page ("Related: Chicago is America's most segregated city",
 * "[Read: Why Tunisia…]", "Watch: …") or the way to the comments, which a copy does not keep
 * ("Comments (5 posted)", "12 comments"). The whole line must be the link, or the link in square
 * brackets, with the label too when the brackets hold it (the Washington Post's "[Read: <a>…</a>]"): a
 * sentence holding such words, a label outside its link without brackets ("Related: <a>…</a>", which
 * may be the author's own), a line in a heading, list, table, caption or quote, or a label with
 * nothing after its colon stays. "See also:" is not one: in manuals and wikis it is the author's own
 * cross-reference.
 */
const PROMO_LABEL =
  '(?:related(?: (?:stories|story|articles|article|coverage|reading|content))?|read(?: (?:more|also|next))?|also read|more|watch|listen|recommended)';
const PROMO_LINE = new RegExp(`^[[(]?\\s*${PROMO_LABEL}\\s*:\\s*\\S`, 'iu');
/** The words right before a link that open a bracketed promotion around it ("[Read: "). */
const LABEL_BEFORE_LINK = new RegExp(`\\[\\s*${PROMO_LABEL}\\s*:\\s*$`, 'iu');
/** A whole bracketed promotion, its link's words last: "[Read: Why the night trains stopped]". */
const BRACKETED_PROMO = new RegExp(`^\\[\\s*${PROMO_LABEL}\\s*:\\s*(.+?)\\s*\\]$`, 'iu');
const COMMENTS_LINE =
  /^(?:comments?\s*\(\s*\d[\d,.]*(?:\s+\p{L}+)?\s*\)|\d[\d,.]*\s+comments?|(?:leave|add|post|write) a comment|no comments(?: yet)?)$/iu;
/** Where a line is the page's own words (`PROSE_CONTAINER`), but for a table's cell. */
const LINE_CONTAINER = 'h1, h2, h3, h4, h5, h6, li, dt, dd, th, caption, figcaption, blockquote, pre, code, q';

function promoLines(body: HTMLElement): Element[] {
  const lines: Element[] = [];
  let candidates = 0;
  for (const link of body.querySelectorAll('a[href]')) {
    const said = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
    const labelled = PROMO_LINE.test(said) || COMMENTS_LINE.test(said);
    if (!labelled && !(said && LABEL_BEFORE_LINK.test(textBefore(link)))) continue;
    if (++candidates > MAX_PROMO_CANDIDATES) break;
    let line: Element = link;
    while (line.parentElement && INLINE.has(line.parentElement.localName)) line = line.parentElement;
    line = line.parentElement ?? line;
    // A table cell is prose only as the line itself: pages laid out in tables hold whole articles in one (LWN's).
    if (
      line === body ||
      UNRENDERED_TEXT_ELEMENTS.has(line.localName) ||
      line.localName === 'td' ||
      line.closest(LINE_CONTAINER)
    )
      continue;
    const whole = (line.textContent ?? '').replace(/\s+/g, ' ').trim();
    const bracketed = whole.startsWith('[') && whole.endsWith(']') && line.querySelectorAll('a').length === 1;
    const isLine = labelled
      ? whole === said || (bracketed && whole.slice(1, -1).trim() === said)
      : bracketed && BRACKETED_PROMO.exec(whole)?.[1] === said;
    if (isLine) lines.push(line);
  }
  return lines;
}

/** The last words before a link in its line (up to three nodes back, out of the inline elements it opens). */
function textBefore(link: Element): string {
  let from: Element = link;
  while (!from.previousSibling && from.parentElement && INLINE.has(from.parentElement.localName))
    from = from.parentElement;
  let text = '';
  let node = from.previousSibling;
  for (let read = 0; node && read < 3 && text.length < 40; read++, node = node.previousSibling)
    text = (node.textContent ?? '') + text;
  return text.replace(/\s+/g, ' ');
}
