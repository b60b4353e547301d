import { Readability } from '@mozilla/readability';
import {
  copyContents,
  describeCaptureLoss,
  isUnmeasured,
  keepsMoreOfPage,
  liveArticle,
  liveContents,
  mayReadAgain,
  type PageContents,
} from '@/lib/capture/capture-loss';
import { dropWidgetClutter, markWidgetClutter } from '@/lib/capture/clutter';
import { copyLength } from '@/lib/capture/copy-text';
import { restoreHeadingIds, setAsideHeadingIds } from '@/lib/capture/heading-ids';
import { markHiddenByStyle } from '@/lib/capture/hidden-by-style';
import { markDisclosureTitles } from '@/lib/capture/page-controls';
import { bracketedColonTitle, dashSeparatedTitle } from '@/lib/capture/page-title';
import { sanitizeArticleSteps } from '@/lib/capture/sanitize';
import { type CapturedPage, MAX_CAPTURE_HTML, MAX_CAPTURE_TEXT } from '@/lib/capture/schema';
import { toIsoDate } from '@/lib/catalog-updates/dates';
import { escapeHtml } from '@/lib/dom/escape-html';
import { type PlainReader, plainReader, unclobberForms } from '@/lib/dom/form-clobbering';
import { runInSlices, runToEnd, type Steps } from '@/lib/dom/time-slices';
import { addressWithoutTracking } from '@/lib/net/tracking-parameters';
import { elementTextSteps, pageTextSteps, shownTextFile, type WalkBudget } from '@/lib/related/page-text';
import { shownLine } from '@/lib/search/shown-line';
import { countWords } from '@/lib/search/text';

/**
 * Readability reads a clone of the page, and cloning, Readability and serializing all grow with
 * the page; past these limits Shelf does not attempt them and keeps the page's visible text (a text
 * file's own text).
 */
export const READABLE_PAGE_LIMITS = {
  /** Readability walks every element, several times. */
  maxElements: 30_000,
  /**
   * Cloning recurses in the browser's engine: a page nested 25,000 levels deep crashed its tab. The
   * HTML parser builds at most 512 levels; anything deeper was built by script.
   */
  maxDepth: 512,
  /**
   * Characters of text: more is cut to the capture's size budget anyway. Scripts' and style sheets'
   * text is not counted: Readability removes them before it reads anything, a clone shares their
   * text, and the copy keeps none of it (news pages carry about a megabyte of inline script).
   */
  maxText: MAX_CAPTURE_TEXT,
  /**
   * Characters of attribute values, which cloning and Readability copy though the copy keeps few of
   * them (inline `data:` images are dropped): a notebook's plots pass (a few MB each); ten 5 MB images
   * held the tab for 2 s.
   */
  maxAttributeText: 20_000_000,
};
/** The visible-text fallback's walk (see page-text.ts): it stops there with what it has. */
export const CAPTURE_TEXT_BUDGET: WalkBudget = { maxNodes: 300_000, maxDepth: 1_000, maxMs: 1_500 };

export const NOTICE_NO_ARTICLE = 'Shelf could not find an article on this page, so it kept the page’s visible text.';
export const NOTICE_TOO_LARGE =
  'This page is very large, so Shelf kept its visible text rather than reading it as an article.';
export const NOTICE_TRUNCATED = 'This page is very large; Shelf kept the beginning of it.';
export const NOTICE_PARTIAL =
  'This page is too large for Shelf to read in full; it kept the visible text it could read in time.';

/**
 * Where a copy made of plain text parts into paragraphs. A page's visible text: at blank lines and
 * between sentences set apart by runs of spaces. A text file's (`fromFile`): at blank lines only (a
 * book's hard-wrapped lines joined as the reader reflows them), or at every line in a file without
 * one (a log); never inside a line (an RFC sets its sentences apart by two spaces).
 */
function paragraphsOf(text: string, fromFile: boolean): string[] {
  if (!fromFile) return text.split(/\n{2,}|(?<=[.!?])\s{2,}/);
  return /\n[ \t]*\n/.test(text) ? text.split(/\n(?:[ \t]*\n)+/) : text.split('\n');
}

/** Paragraphs as HTML, each set through textContent, in steps (a file may make thousands). */
function* paragraphsHtmlSteps(doc: Document, paragraphs: readonly string[]): Steps<string> {
  const container = doc.createElement('div');
  let made = 0;
  for (const paragraph of paragraphs) {
    if (!paragraph.trim()) continue;
    const p = doc.createElement('p');
    p.textContent = paragraph.trim();
    container.append(p);
    if (++made % 500 === 0) yield;
  }
  return container.innerHTML;
}

