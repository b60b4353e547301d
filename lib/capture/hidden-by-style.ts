/**
 * Elements a page hides from sight, not from screen readers, by its own CSS rather than by a class named
 * for it (`visually-hidden`, `sr-only`): the New York Times' generated classes (`css-1dv1kvn`: `clip:
 * rect(0 0 0 0)`, 1px, `position: absolute`) hid its figures' "Image", "Photo" and "Credit" labels,
 * which the copy, keeping no style, showed ("…winter weather.CreditKirsten Luce"). Marked on the clone
 * Readability reads, for the sanitizer to tell them apart once classes and style are gone
 * (`isHiddenFigureLabel` decides which marked elements are labels: most are not, and stay).
 */
export const HIDDEN_BY_STYLE_MARK = 'data-shelf-hidden';

/** Rules read in the page's style sheets: a hostile page's million rules are not all read. */
const MAX_RULES_READ = 20_000;
/** Hiding selectors looked up in the clone: a page has one or two ("visually hidden" is one utility). */
const MAX_HIDING_SELECTORS = 20;
/** Characters of `<style>` text read where the DOM parsed no rules (a news page's is about 300 KB). */
const MAX_STYLE_TEXT = 2_000_000;
/** A hiding selector longer than this is not run (a utility class's is a few dozen characters). */
const MAX_SELECTOR_LENGTH = 300;
/** Elements with a `style` attribute mentioning a clip that are read. */
const MAX_STYLED_READ = 2_000;

/** A clip to nothing or to a pixel: `rect(0 0 0 0)`, `rect(0px, 0px, 0px, 0px)`, `rect(1px, 1px, 1px, 1px)`. */
const EMPTY_CLIP = /^rect\(\s*[01](?:px)?(?:\s*,?\s*[01](?:px)?)*\s*\)$/;
/** A clip path cutting everything away: `inset(50%)` (half from each side), `inset(100%)`. */
const EMPTY_CLIP_PATH = /^inset\(\s*(?:50|100)%\s*\)$/;
const AT_MOST_A_PIXEL = /^(?:0|[01](?:\.0+)?px)$/;

/**
 * Whether a style is one of the standard "visually hidden" patterns: taken out of the flow
 * (`position: absolute` or `fixed`) and clipped to nothing, or shrunk to a pixel with its overflow
 * hidden. A small box that shows what overflows it, or one in the flow, is not hidden.
 */
export function isVisuallyHiddenStyle(style: CSSStyleDeclaration): boolean {
  const position = style.getPropertyValue('position').trim();
  if (position !== 'absolute' && position !== 'fixed') return false;
  if (EMPTY_CLIP.test(style.getPropertyValue('clip').trim())) return true;
  if (EMPTY_CLIP_PATH.test(style.getPropertyValue('clip-path').trim())) return true;
  return (
    AT_MOST_A_PIXEL.test(style.getPropertyValue('width').trim()) &&
    AT_MOST_A_PIXEL.test(style.getPropertyValue('height').trim()) &&
    style.getPropertyValue('overflow').trim() === 'hidden'
  );
}

/** Declarations' text that may take a box out of the flow (`position: absolute`), as a hiding rule does. */
const OUT_OF_FLOW = /position\s*:\s*(?:absolute|fixed)/i;

/** A rule's selector and its declarations' text (`.a`, `position: absolute; clip: …`). */
type RuleText = [selector: string, declarations: string];

/**
 * The top-level style rules written in a style sheet's text; at-rules (`@media`, `@font-face`) and
 * what their blocks hold are skipped. For a `<style>` whose sheet the DOM did not build (a document
 * parsed without rendering may build none) or holds no rule (a sheet wrapped as below).
 */
function* rulesInText(css: string): Generator<RuleText> {
  // A page written as XHTML wraps its sheet in `<![CDATA[ … ]]>`: served as HTML, the wrapper stays in the
  // text, and a browser's CSS parser reads the whole sheet as one broken rule (the saved New York Times pages).
  const text = withoutComments(css).replace(/<!\[CDATA\[|\]\]>|<!--|-->/g, '');
  let depth = 0;
  let start = 0;
  let open = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    // A brace in a string (`content: "{"`) opens no block: counted, it paired the rules after it with others' declarations.
    const end = literalEnd(text, at);
    if (end !== at) at = end;
    else if (char === '{' && depth++ === 0) open = at;
    else if (char === '}' && depth > 0 && --depth === 0) {
      const selector = text.slice(start, open).trim();
      if (selector && !selector.startsWith('@')) yield [selector, text.slice(open + 1, at)];
      start = at + 1;
    } else if (char === ';' && depth === 0) start = at + 1; // after `@import …;` or `@charset …;`
  }
}

/**
 * CSS text without its comments, in one pass: an unclosed comment runs to the end of the text; a "/*" in a
 * string (`content: "/*"`) opens none. (A lazy regular expression rescanned the rest of the text from each
 * "/*" left open: minutes for a hostile sheet of them.)
 */
