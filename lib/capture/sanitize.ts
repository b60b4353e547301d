import DOMPurify from 'dompurify';
import { modelText } from '@/lib/annotations/text-model';
import { isHiddenFigureLabel, isPageClutter, keepCodeLanguage } from '@/lib/capture/clutter';
import { COPY_ID_PREFIX } from '@/lib/capture/copy-ids';
import { unclobberForms } from '@/lib/dom/form-clobbering';
import type { Steps } from '@/lib/dom/time-slices';
import { isSamePage, parsePageAddresses } from '@/lib/net/same-page';

/**
 * Sanitizes captured article HTML. Runs twice: in the page when capturing (before anything is
 * stored) and in the extension page right before showing it (what is stored is never trusted).
 * Keeps structure and text, inline SVG and MathML (DOMPurify's html, svg and mathMl profiles:
 * without svgFilters, and without what below forbids; a formula without its sizes, offsets and
 * colours, `MATHML_KEPT`), code blocks exactly as written with their
 * language class; drops scripts, event handlers, frames, forms, image maps, embedded media,
 * foreignObject, styles (remote or inline, including CSS that hides text), every URL that is not
 * http(s) or mailto (in SVG every reference but `url(#…)`, and any CSS
 * function or escape that could load something), tracking pixels, and clutter (heading
 * anchors, "[edit]" links), and every id but those of places a link into the copy or a drawing's
 * `url(#…)` goes to (kept under COPY_ID_PREFIX; `<use>` is never kept). The only element left that navigates is `<a>`: one to another page opens in a new
 * tab, one to a place in the copy moves the reader there (reader-links.ts), so a link in a copy can
 * never navigate the reader itself; one it cannot keep is its words. Images keep their address
 * in `data-shelf-src`, so nothing loads unless the user allows it or keeps images offline.
 */
const FORBID_TAGS = [
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'audio',
  'video',
  'source',
  'track',
  'canvas',
  'noscript',
  'template',
  'dialog',
  'portal',
  'fencedframe',
  'applet',
  // Image maps: an <area href> is a link of its own, invisible, without a target.
  'map',
  'area',
  // Allowed by DOMPurify for SVG; in a copy's body only a place to hide text.
  'title',
  'desc',
  'metadata',
  // SVG that loads, references or animates something else (DOMPurify already drops use, set,
  // animate and foreignObject; this list never lets them back).
  'foreignobject',
  'image',
  'use',
  'animate',
  'set',
  'animatecolor',
  'animatemotion',
  'animatetransform',
  'mpath',
  'tref',
  'altglyph',
  'altglyphdef',
  'altglyphitem',
  'glyphref',
  'font',
  'glyph',
  'hkern',
  'vkern',
  'view',
  'filter',
];
const FORBID_ATTR = [
  'style',
  'srcset',
  'sizes',
  'loading',
  'decoding',
  'ping',
  'background',
  'formaction',
  'action',
  'srcdoc',
  'poster',
  'usemap',
  'ismap',
  'download',
  'xlink:href',
  'xml:id',
  'xml:base',
  // A copy must not take the focus from the reader, reorder its Tab stops or bind its keys (Alt+Shift
  // letters are Shelf's shortcuts).
  'autofocus',
  'tabindex',
  'accesskey',
  // Nor describe itself as a control, or point at the reader's own elements by id (the copy's own ids are
  // kept only under COPY_ID_PREFIX): `aria-owns` would move the reader's controls into the copy for a screen reader.
  'aria-roledescription',
  'aria-owns',
  'aria-controls',
  'aria-flowto',
  'aria-activedescendant',
  'aria-describedby',
  'aria-labelledby',
  'aria-details',
  'aria-errormessage',
  'aria-actions',
  // Nor name one by any other attribute: a `<label for>` of the reader's text size control (React's ids are
  // predictable) focused it, and a popover's or a command's target, a cell's headers, an anchor's, the same.
  'for',
  'headers',
  'popovertarget',
  'popovertargetaction',
  'commandfor',
  'command',
  'interestfor',
  'anchor',
  'list',
  // Customized built-in elements: a copy runs no code of its own. (DOMPurify leaves `is=""`, the
  // one way to keep serializing from writing the element's original `is` value back.)
  'is',
  // Named elements would shadow the reader page's own globals (DOM clobbering). A named anchor a link
  // points at becomes an id (COPY_ID_PREFIX'd).
  'name',
  // Nor hide words the copy still has for search, snippets and Copy (`hidden`, a `popover` nothing can
  // open), or keep them from a screen reader, a click and a selection (`inert`): they show as text.
  'hidden',
  'popover',
  'inert',
];
/**
 * The addresses a copy may link to outside itself. A link into the page is kept only to a place the
 * copy has (`InPageLinks`).
 */