/**
 * Whether Readability may read this page (see READABLE_PAGE_LIMITS), found without cloning it: one
 * walk over the nodes, without recursion and in steps, that stops at the first limit it passes
 * (not `body.textContent` or a count of every element, which take a huge page's whole size at once).
 * Cloning also copies what the walk over child nodes does not reach: templates' contents and
 * clonable shadow roots (a page hid 25,000 levels in one and crashed its tab on Save), and
 * attributes (ten 5 MB `data:` images held the tab for 2 s): all are counted too.
 */
function* isReadable(doc: Document): Steps<boolean> {
  const counts = { elements: 0, text: 0, attributes: 0 };
  // The page's own nodes, read through their prototypes: a form answers to its controls' names (`plainReader`).
  const read = plainReader(doc.documentElement);
  // Subtrees still to walk, each with the depth it starts at: the page, then what cloning reaches besides.
  const pending: Array<[Node, number]> = [[doc.documentElement, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (!(yield* isReadableWithin(next[0], next[1], counts, pending, read))) return false;
  }
  return true;
}

function* isReadableWithin(
  root: Node,
  rootDepth: number,
  counts: { elements: number; text: number; attributes: number },
  pending: Array<[Node, number]>,
  read: PlainReader,
): Steps<boolean> {
  let depth = rootDepth;
  let node: Node | null = root;
  while (node) {
    const type = read.nodeType(node);
    if (type === 1) {
      if (++counts.elements % 256 === 0) yield;
      const element = node as Element;
      for (const attribute of read.attributes(element)) counts.attributes += attribute.value.length;
      const inner = clonedBesidesChildren(element, read);
      if (inner?.firstChild) pending.push([inner, depth]);
    }
    if (type === 3 && !isScriptOrStyleText(node, read)) counts.text += node.nodeValue?.length ?? 0;
    if (
      counts.elements > READABLE_PAGE_LIMITS.maxElements ||
      counts.text > READABLE_PAGE_LIMITS.maxText ||
      counts.attributes > READABLE_PAGE_LIMITS.maxAttributeText
    )
      return false;
    const child = read.firstChild(node);
    if (child) {
      node = child;
      if (++depth > READABLE_PAGE_LIMITS.maxDepth) return false;
      continue;
    }
    while (node && node !== root && !read.nextSibling(node)) {
      node = read.parentNode(node);
      depth--;
    }
    node = !node || node === root ? null : read.nextSibling(node);
  }
  return true;
}

/** A text node of a script or style sheet (not counted as text: see READABLE_PAGE_LIMITS.maxText). */
function isScriptOrStyleText(text: Node, read: PlainReader): boolean {
  const parent = read.parentNode(text);
  if (!parent || read.nodeType(parent) !== 1) return false;
  const name = read.localName(parent as Element);
  return name === 'script' || name === 'style';
}

/** What `cloneNode(true)` copies of an element besides its children: a template's contents, a clonable shadow root. */
function clonedBesidesChildren(element: Element, read: PlainReader): DocumentFragment | null {
  if (read.localName(element) === 'template' && 'content' in element) return (element as HTMLTemplateElement).content;
  const shadow = shadowRootOf(element);
  return shadow?.clonable ? shadow : null;
}

/** An element's shadow root, a closed one too where the extension API lets a content script see it. */
function shadowRootOf(element: Element): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  const extensionDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } })
    .chrome?.dom;
  const firefoxOwn = (element as Element & { openOrClosedShadowRoot?(): ShadowRoot | null }).openOrClosedShadowRoot;
  try {
    return extensionDom?.openOrClosedShadowRoot?.(element) ?? firefoxOwn?.call(element) ?? null;
  } catch {
    return null; // not an element the API accepts
  }
}

/**
 * Formulas rendered by MathJax 3 are custom elements (`<mjx-container>`) drawn with its own fonts,
 * which a copy cannot keep; their MathML source rides along for screen readers. Keep that instead.
 */
function keepMathJaxMathMl(clone: Document): void {
  for (const container of clone.querySelectorAll('mjx-container')) {
    const math = container.querySelector('math');
    if (!math) continue;
    if (container.getAttribute('display') === 'true' || math.parentElement?.getAttribute('display') === 'block') {
      math.setAttribute('display', 'block');
    }
    container.replaceWith(math);
  }
}

