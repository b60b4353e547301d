import { type PlainReader, plainReader } from '@/lib/dom/form-clobbering';
import { createWorkMeter, runInSlices, runToEnd, type Steps, type WorkMeter } from '@/lib/dom/time-slices';

/**
 * The main text of a page, extracted cheaply and the same way everywhere (content script,
 * right-click, capture, CLI through a DOM implementation in Node): the article/main element when
 * there is one, without navigation, headers, footers, forms (but one wrapping the article: `wrappingForms`),
 * code blocks, hidden text or scripts, capped (a text file the browser shows as a page is one `<pre>`: `shownTextFile`). The walk
 * is iterative and bounded (`WalkBudget`), so a page nested 100,000 levels deep or holding a million
 * elements costs a bounded amount of work, never a stack overflow.
 */
export interface PageText {
  title: string;
  text: string;
  /** True when the cap cut the text. */
  truncated: boolean;
}

export interface ExtractedPageText extends PageText {
  /** False when the walk gave up before the end of the page (a budget ran out). */
  complete: boolean;
}

export interface WalkBudget {
  /** Nodes (elements and text) visited at most. */
  maxNodes: number;
  /** Deeper elements are not entered: the HTML parser never builds more than 512 levels, so deeper trees were built by script. */
  maxDepth: number;
  /** Time from start after which the walk stops with what it has. */
  maxMs: number;
}

export const MAX_PAGE_TEXT = 50_000;
/** Enough for any real article (a long one has a few thousand nodes), small enough to stay fast. */
export const PAGE_TEXT_BUDGET: WalkBudget = { maxNodes: 200_000, maxDepth: 1_000, maxMs: 250 };
/**
 * The same bounds on work without the time bound, for Node tools whose answer must not depend on
 * how busy the machine is (`npm run eval`, `query related`): under load the 250 ms could cut a long
 * manual short, and its related articles would change from one run to the next.
 */
export const UNTIMED_BUDGET: WalkBudget = { ...PAGE_TEXT_BUDGET, maxMs: Number.POSITIVE_INFINITY };
const MIN_MAIN_TEXT = 400;

const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'PRE',
  'CODE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
]);

/**
 * Boilerplate that documentation generators repeat on every entry: Sphinx (Python's manual, Read
 * the Docs sites) marks "New in version 3.2." / "Changed in version …" / "Deprecated since
 * version …" with this class. A reference page says it dozens of times, and "version", "new" and
 * "changed" then outweigh its topic (Python's imghdr page came out related to Terraform module
 * versioning). The sentence after the marker (what changed) stays.
 */
const BOILERPLATE_CLASSES = ['versionmodified'];

function isBoilerplate(element: Element, read: PlainReader): boolean {
  const classes = (read.getAttribute(element, 'class') ?? '').split(/\s+/);
  return BOILERPLATE_CLASSES.some((name) => classes.includes(name));
}

function isHidden(element: Element, read: PlainReader): boolean {
  return read.getAttribute(element, 'aria-hidden') === 'true' || isNotShown(element, read);
}

/**
 * Hidden from every reader, not only from screen readers (`aria-hidden`). Read through the prototypes
 * (`plainReader`): a page's form answers to its controls' names.
 */
function isNotShown(element: Element, read: PlainReader): boolean {
  if (read.hasAttribute(element, 'hidden')) return true;
  const style = read.getAttribute(element, 'style');
  return style !== null && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export interface CollectedText {
  text: string;
  truncated: boolean;
  complete: boolean;
}

/** Elements that start a block of their own: a capture keeps the visible text's paragraphs apart at them. */
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'DT',
  'DD',
  'TR',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'BR',
  'HR',
]);

/**
 * Visible text under `root`, in document order, walking without recursion; yields every 256 nodes.
 * `withoutBoilerplate`: also without documentation generators' version notes (for related articles;
 * a saved copy keeps every word).
 */