export function withoutComments(css: string): string {
  let kept = '';
  let from = 0;
  for (let at = 0; at < css.length; at++) {
    const end = literalEnd(css, at);
    if (end !== at) at = end;
    else if (css[at] === '/' && css[at + 1] === '*') {
      kept += css.slice(from, at);
      const close = css.indexOf('*/', at + 2);
      if (close < 0) return kept;
      from = close + 2;
      at = close + 1;
    }
  }
  return kept + css.slice(from);
}

/**
 * Where an escaped character or a string starting at `at` ends (its braces, quotes and slashes are no
 * CSS of their own: Tailwind's `.content-\[\'\2192\'\]` holds no string); `at` when none starts there.
 */
function literalEnd(css: string, at: number): number {
  const char = css[at];
  if (char === '\\') return at + 1;
  if (char === '"' || char === "'") return stringEnd(css, at);
  return at;
}

/**
 * Where the string opened by the quote at `open` ends: its closing quote, or as CSS ends a string left
 * open, the line's end (a line feed, carriage return or form feed; else the text's). An escaped quote
 * or line break stays in the string.
 */
function stringEnd(css: string, open: number): number {
  const quote = css[open];
  for (let at = open + 1; at < css.length; at++) {
    const char = css[at];
    if (char === '\\') at++;
    else if (char === quote || char === '\n' || char === '\r' || char === '\f') return at;
  }
  return css.length;
}

/** The page's rules as parsed sheets give them, and as `<style>` texts say them where no rule was parsed. */
function* pageRules(page: Document): Generator<RuleText | CSSStyleRule> {
  for (const sheet of page.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet
    }
    for (const rule of rules) if (typeof (rule as CSSStyleRule).selectorText === 'string') yield rule as CSSStyleRule;
  }
  let textRead = 0;
  for (const style of page.querySelectorAll('style')) {
    if ((style.sheet?.cssRules.length ?? 0) > 0) continue;
    const css = style.textContent ?? '';
    textRead += css.length;
    if (textRead > MAX_STYLE_TEXT) return;
    yield* rulesInText(css);
  }
}

/**
 * The selectors of the page's own top-level rules that hide from sight. Read from the page itself,
 * not the clone: a page's script may add rules to a `<style>` element's sheet without writing them in
 * its text (CSS-in-JS), and a clone has only the text. Sheets from elsewhere cannot be read, and are
 * not; rules inside `@media` hide only on some screens, and are not either.
 */
function hidingSelectors(page: Document, probes: Document): string[] {
  const selectors: string[] = [];
  // Declarations written as text are read by the DOM's own parser, on an element of no page.
  const probe = probes.createElement('span');
  let read = 0;
  for (const rule of pageRules(page)) {
    if (++read > MAX_RULES_READ || selectors.length >= MAX_HIDING_SELECTORS) break;
    try {
      // Most rules do not take their box out of the flow: only those that do are parsed.
      if (Array.isArray(rule) && !OUT_OF_FLOW.test(rule[1])) continue;
      if (Array.isArray(rule)) probe.style.cssText = rule[1];
      if (isVisuallyHiddenStyle(Array.isArray(rule) ? probe.style : rule.style))
        selectors.push(Array.isArray(rule) ? rule[0] : rule.selectorText);
    } catch {
      // declarations this DOM's parser throws at (jsdom's, at some values): not a hiding rule
    }
  }
  return selectors;
}

/**
 * Marks the elements of `clone` (a copy of `page`) that the page's style hides from sight. Never throws:
 * a page whose elements stand in for its document's properties (two `<img name="body">`) keeps its
 * labels, not lose its copy.
 */
export function markHiddenByStyle(page: Document, clone: Document): void {
  try {
    markHidden(page, clone);
  } catch {
    // nothing (more) marked
  }
}

function markHidden(page: Document, clone: Document): void {
  const body = clone.body;
  if (!body) return;
  // The page's own marks would drop its own words: only Shelf's count.
  for (const marked of body.querySelectorAll(`[${HIDDEN_BY_STYLE_MARK}]`)) marked.removeAttribute(HIDDEN_BY_STYLE_MARK);
  let selectors: string[] = [];
  try {
    selectors = hidingSelectors(page, clone);
  } catch {
    // A page's `<img name="styleSheets">` answers for `document.styleSheets`: nothing is marked then.
  }
  for (const selector of selectors) {
    // The page's own selectors run in Shelf's context (the offscreen document when a link is saved
    // unopened): one nesting `:has()` over a large page, or a very long one, is not run.
    if (selector.length > MAX_SELECTOR_LENGTH || selector.includes(':has(')) continue;
    try {
      for (const element of body.querySelectorAll(selector)) element.setAttribute(HIDDEN_BY_STYLE_MARK, '');
    } catch {
      // a selector this DOM does not take (a pseudo-element): nothing marked by it
    }
  }
  let styled = 0;
  for (const element of body.querySelectorAll('[style*="clip" i]')) {
    if (++styled > MAX_STYLED_READ) break;
    const style = (element as HTMLElement).style;
    if (style && isVisuallyHiddenStyle(style)) element.setAttribute(HIDDEN_BY_STYLE_MARK, '');
  }
}