/**
 * A section written as its heading and one wrapper of its body (AsciiDoc's `div.sect1 > h2 +
 * div.sectionbody`, as git's manuals are): Readability takes the longest section's body, whose only
 * sibling is its heading, and leaves out every other section (71% of "Fighting regressions with git
 * bisect"). Unwrapped, each body's blocks stand beside its heading, and the sections beside each
 * other are the article. Only for a second reading, when the first lost most of the page.
 */
function unwrapSectionBodies(clone: Document): void {
  for (const section of clone.querySelectorAll('div, section')) {
    const [heading, body, ...more] = section.children;
    if (!heading || !body || more.length > 0 || !/^h[1-6]$/.test(heading.localName)) continue;
    if (body.localName === 'div' || body.localName === 'section') body.replaceWith(...body.childNodes);
  }
}

/** At most this many parts of a sectioned page are read one by one (`sectionParts`). */
const MAX_SECTION_PARTS = 40;
/** Each part's reading clones the whole page: at most this many elements cloned in all. */
const MAX_SECTION_READING_ELEMENTS = 300_000;
const SECTION_HEADINGS = 'h2, h3, h4, h5, h6';

/**
 * A manual's page whose sections each wrap a definition list (DocBook's `div.sect1 > div.sect2`, as
 * PostgreSQL's are: the heading in a `div.titlepage`, the body a `div.variablelist > dl`): Readability
 * takes the longest section's list, whose siblings are no sections, and leaves out every other section
 * (84% of "Replication", 52% of "Connections and Authentication"). The parts of the element holding all
 * the page's section headings, in order, each read on its own: null when the headings share no element
 * below the body, or it has fewer than two parts holding one, more than MAX_SECTION_PARTS parts, or reading
 * them would clone more than MAX_SECTION_READING_ELEMENTS elements.
 * Paths from the body, so that each reading finds its part in a clone of its own.
 */
function sectionParts(doc: Document): number[][] | null {
  const body = doc.body;
  const headings = body ? contentHeadings(body) : [];
  let root = headings[0]?.parentElement ?? null;
  while (root && root !== body && !headings.every((heading) => root?.contains(heading))) root = root.parentElement;
  if (!body || !root || root === body) return null;
  const parts = [...root.children].filter((part) => part.textContent?.trim());
  if (parts.length > MAX_SECTION_PARTS || parts.filter((part) => part.querySelector(SECTION_HEADINGS)).length < 2)
    return null;
  if (parts.length * doc.getElementsByTagName('*').length > MAX_SECTION_READING_ELEMENTS) return null;
  return parts.map((part) => pathFrom(body, part));
}

/**
 * The section headings of the body's child that holds the most of them: a page's header may hold a
 * heading too (AsciiDoc's manual pages put NAME in `div#header`, the other sections in `div#content`),
 * and with it the headings share no element below the body (git-show lost 31 of its 32 code blocks).
 */
function contentHeadings(body: HTMLElement): Element[] {
  const groups = [...body.children].map((child) => [...child.querySelectorAll(SECTION_HEADINGS)]);
  return groups.reduce((most, group) => (group.length > most.length ? group : most), []);
}

/** The child indexes leading from `ancestor` down to `element`. */
function pathFrom(ancestor: Element, element: Element): number[] {
  const path: number[] = [];
  for (let at: Element = element; at !== ancestor && at.parentElement; at = at.parentElement)
    path.unshift([...at.parentElement.children].indexOf(at));
  return path;
}

/** The element at `path` below `ancestor`. */
function elementAt(ancestor: Element, path: readonly number[]): Element | undefined {
  let element: Element | undefined = ancestor;
  for (const at of path) element = element?.children[at];
  return element;
}

/** A clone's body holding only the element at `path` (from the body), as the page's part to read. */
function onlyPart(path: readonly number[]): (clone: Document) => void {
  return (clone) => {
    const part = elementAt(clone.body, path);
    if (part && part !== clone.body) clone.body.replaceChildren(part);
  };
}

/**
 * Each part of a sectioned page (`sectionParts`) read by Readability on its own, joined in order: the
 * copy of a page whose one reading kept a single section. A part whose reading kept under half of its
 * own text, and whose children hold two sections or more, is read child by child instead (psql's
 * "Usage" holds four sections, the longest of them a list of meta-commands: read whole, it kept that
 * one), within MAX_SECTION_PARTS readings in all. Null when no part reads as anything.
 */