function* collectText(
  root: Element,
  maxChars: number,
  maxDepth: number,
  meter: WorkMeter,
  withoutBoilerplate = false,
  keepBlocks = false,
  wrappers: ReadonlySet<Element> = new Set(),
  leftOut?: LeftOut,
): Steps<CollectedText> {
  const parts: string[] = [];
  let length = 0;
  let truncated = false;
  let complete = true;
  let depth = 0;
  // The page's own nodes, read through their prototypes: a form answers to its controls' names, and a
  // control named `parentNode` sent the walk up back into its form, forever.
  const read = plainReader(root);
  let node: Node | null = root;
  while (node) {
    if (meter.spend()) {
      complete = false;
      break;
    }
    if ((meter.nodes & 255) === 0) yield;
    let enter = false;
    const type = read.nodeType(node);
    if (type === 3) {
      const value = node.nodeValue ?? '';
      if (value.trim()) {
        const part = value.slice(0, maxChars - length + 1);
        // Kept blocks: a text's own line breaks are spaces, so the only ones left are between blocks.
        parts.push(keepBlocks ? part.replace(/\s+/g, ' ') : part);
        length += value.length + 1;
        if (length > maxChars) {
          truncated = true;
          break;
        }
      }
    } else if (type === 1) {
      const element = node as Element;
      const tag = read.localName(element).toUpperCase();
      // A form that is the page's region or holds its article or title wraps the page (ASP.NET wraps every
      // page in one): walked, not skipped as a search or sign-up form. The root is walked whatever it is
      // (an SVG document's <svg>).
      const skipped = element !== root && SKIPPED.has(tag) && !(tag === 'FORM' && wrappers.has(element));
      enter =
        !skipped &&
        !isHidden(element, read) &&
        !(withoutBoilerplate && isBoilerplate(element, read)) &&
        !leftOut?.(element, read);
      if (enter && depth >= maxDepth) {
        enter = false;
        complete = false;
      }
      if (enter && keepBlocks && BLOCKS.has(tag)) parts.push('\n');
    }
    // Next in document order: the first child, else the next sibling of this node or an ancestor.
    const child: Node | null = enter ? read.firstChild(node) : null;
    if (child) {
      node = child;
      depth++;
      continue;
    }
    while (node && node !== root && !read.nextSibling(node)) {
      node = read.parentNode(node);
      depth--;
    }
    node = !node || node === root ? null : read.nextSibling(node);
  }
  const text = keepBlocks
    ? parts
        .join(' ')
        .replace(/ *\n[ \n]*/g, '\n\n')
        .replace(/ +/g, ' ')
        .trim()
    : parts.join(' ').replace(/\s+/g, ' ').trim();
  return { text: truncated ? text.slice(0, maxChars) : text, truncated, complete };
}

/**
 * Elements whose content the walk never enters (a subset of SKIPPED): content not shown as the page's
 * text, which a saved copy's sanitizer drops too for a drawing's `foreignObject` and `noscript`
 * (parsed as elements where scripts do not run: a DOMParser document), and embeds' fallback content
 * (shown only where the embed cannot be). An article inside one is not the page's.
 */
const UNREAD_CONTAINERS = 'svg, noscript, template, object, iframe, video, audio, canvas';

/**
 * The first element matching `selector` that is neither inside an UNREAD_CONTAINERS element nor shown
 * to no one, itself or a container of it: a page may keep an old article, or a template of one, in a
 * hidden `div`, and the walk, which skips what is hidden under the element it reads, would read all of
 * it. A container hidden from screen readers alone still shows its article: sites set `aria-hidden` on
 * the whole page while a cookie dialog is open.
 */
function firstReadElement(doc: Document, selector: string): Element | undefined {
  const read = plainReader(doc.documentElement);
  for (const element of doc.querySelectorAll(selector)) {
    if (!read.closest(element, UNREAD_CONTAINERS) && !isOrIsInNotShown(element, read)) return element;
  }
  return undefined;
}

/** The forms that `elements` are in, or are (see `collectText`): read through the prototypes, a form's own properties being its controls. */
function wrappingForms(elements: ReadonlyArray<Element | undefined>, read: PlainReader): Set<Element> {
  const forms = new Set<Element>();
  for (const element of elements)
    for (let at: Node | null = element ?? null; at && read.nodeType(at) === 1; at = read.parentNode(at))
      if (read.localName(at as Element) === 'form') forms.add(at as Element);
  return forms;
}

function isOrIsInNotShown(element: Element, read: PlainReader): boolean {
  for (let at: Node | null = element; at && read.nodeType(at) === 1; at = read.parentNode(at))
    if (isNotShown(at as Element, read)) return true;
  return false;
}

/** A text file shown as a page, read up to a limit (`shownTextFile`). */
export interface ShownTextFile {
  text: string;
  /** True when the file goes on past what was read. */
  cut: boolean;
}

/**
 * The text of a text file that the browser shows as a page (an RFC, notes, a README, a log, a
 * plain-text book): Chromium and Firefox make a text/* response other than HTML or XML
 * `<body><pre>file</pre></body>`, text nodes only, which the walk skips as code. Only a document of
 * that type and shape, nothing hidden: an HTML page of one `<pre>` is a code listing, and a `<pre>`
 * of elements is not what a browser makes of a file. Read node by node up to `limit` characters:
 * a log of hundreds of megabytes is never copied whole.
 */