const SAFE_URL = /^(?:https?:|mailto:)/i;
/**
 * What DOMPurify lets through in any attribute it checks as a URL: a web or mail address, or a
 * value without a scheme (DOMPurify's own default pattern with only these schemes), so drawings
 * keep `viewBox="0 0 4 4"` and `fill="red"`. Which element may link where is the hook's job.
 */
const URI_ATTRIBUTE_VALUE = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
const WEB_URL = /^https?:/i;
/** ARIA roles of controls: a copy has none (its forms and buttons are dropped), so an element claiming one is posing. */
const WIDGET_ROLE =
  /\b(?:button|checkbox|combobox|link|listbox|menu|menubar|menuitem|menuitemcheckbox|menuitemradio|option|radio|scrollbar|searchbox|slider|spinbutton|switch|tab|tablist|textbox|treeitem|dialog|alertdialog|application)\b/i;
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML';
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * The MathML attributes a copy keeps: what a formula means and how it is laid out in its own box.
 * Not sizes, offsets, spacing, script levels or colours (`mpadded`'s voffset and width, `mathsize`,
 * `scriptlevel`, `mathcolor`, `mathbackground`): with them a formula paints over the text around it
 * (a made-up command over a code block whose Copy pastes the real one) or hides its own words.
 */
const MATHML_KEPT: ReadonlySet<string> = new Set([
  'display',
  'displaystyle',
  'mathvariant',
  'dir',
  'stretchy',
  'fence',
  'separator',
  'form',
  'accent',
  'accentunder',
  'movablelimits',
  'symmetric',
  'largeop',
  'columnalign',
  'rowalign',
  'columnspan',
  'rowspan',
  'columnlines',
  'rowlines',
  'frame',
  'notation',
  'encoding',
  'xmlns',
]);

/**
 * Spacing a formula needs for what it says, by the element it belongs to, kept when it is a small
 * space that is not negative: `\binom` is an `mfrac` with `linethickness="0"` (without it "n choose k"
 * reads n/k), `\quad` an `mspace` with a width, and an operator's `lspace`/`rspace`. A negative or
 * large one, or a width on anything but an empty `mspace` (`mpadded width="0"`), moves text over its
 * neighbours.
 */
const MATHML_SPACING: Readonly<Record<string, string>> = {
  linethickness: 'mfrac',
  width: 'mspace',
  lspace: 'mo',
  rspace: 'mo',
};

/** At most 3em (or 48px, 36pt, 300%), not negative; or a named space that is not negative. */
function isSmallSpace(value: string): boolean {
  const trimmed = value.trim();
  if (NAMED_SPACE.test(trimmed)) return true;
  const length = SPACE_LENGTH.exec(trimmed);
  return length !== null && Number(length[1]) <= (SPACE_LIMITS[(length[2] ?? '').toLowerCase()] ?? 0);
}

const NAMED_SPACE = /^(?:0|thin|medium|thick|(?:very){0,2}(?:thin|thick)mathspace|mediummathspace)$/i;
const SPACE_LENGTH = /^(\d+(?:\.\d+)?|\.\d+)(em|ex|px|pt|%)?$/i;
const SPACE_LIMITS: Readonly<Record<string, number>> = { em: 3, ex: 6, px: 48, pt: 36, '%': 300, '': 3 };

/**
 * `url(…)` in an SVG attribute that points anywhere but into the same drawing (the spaces inside the
 * lookahead: before it, `\s*` gave one back and `url( #a)` read as pointing outside).
 */