function* parseBySections(
  doc: Document,
  win: Window & typeof globalThis,
): Generator<undefined, { content: string; textContent: string } | null> {
  const parts = sectionParts(doc);
  if (!parts) return null;
  const contents: string[] = [];
  const texts: string[] = [];
  const toRead = [...parts];
  let readings = 0;
  // Each reading clones the whole page: the readings a part's children add stay within both bounds.
  const elements = doc.getElementsByTagName('*').length;
  const mayRead = (count: number) => count <= MAX_SECTION_PARTS && count * elements <= MAX_SECTION_READING_ELEMENTS;
  const title = (heading: Element | null | undefined) => heading?.textContent?.replace(/\s+/g, ' ').trim();
  while (toRead.length > 0) {
    const path = toRead.shift() as number[];
    const element = elementAt(doc.body, path);
    if (!element) continue;
    // A heading between a part's sections (its own heading, once the part is read child by child).
    if (element.matches(SECTION_HEADINGS)) {
      const text = title(element);
      if (text) {
        contents.push(`<${element.localName}>${escapeHtml(text)}</${element.localName}>`);
        texts.push(text);
      }
      continue;
    }
    // A part all links is the page's own table of contents (DocBook's `div.toc`) or a menu, not its text.
    if (isAllLinks(element)) continue;
    const part = parseArticle(doc, win, onlyPart(path));
    readings++;
    yield;
    const children = sectionChildren(element);
    if (
      children &&
      mayRead(readings + toRead.length + children.length) &&
      countWords(part?.textContent ?? '') * 2 < countWords(element.textContent ?? '')
    ) {
      toRead.unshift(...children.map((child) => [...path, [...element.children].indexOf(child)]));
      continue;
    }
    if (!part?.content || !part.textContent?.trim()) continue;
    // Readability may keep a part's list and not the heading beside it ("20.3.3. SSL"): the heading leads it.
    const heading = element.querySelector(SECTION_HEADINGS);
    const headingText = title(heading);
    const lost = heading && headingText && !part.textContent.replace(/\s+/g, ' ').includes(headingText);
    contents.push(
      lost ? `<${heading.localName}>${escapeHtml(headingText)}</${heading.localName}>${part.content}` : part.content,
    );
    texts.push(lost ? `${headingText}\n${part.textContent}` : part.textContent);
  }
  return contents.length > 0 ? { content: contents.join('\n'), textContent: texts.join('\n') } : null;
}

/** At least this share of a part's text in links makes it a table of contents or a menu (`isAllLinks`). */
const MIN_LINKS_SHARE = 0.9;

/** Whether nearly all of an element's text is in links (`MIN_LINKS_SHARE`). */
function isAllLinks(element: Element): boolean {
  const length = (text: string | null) => (text ?? '').replace(/\s+/g, '').length;
  const total = length(element.textContent);
  if (total === 0) return false;
  let linked = 0;
  for (const link of element.querySelectorAll('a[href]')) linked += length(link.textContent);
  return linked >= total * MIN_LINKS_SHARE;
}

/** The children of a part that holds two sections or more (each child holding or being a heading), else null. */
function sectionChildren(element: Element): Element[] | null {
  const children = [...element.children].filter((child) => child.textContent?.trim());
  const sections = children.filter((child) => child.matches(SECTION_HEADINGS) || child.querySelector(SECTION_HEADINGS));
  return sections.length >= 2 ? children : null;
}

/**
 * Readability on a clone (the page is never changed); null when it finds nothing or gives up (the
 * copy is then the page's visible text). Its forms are made plain first (`unclobberForms`): a control
 * named `closest` or `parentNode` made this throw or loop.
 */