export function shownTextFile(doc: Document, limit: number): ShownTextFile | undefined {
  const body = doc.body;
  const pre = body?.childElementCount === 1 ? body.firstElementChild : null;
  if (!/^text\/(?!(html|xml|xsl)$)/i.test(doc.contentType ?? '') || !pre || pre.tagName.toUpperCase() !== 'PRE')
    return undefined;
  const read = plainReader(pre);
  if (isHidden(body as HTMLElement, read) || isHidden(pre, read)) return undefined;
  for (const node of (body as HTMLElement).childNodes)
    if (node.nodeType === 3 && node.nodeValue?.trim()) return undefined;
  const parts: string[] = [];
  let length = 0;
  for (const node of pre.childNodes) {
    // Text nodes only (Chromium parts a long file into nodes of 65,536 characters): nothing hidden or run.
    if (node.nodeType !== 3) return undefined;
    const value = node.nodeValue ?? '';
    if (length < limit) parts.push(value.slice(0, limit - length));
    length += value.length;
  }
  return { text: parts.join(''), cut: length > limit };
}

/** A page's title as compared: one line, at most 300 characters. */
function pageTitle(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/**
 * A text as a page's text: whitespace folded like the walk's (so the cap counts words, not an RFC's
 * indentation), at most `maxChars` of it, and the title at most 300 characters like a page's. For a
 * text file shown as a page, and for Node tools reading text and Markdown files (`query related`).
 */
export function textAsPageText(title: string, raw: string, maxChars = MAX_PAGE_TEXT): PageText {
  // No more of it than folding could need: a file may be megabytes.
  const read = raw.slice(0, maxChars * 4);
  const text = read.replace(/\s+/g, ' ').trim();
  return {
    title: pageTitle(title),
    text: text.slice(0, maxChars),
    truncated: text.length > maxChars || raw.length > read.length,
  };
}

/**
 * The extraction as steps (see time-slices.ts), for callers that run it within their own steps.
 * `forRelated`: what related articles read, never what a capture keeps: without version notes (see
 * BOILERPLATE_CLASSES), and a text file shown as a page read from its `<pre>` (`shownTextFile`),
 * whitespace folded and capped.
 */
export function* pageTextSteps(
  doc: Document,
  maxChars: number,
  budget: WalkBudget,
  now: () => number,
  forRelated = false,
): Steps<ExtractedPageText> {
  const meter = createWorkMeter(budget, now);
  const heading = firstReadElement(doc, 'h1');
  const title = pageTitle(heading?.textContent ?? doc.title ?? '');
  const main = firstReadElement(doc, 'article, main, [role="main"]');
  const wrappers = wrappingForms([main, heading], plainReader(doc.documentElement));
  let result: CollectedText = { text: '', truncated: false, complete: true };
  // A capture keeps the text's blocks apart (its copy's paragraphs); related articles read words.
  const keepBlocks = !forRelated;
  if (main) result = yield* collectText(main, maxChars, budget.maxDepth, meter, forRelated, keepBlocks, wrappers);
  // An SVG or other XML document has no body: its root holds its text (red team: an SVG page was kept as "0 words").
  const whole = doc.body ?? doc.documentElement;
  if (result.text.length < MIN_MAIN_TEXT && whole && !meter.spent) {
    result = yield* collectText(whole, maxChars, budget.maxDepth, meter, forRelated, keepBlocks, wrappers);
  }
  // Related articles only: a capture keeps a text file's lines (Readability's copy, or its own
  // reading of `shownTextFile`), where this folds them.
  const file = forRelated && !result.text ? shownTextFile(doc, maxChars * 4) : undefined;
  if (file) {
    const { text, truncated } = textAsPageText('', file.text, maxChars);
    result = { text, truncated: truncated || file.cut, complete: true };
  }
  return { title, text: result.text, truncated: result.truncated, complete: result.complete && !meter.spent };
}

/** Elements a caller's walk also leaves out, read through the prototypes (`plainReader`). */
export type LeftOut = (element: Element, read: PlainReader) => boolean;

/**
 * Visible text under one element (same rules and budget as the page's), as steps; without the
 * elements `leftOut` names too.
 */
export function* elementTextSteps(
  root: Element,
  maxChars: number,
  budget: WalkBudget,
  now: () => number,
  leftOut?: LeftOut,
): Steps<CollectedText> {
  return yield* collectText(
    root,
    maxChars,
    budget.maxDepth,
    createWorkMeter(budget, now),
    false,
    false,
    new Set(),
    leftOut,
  );
}

const clock = () => performance.now();

/** The page's main text for related articles in one go (for Node, and for scripts whose caller waits for the result). */
export function extractPageText(
  doc: Document,
  maxChars = MAX_PAGE_TEXT,
  budget: WalkBudget = PAGE_TEXT_BUDGET,
  now = clock,
): ExtractedPageText {
  return runToEnd(pageTextSteps(doc, maxChars, budget, now, true));
}

/** The same, in short slices with pauses between them, so the page stays responsive meanwhile. */
export function extractPageTextInSlices(
  doc: Document,
  maxChars = MAX_PAGE_TEXT,
  budget: WalkBudget = PAGE_TEXT_BUDGET,
  now = clock,
): Promise<ExtractedPageText> {
  return runInSlices(pageTextSteps(doc, maxChars, budget, now, true), { now });
}