const OUTSIDE_REFERENCE = /url\s*\((?!\s*['"]?#)/i;
/**
 * A drawing's reference into the page (`fill="url(#fade)"`, `clip-path="url('#half')"`, an arrowhead's
 * `marker-end`): its place, as written, is the third group. Its id is kept (`findInPageLinks`) and the
 * reference rewritten to it (`COPY_ID_PREFIX`'d, so that it reaches nothing outside the copy).
 */
const DRAWING_REFERENCE = /(url\s*\(\s*)(['"]?)#([^'"()\s\\]+)(?=\2\s*\))/gi;
/**
 * The CSS functions a drawing's attributes keep: colours, transforms, filter effects and arithmetic,
 * none of which loads anything. Any other (`image-set()`, `src()`, `cross-fade()`…) drops the
 * attribute: a list of what loads would miss the next one.
 */
const DRAWING_FUNCTIONS = new Set(
  (
    'url rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix light-dark var translate translatex ' +
    'translatey translate3d rotate rotate3d scale scalex scaley scale3d matrix matrix3d perspective skew skewx ' +
    'skewy blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate sepia calc min max ' +
    'clamp inset circle ellipse polygon'
  ).split(' '),
);
/**
 * Attributes of a drawing that are words, not CSS: its labels and names ("f(x) = x²",
 * "Runtime O(n)"). The links' addresses are the hook's (`href` below).
 */
const TEXT_ATTRIBUTE = /^(?:aria-|data-)|^(?:role|class|lang|dir|href|alttext|xml:lang)$/;

/**
 * Whether an SVG or MathML attribute, read as CSS (presentation attributes are), could load
 * something: a `url()` out of the drawing, a function not known to load nothing, or an escape,
 * which can spell either (`u\\rl(`, `\\75rl(`).
 */
function mayLoadSomething(value: string): boolean {
  if (value.includes('\\') || OUTSIDE_REFERENCE.test(value)) return true;
  for (const [, name] of value.matchAll(/([^\s(),'"]+)\(/g))
    if (!DRAWING_FUNCTIONS.has((name as string).toLowerCase())) return true;
  return false;
}

/** An id (or a named anchor's name, or a link's place) as a copy keeps it. */
type CopyId = (id: string) => string;

/**
 * How a document's ids become a copy's: a stored copy's ids all have the prefix already, and stay as
 * they are (so that the reader, sanitizing it again, shows the copy stored); a page with any id without
 * it has every id prefixed, `shelf-copy-x` of its own too, else that and its `x` would both be `shelf-copy-x`.
 */
function copyIdsFor(ids: Iterable<string>): CopyId {
  for (const id of ids) if (!id.startsWith(COPY_ID_PREFIX)) return (place) => COPY_ID_PREFIX + place;
  return (place) => (place.startsWith(COPY_ID_PREFIX) ? place : COPY_ID_PREFIX + place);
}

/**
 * The links into the page (`#fn:1`, `#cite_note-1`) and the places they point at, read off the whole
 * document before DOMPurify walks it (a footnote's marker comes before its note). A place is an
 * element's id or a named anchor (`<a name>`, as RFCs have them), by its `copyId`.
 */
interface InPageLinks {
  /** Every place of the page, by its copy id. */
  places: Set<string>;
  /** The page's own addresses (`isSamePage`): a link to one of them with a fragment is a link into the page. */
  pages: readonly string[];
  /** The places some link into the page points at: the only ids the copy keeps. */
  targeted: Set<string>;
  /** The places an element's id names (a browser goes there before to a named anchor of the same name). */
  idPlaces: Set<string>;
  /** How the document's ids become the copy's (`copyIdsFor`). */
  copyId: CopyId;
}

/**
 * The copy id of the place a link into the page goes to, if the page has it: its fragment as
 * written, else percent-decoded (as browsers look them up: `#do-we-need-wasm%3F`). A link into the
 * page is `#…`, or the page's own address with a fragment (`isSamePage`): WordPress and Substack write
 * their footnotes so, and Readability writes every `#…` so on a page whose `<base>` is not its
 * address. Null for any other address, an empty fragment, or a place the page lacks (a link to the
 * page's own address then stays a link to the original).
 */
function placeOfLink(
  href: string,
  { places, pages, copyId }: Pick<InPageLinks, 'places' | 'pages' | 'copyId'>,
): string | null {
  const hash = href.indexOf('#');
  if (hash === -1 || hash === href.length - 1) return null;
  if (hash > 0 && !(pages.length > 0 && isSamePage(href.slice(0, hash), pages))) return null;
  const fragment = href.slice(hash + 1);
  if (places.has(copyId(fragment))) return copyId(fragment);
  try {
    const decoded = decodeURIComponent(fragment);
    return decoded && places.has(copyId(decoded)) ? copyId(decoded) : null;
  } catch {
    return null; // not percent-encoding ("%zz")
  }
}

/**
 * Every link into the page and every place under `root`, read before DOMPurify checks an element
 * (through the prototype: a page's `<form>` can shadow its own `getAttribute` with a field).
 */
function findInPageLinks(root: ParentNode, win: Window & typeof globalThis, pages: readonly string[]): InPageLinks {
  const attribute = (element: Element, name: string) =>
    win.Element.prototype.getAttribute.call(element, name)?.trim() ?? '';
  const elements = [...root.querySelectorAll('[id], a[name]')];
  const givenIds = elements.map((element) => attribute(element, 'id')).filter(Boolean);
  const named = [
    ...givenIds,
    ...elements.map((element) => (element.localName === 'a' ? attribute(element, 'name') : '')),
  ];
  const copyId = copyIdsFor(named.filter(Boolean));
  const places = new Set(named.filter(Boolean).map(copyId));
  const idPlaces = new Set(givenIds.map(copyId));
  const targeted = new Set<string>();
  // A drawing's gradients, clip paths and markers are places its shapes point at (`<use>` is never kept).
  for (const element of root.querySelectorAll('svg *')) {
    if (element.namespaceURI !== SVG_NAMESPACE) continue;
    for (const name of win.Element.prototype.getAttributeNames.call(element)) {
      if (TEXT_ATTRIBUTE.test(name)) continue;
      for (const [, , , place] of attribute(element, name).matchAll(DRAWING_REFERENCE))
        if (places.has(copyId(place as string))) targeted.add(copyId(place as string));
    }
  }
  for (const link of root.querySelectorAll('a[href]')) {
    const place =
      link.namespaceURI === HTML_NAMESPACE && placeOfLink(attribute(link, 'href'), { places, pages, copyId });
    // Not by a link to itself (keepOrUnwrapLink makes it words).
    const own = [attribute(link, 'id'), attribute(link, 'name')].filter(Boolean).map(copyId);
    if (place && !own.includes(place)) targeted.add(place);
  }
  return { places, pages, targeted, idPlaces, copyId };
}

/**
 * A link the copy keeps: to a web or mail address, or to a place in the copy (its address then the
 * place's copy id). Any other (`javascript:`, or into the page where the copy has no such place: a
 * table of contents' `#History` once dropped, a footnote whose notes Readability left out) would be
 * drawn as a link that does nothing when clicked (188 on a Wikipedia page): its content stays, in its
 * place (as DOMPurify keeps a removed element's: copies, in order, after it). A link or named anchor a
 * link points at stays a place: its content in a `<span>` with its id.
 */
function keepOrUnwrapLink(node: Element, links: InPageLinks): void {
  if (node.namespaceURI !== HTML_NAMESPACE) return;
  const href = node.getAttribute('href')?.trim() ?? '';
  const place = placeOfLink(href, links);
  const id = node.getAttribute('id')?.trim() ?? '';
  const name = node.getAttribute('name')?.trim() ?? '';
  const own = [id, name].filter(Boolean);
  // As the page has it: the id hook makes it the copy's (and drops a later one of the same place). A name
  // is not the place where an element has it as its id: a browser goes there first, wherever each is.
  const nameIsPlace = name !== '' && !links.idPlaces.has(links.copyId(name));
  const ownPlace = [id, nameIsPlace ? name : ''].find((place) => place && links.targeted.has(links.copyId(place)));
  // A link to itself (an RFC's "1" before its section's title, a page number's invisible self-link) goes nowhere.
  const intoCopy = place !== null && !own.some((id) => links.copyId(id) === place);
  if (SAFE_URL.test(href) || intoCopy) {
    if (intoCopy) node.setAttribute('href', `#${place}`);
    // A named anchor's name becomes its id (the copy keeps no `name`).
    if (ownPlace) node.setAttribute('id', ownPlace);
    return;
  }
  const parent = node.parentNode;
  if (!parent) return;
  const after = node.nextSibling;
  let into: Node = parent;
  if (ownPlace) {
    const span = node.ownerDocument.createElement('span');
    span.setAttribute('id', ownPlace);
    into = parent.insertBefore(span, after);
  }
  for (const child of node.childNodes) into.insertBefore(child.cloneNode(true), into === parent ? after : null);
  node.remove();
}

/** One candidate of a `srcset`: its address and its width (`800w`) or density (`2x`). */
interface SrcsetCandidate {
  url: string;
  width: number | null;
  density: number;
}

/** HTML's whitespace: what separates a `srcset`'s address from its descriptors. */
const isSpace = (char: string | undefined) =>
  char === ' ' || char === '\t' || char === '\n' || char === '\f' || char === '\r';

/**
 * A `srcset`'s candidates, read as browsers do: an address runs to the next space (it may hold
 * commas: `w_400,h_300`, but not end in them), its descriptors to the next comma. Read in one pass,
 * not by a pattern: a backtracking one took time by the square of a run of commas (a page's or a
 * backup's srcset of 400,000 held the tab or the reader for minutes).
 */
function srcsetCandidates(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && (isSpace(srcset[at]) || srcset[at] === ',')) at++;
    const start = at;
    while (at < srcset.length && !isSpace(srcset[at])) at++;
    let end = at;
    while (end > start && srcset[end - 1] === ',') end--;
    if (end === start) continue;
    let descriptor = '';
    if (end === at) {
      const comma = srcset.indexOf(',', at);
      const next = comma === -1 ? srcset.length : comma;
      descriptor = srcset.slice(at, next).trim();
      at = next + 1;
    }
    const width = /^(\d+)w$/i.exec(descriptor);
    // Not `\d*\.?\d+`: its two runs of digits backtrack by the square of their length.
    const density = /^(\d+(?:\.\d+)?|\.\d+)x$/i.exec(descriptor);
    candidates.push({
      url: srcset.slice(start, end),
      width: width ? Number(width[1]) : null,
      density: density ? Number(density[1]) : 1,
    });
  }
  return candidates;
}

/** The reader's column is 700-800 CSS pixels wide: an image this wide is sharp there on most screens. */
const WANTED_IMAGE_WIDTH = 1200;

/**
 * The one address a copy keeps of a `srcset`: the narrowest at least WANTED_IMAGE_WIDTH wide (else
 * the widest), or the densest up to 2x (else the least dense).
 */
function addressFromSrcset(srcset: string): string | null {
  const candidates = srcsetCandidates(srcset);
  const sized = candidates.filter((candidate) => candidate.width !== null);
  if (sized.length > 0) {
    sized.sort((a, b) => (a.width ?? 0) - (b.width ?? 0));
    return (sized.find((candidate) => (candidate.width ?? 0) >= WANTED_IMAGE_WIDTH) ?? sized.at(-1))?.url ?? null;
  }
  candidates.sort((a, b) => a.density - b.density);
  return (candidates.filter((candidate) => candidate.density <= 2).at(-1) ?? candidates[0])?.url ?? null;
}

/**
 * An image given by `srcset` alone (a responsive one, or a lazy one's `data-srcset`, which
 * Readability turns into `srcset`), or a `<picture>` whose `<img>` has no address (or was left out)
 * but whose `<source>`s have: the copy keeps neither `srcset` nor `<source>`, so one of their
 * addresses becomes the image's `src` first, else the copy shows a placeholder that never loads.
 */
function keepResponsiveImage(node: Element): void {
  const hasAddress = (img: Element) => WEB_URL.test(img.getAttribute('src')?.trim() ?? '');
  if (node.localName === 'img' && !hasAddress(node)) {
    const address = addressFromSrcset(node.getAttribute('srcset') ?? '');
    if (address) node.setAttribute('src', address);
    return;
  }
  if (node.localName !== 'picture') return;
  let img = node.querySelector('img');
  if (img && (hasAddress(img) || img.getAttribute('srcset')?.trim())) return;
  const sources = [...node.querySelectorAll('source[srcset]')];
  // A source for every screen, else the first.
  const source = sources.find((candidate) => !candidate.getAttribute('media')) ?? sources[0];
  const address = source && addressFromSrcset(source.getAttribute('srcset') ?? '');
  if (!address) return;
  if (!img) {
    img = node.ownerDocument.createElement('img');
    img.setAttribute('alt', '');
    node.append(img);
  }
  img.setAttribute('src', address);
}

function isTrackingPixel(element: Element): boolean {
  const size = (name: string) => Number.parseInt(element.getAttribute(name) ?? '', 10);
  return size('width') <= 1 || size('height') <= 1;
}

/**
 * A drawing or formula inside a code block: it shows nothing a reader would copy, and its text
 * (sized to nothing) would be copied with the code, unseen.
 */
function isDrawingInCode(node: Element): boolean {
  return (node.localName === 'svg' || node.localName === 'math') && node.parentElement?.closest('pre') != null;
}

function cleanAttributes(node: Element, copyId: CopyId): void {
  const html = node.namespaceURI === HTML_NAMESPACE;
  // Sizes stay on drawings (an SVG without them has none); HTML boxes are sized by the reader.
  if (html) {
    node.removeAttribute('width');
    node.removeAttribute('height');
  } else if (node.namespaceURI === MATHML_NAMESPACE) {
    for (const name of node.getAttributeNames()) {
      const spacing = Object.hasOwn(MATHML_SPACING, name) && MATHML_SPACING[name] === node.localName;
      const kept = MATHML_KEPT.has(name) || (spacing && isSmallSpace(node.getAttribute(name) ?? ''));
      if (!TEXT_ATTRIBUTE.test(name) && !kept) node.removeAttribute(name);
    }
  } else {
    for (const name of node.getAttributeNames()) {
      if (TEXT_ATTRIBUTE.test(name)) continue;
      const value = node.getAttribute(name) ?? '';
      if (mayLoadSomething(value)) {
        node.removeAttribute(name);
        continue;
      }
      const inCopy = value.replace(DRAWING_REFERENCE, (_, url, quote, place) => `${url}${quote}#${copyId(place)}`);
      if (inCopy !== value) node.setAttribute(name, inCopy);
    }
  }
  keepCodeLanguage(node);
  const kept = node.getAttribute('data-shelf-src'); // from a stored copy (a backup could say anything)
  if (kept !== null && (node.tagName !== 'IMG' || !WEB_URL.test(kept.trim()))) node.removeAttribute('data-shelf-src');
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src');
    node.removeAttribute('src');
    if (src && WEB_URL.test(src.trim())) node.setAttribute('data-shelf-src', src.trim());
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
  // Only images load, and only through data-shelf-src: no other element keeps an address to fetch (MathML's <mglyph src>).
  if (node.tagName !== 'IMG') node.removeAttribute('src');
  // A copy's element may not pose as one of the reader's controls to a screen reader ("Mark as done, button").
  if (WIDGET_ROLE.test(node.getAttribute('role') ?? '')) node.removeAttribute('role');
  const href = node.getAttribute('href')?.trim() ?? null;
  // `tagName` is upper case for HTML only: an SVG or MathML `<a>` keeps no address.
  const intoCopy = href?.startsWith(`#${COPY_ID_PREFIX}`) === true;
  if (href !== null && (node.tagName !== 'A' || !(SAFE_URL.test(href) || intoCopy))) node.removeAttribute('href');
  if (node.tagName === 'A' && intoCopy) {
    // Followed in the reader itself (reader-links.ts), not in a new tab of it.
    node.removeAttribute('target');
    node.removeAttribute('rel');
  } else if (node.tagName === 'A') {
    node.setAttribute('rel', 'noopener noreferrer');
    node.setAttribute('target', '_blank');
  }
}

/**
 * `pageAddresses`: the addresses of the page the copy is made from (known at capture: its address and
 * its `<base>`'s), so that links to it with a fragment in the copy become links into the copy.
 */
export function sanitizeArticleHtml(
  html: string,
  win: Window & typeof globalThis = window,
  pageAddresses: readonly string[] = [],
): string {
  return sanitize(html, win, false, parsePageAddresses(pageAddresses)) as string;
}

/**
 * The sanitized copy and its text, as two steps: the text searched and snippeted is the copy's own
 * (what the reader shows), not Readability's. The copy is parsed again for it, after a pause (up to
 * 3 MB in the tab being saved), in a DOMParser document, which loads and runs nothing (and takes
 * DOMPurify's Trusted Types value where a page enforces them).
 */
export function* sanitizeArticleSteps(
  html: string,
  win: Window & typeof globalThis,
  pageAddresses: readonly string[] = [],
): Steps<{ html: string; text: string }> {
  const clean = sanitize(html, win, true, parsePageAddresses(pageAddresses));
  yield;
  const body = new win.DOMParser().parseFromString(clean as string, 'text/html').body;
  return { html: String(clean), text: body ? modelText(body) : '' };
}

/**
 * Serialized, not RETURN_DOM: DOMPurify removes a whole element (text and all) for an `is` attribute
 * when it returns nodes, where a string only clears the attribute.
 *
 * Links into the page are kept by what the page has before sanitizing (DOMPurify walks a footnote's
 * marker before its note); a place the sanitizing itself then drops (in a part that is clutter) is
 * found after, and the copy sanitized once more, from what it has: its links to that place are then
 * its words (as is a link whose address DOMPurify dropped). Only ids some link points at are kept: a
 * place only a link the walk drops pointed at (a heading's anchor, an "[edit]" link) is found after
 * too, and the next pass drops its id (else the reader, sanitizing the stored copy again, would show
 * another copy than the one stored).
 */
function sanitize(
  html: string,
  win: Window & typeof globalThis,
  trustedType: boolean,
  pages: readonly string[],
  again = false,
): string | TrustedHTML {
  const purify = DOMPurify(win);
  let links: InPageLinks | null = null;
  const keptIds = new Set<string>();
  const keptLinkPlaces = new Set<string>();
  const drawnPlaces = new Set<string>(); // what the kept drawings' url(#…) point at
  let lostAddress = false;
  purify.addHook('beforeSanitizeElements', (node) => {
    // The walk's first node is the body of DOMPurify's parsed document: the whole copy, unchanged yet. Only
    // what is inside it is a place: a stray `<body id>` or `<html id>` tag names an element the copy does not keep.
    if (links) return;
    const body = node.ownerDocument?.body ?? (node as Element);
    // A stored copy (a backup could say anything) may hold a form answering to its controls' names
    // (`<input name="getAttribute">`): the hooks below read its properties, and threw.
    unclobberForms(body, win);
    links = findInPageLinks(body, win, pages);
  });
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (!(node instanceof win.Element)) return;
    if ((data.tagName === 'img' && isTrackingPixel(node)) || isPageClutter(node) || isDrawingInCode(node))
      node.remove();
    else if (isHiddenFigureLabel(node)) node.replaceWith(' ');
    else if (data.tagName === 'img' || data.tagName === 'picture') keepResponsiveImage(node);
    else if (data.tagName === 'a')
      keepOrUnwrapLink(
        node,
        links ?? { places: new Set(), pages, targeted: new Set(), idPlaces: new Set(), copyId: copyIdsFor([]) },
      );
  });
  const givenIds = new Set<string>();
  purify.addHook('uponSanitizeAttribute', (_node, event) => {
    if (event.attrName !== 'id') return;
    const id = links?.copyId(event.attrValue) ?? '';
    // The first element of a place keeps it (a browser goes there): a page may give two the same id.
    if (links?.targeted.has(id) && !givenIds.has(id)) {
      event.attrValue = id;
      givenIds.add(id);
    } else event.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof win.Element)) return;
    cleanAttributes(node, links?.copyId ?? copyIdsFor([]));
    const id = node.getAttribute('id');
    if (id !== null) keptIds.add(id);
    if (node.namespaceURI === SVG_NAMESPACE)
      for (const name of node.getAttributeNames()) {
        if (TEXT_ATTRIBUTE.test(name)) continue;
        for (const [, , , place] of (node.getAttribute(name) ?? '').matchAll(DRAWING_REFERENCE))
          drawnPlaces.add(place as string);
      }
    const href = node.getAttribute('href');
    if (href?.startsWith(`#${COPY_ID_PREFIX}`)) keptLinkPlaces.add(href.slice(1));
    // A link DOMPurify took the address of (one that closes a raw-text element): the next pass makes it words.
    else if (href === null && node.tagName === 'A') lostAddress = true;
  });
  const clean = purify.sanitize(html, {
    USE_PROFILES: { html: true, svg: true, mathMl: true },
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['data-shelf-src', 'target'],
    // An id is no address: checked as one, `fn:1` (a Jekyll footnote's) read as a scheme and was dropped.
    ADD_URI_SAFE_ATTR: ['id'],
    ALLOWED_URI_REGEXP: URI_ATTRIBUTE_VALUE,
    RETURN_TRUSTED_TYPE: trustedType,
  });
  const leadsNowhere = lostAddress || [...keptLinkPlaces].some((place) => !keptIds.has(place));
  const pointedAtByNothing = [...keptIds].some((id) => !keptLinkPlaces.has(id) && !drawnPlaces.has(id));
  return (leadsNowhere || pointedAtByNothing) && !again
    ? sanitize(String(clean), win, trustedType, pages, true)
    : clean;
}