function parseArticle(
  doc: Document,
  win: Window & typeof globalThis,
  prepare?: (clone: Document) => void,
): ReturnType<Readability['parse']> {
  try {
    const clone = doc.cloneNode(true) as Document;
    unclobberForms(clone, win);
    markHiddenByStyle(doc, clone);
    prepare?.(clone);
    keepMathJaxMathMl(clone);
    markDisclosureTitles(clone);
    markWidgetClutter(clone);
    setAsideHeadingIds(clone);
    const dashTitle = dashSeparatedTitle(clone) ?? bracketedColonTitle(clone);
    let dropped: string[] = [];
    let firstParagraph: string | undefined;
    const article = new Readability(clone, {
      maxElemsToParse: READABLE_PAGE_LIMITS.maxElements,
      // The sanitizer decides which classes stay (a code block's language) and reads clutter off them.
      keepClasses: true,
      serializer: (content) => {
        restoreHeadingIds(content as Element);
        dropped = dropWidgetClutter(content as Element);
        if (dropped.length > 0) firstParagraph = (content as Element).querySelector('p')?.textContent?.trim();
        return (content as Element).innerHTML;
      },
    }).parse();
    // Readability takes a page's excerpt, when it has no description, from its first paragraph before
    // serializing: a sign-up pitch dropped since is not what the page is about.
    const excerpt = article?.excerpt?.trim();
    if (article && excerpt && dropped.some((text) => text.includes(excerpt))) article.excerpt = firstParagraph ?? null;
    if (article && dashTitle) article.title = dashTitle;
    return article;
  } catch {
    return null; // a document Readability cannot walk
  }
}

/**
 * The day a page says it was published, as written in its metadata (Readability's `publishedTime`:
 * "2015-07-24T05:36:09+01:00", "2017-11-03 03:01:00.000000", "2024-06-25"): the date as the page
 * gives it, in its own time zone, when it is a real day.
 */
export function publishedDay(value: string | null | undefined): string | undefined {
  // ISO 8601 only: `toIsoDate` also reads the RFC 822 dates of RSS, which a page's metadata does not hold.
  if (!/^\s*\d{4}-/.test(value ?? '')) return undefined;
  return toIsoDate(value) ?? undefined;
}

/** A page's title, byline or site name as Shelf keeps and shows it: one plain line (`shownLine`). */
function clean(value: string | null | undefined, max: number): string | null {
  const text = value ? shownLine(value) : '';
  return text ? text.slice(0, max) : null;
}

/**
 * Another reading of the page, sanitized as the copy is, when it keeps more of the live page than the
 * copy so far (`keepsMoreOfPage`); else null.
 */
function* betterReading(
  reading: { content?: string | null; textContent?: string | null } | null,
  live: PageContents,
  current: PageContents,
  win: Window & typeof globalThis,
  pageAddresses: readonly string[],
): Steps<{ html: string; text: string; counts: PageContents } | null> {
  if (!reading?.content || !reading.textContent?.trim()) return null;
  const copy = yield* sanitizeArticleSteps(reading.content, win, pageAddresses);
  const counts = copy.text ? copyContents(copy.html) : null;
  return counts && keepsMoreOfPage(live, counts, current) ? { ...copy, counts } : null;
}

/**
 * Capture as steps: Readability on a clone of a page within READABLE_PAGE_LIMITS (the page itself
 * is never changed), else a text file's own text (`shownTextFile`) or the page's visible text within
 * CAPTURE_TEXT_BUDGET; truncated to the size budget; sanitized.
 */
function* captureSteps(
  doc: Document,
  url: string,
  win: Window & typeof globalThis,
  now: () => number,
): Steps<CapturedPage> {
  const readable = yield* isReadable(doc);
  let article = readable ? parseArticle(doc, win) : null;
  yield;
  let notice: string | null = null;
  let text: string;
  let html: string;
  let truncated = false;
  /** Whether the text is a shown text file's, with its lines (`paragraphsOf`). */
  let fromFile = false;
  // Links to the page itself (its address, or its <base>'s, which Readability wrote every `#…` against)
  // with a fragment are links into the copy.
  const pageAddresses = [url, doc.baseURI];
  // The text searched and snippeted is the copy's own, not Readability's: words the sanitizer drops
  // (an SVG's foreignObject, page clutter) would otherwise find a passage the reader cannot show.
  const copy =
    article?.content && article.textContent?.trim()
      ? yield* sanitizeArticleSteps(article.content, win, pageAddresses)
      : null;
  if (copy?.text) {
    ({ html, text } = copy);
    yield;
    // Against the live article's text, code and images: a copy that lost much of them says so.
    const liveRegion = liveArticle(doc);
    const live =
      liveRegion &&
      (yield* elementTextSteps(liveRegion.region, MAX_CAPTURE_TEXT, CAPTURE_TEXT_BUDGET, now, isUnmeasured));
    if (liveRegion && live?.complete) {
      const liveCounts = liveContents(liveRegion, live.text);
      let copyCounts = copyContents(html);
      // Most of the page lost (its words or its code), or any code block (`mayReadAgain`): read
      // again with sections' bodies unwrapped (`unwrapSectionBodies`), kept if it holds more (`keepsMoreOfPage`).
      if (mayReadAgain(liveCounts, copyCounts)) {
        const sectioned = parseArticle(doc, win, unwrapSectionBodies);
        yield;
        const wider = yield* betterReading(sectioned, liveCounts, copyCounts, win, pageAddresses);
        if (wider) {
          article = sectioned;
          ({ html, text, counts: copyCounts } = wider);
        }
      }
      // Still as much lost: each part of a sectioned page read on its own (`parseBySections`), kept
      // if that holds more of the page. The title, byline and dates stay the whole page's reading.
      if (mayReadAgain(liveCounts, copyCounts)) {
        const joined = yield* betterReading(
          yield* parseBySections(doc, win),
          liveCounts,
          copyCounts,
          win,
          pageAddresses,
        );
        if (joined) ({ html, text, counts: copyCounts } = joined);
      }
      notice = describeCaptureLoss(liveCounts, copyCounts);
    }
  } else {
    html = '';
    // A text file the browser shows as a page (a plain-text book, a long log) is one <pre>, which the
    // walk skips as code: its own text, lines kept (`paragraphsOf`). Line ends read as \n first
    // (browsers already do; a DOM built otherwise may not), then cut.
    const file = shownTextFile(doc, MAX_CAPTURE_TEXT * 2);
    if (file !== undefined) {
      const lines = file.text.replace(/\r\n?/g, '\n');
      text = lines.slice(0, MAX_CAPTURE_TEXT);
      truncated = file.cut || lines.length > MAX_CAPTURE_TEXT;
      notice = readable ? NOTICE_NO_ARTICLE : NOTICE_TOO_LARGE;
      fromFile = true;
    } else {
      const page = yield* pageTextSteps(doc, MAX_CAPTURE_TEXT, CAPTURE_TEXT_BUDGET, now);
      text = page.text;
      truncated = page.truncated;
      notice = !page.complete ? NOTICE_PARTIAL : readable ? NOTICE_NO_ARTICLE : NOTICE_TOO_LARGE;
    }
  }
  if (truncated || text.length > MAX_CAPTURE_TEXT || html.length > MAX_CAPTURE_HTML) {
    text = text.slice(0, MAX_CAPTURE_TEXT);
    html = '';
    notice = NOTICE_TRUNCATED;
  }
  yield;
  // Paragraphs of text set through textContent: nothing in them to sanitize (the reader
  // sanitizes every copy again anyway), and sanitizing a million characters blocks the tab.
  if (!html) {
    html = (yield* paragraphsHtmlSteps(doc, paragraphsOf(text, fromFile))).slice(0, MAX_CAPTURE_HTML);
    // The page's visible text keeps its blocks apart only to part them into paragraphs: searched, it
    // is the copy's words, as the reader reads them (a text file's keeps its lines).
    if (!fromFile) text = text.replace(/\s+/g, ' ').trim();
  }
  const dir = (article?.dir ?? doc.dir ?? doc.documentElement.getAttribute('dir') ?? '').toLowerCase();
  // The address its item keeps (`addressWithoutTracking`): not where the link was shared (`?utm_source=…`).
  const address = addressWithoutTracking(url);
  const published = publishedDay(article?.publishedTime);
  return {
    url: address.slice(0, 4096),
    title: clean(article?.title, 1000) ?? clean(doc.title, 1000) ?? address.slice(0, 1000),
    byline: clean(article?.byline, 500),
    siteName: clean(article?.siteName, 500),
    excerpt: clean(article?.excerpt, 2000),
    lang: clean(article?.lang ?? doc.documentElement.lang, 35),
    dir: dir === 'rtl' || dir === 'ltr' ? dir : null,
    ...copyLength(text),
    html,
    text,
    notice,
    ...(published ? { published } : {}),
  };
}

const clock = () => performance.now();

/**
 * Captures a readable, sanitized copy of a page in one go (imports of saved files, Node). `now` is
 * the clock the budgets are measured with.
 */
export function capturePage(
  doc: Document,
  url: string,
  win: Window & typeof globalThis = window,
  now: () => number = clock,
): CapturedPage {
  return runToEnd(captureSteps(doc, url, win, now));
}

/** The same in the tab being saved, in short slices with pauses, so the page keeps responding. */
export function capturePageInSlices(
  doc: Document,
  url: string,
  win: Window & typeof globalThis = window,
): Promise<CapturedPage> {
  return runInSlices(captureSteps(doc, url, win, clock));
}
