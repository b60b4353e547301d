/**
 * HTML text from outside (a backup's copy, an imported page, a bookmarks file) as the HTML parser
 * may safely read it: elements nested deeper than `MAX_MARKUP_DEPTH` lose their tags, never their
 * text. The parser itself builds no deeper than 512 levels, but reaching that bound costs it time
 * quadratic in the nesting: Chromium's DOMParser spent 45 s on one backup copy nested 100,000
 * `<div>`s deep (twice 22 s: once to sanitize, once to read the text), all of it in one task.
 *
 * A scan of the tags, not a parser: it counts only elements that can hold themselves (a `<p>` or
 * `<li>` closes the one before it), so markup a parser nests less deeply than counted here is never
 * changed, and markup under the bound comes back as the very same string.
 */
export const MAX_MARKUP_DEPTH = 512;

/** Elements with no end tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose end tag may be left out, which the parser closes when a sibling starts: they never nest by themselves. */
const SELF_CLOSING_SIBLINGS = new Set([
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rtc',
  'rp',
]);

/** Elements whose content is text up to their end tag: a `<div>` inside a script is not a tag. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
]);

/** Where SVG and MathML start: inside them `<x/>` closes itself. */
const FOREIGN = new Set(['svg', 'math']);
/** Where HTML starts again inside SVG or MathML. */
const HTML_INSIDE_FOREIGN = new Set(['foreignobject', 'desc', 'annotation-xml', 'mi', 'mo', 'mn', 'ms', 'mtext']);

/**
 * How far down the open elements an end tag looks for its start tag: a stray end tag costs at most
 * this much, whatever the depth (an end tag not found is left as written).
 */
const END_TAG_REACH = 64;

/** Where markup starts: a comment, a doctype or processing instruction, an end tag, a start tag. */
const MARKUP_START = /<(?:!--|[!?]|\/?[a-zA-Z])/g;
const TAG_NAME = /[^\s/>]*/y;

/**
 * The end of the tag whose name ends at `from` (just past its ">", or the end of the text), and
 * whether it closes itself ("/>"). Quotes count only around an attribute value, as the tokenizer reads them.
 */
function tagEnd(html: string, from: number): { end: number; selfClosing: boolean } {
  for (let at = from; at < html.length; at++) {
    const char = html[at];
    if (char === '>') return { end: at + 1, selfClosing: html[at - 1] === '/' };
    if (char !== '=') continue;
    let value = at + 1;
    while (value < html.length && /\s/.test(html[value] as string)) value++;
    const quote = html[value];
    if (quote !== '"' && quote !== "'") continue;
    const closing = html.indexOf(quote, value + 1);
    if (closing < 0) return { end: html.length, selfClosing: false };
    at = closing;
  }
  return { end: html.length, selfClosing: false };
}

interface OpenElement {
  name: string;
  dropped: boolean;
  foreign: boolean;
}

export function flattenDeepMarkup(html: string, maxDepth = MAX_MARKUP_DEPTH): string {
  const open: OpenElement[] = [];
  /** [start, end) of each tag left out. */
  const cuts: number[] = [];
  const starts = new RegExp(MARKUP_START.source, 'g');
  for (let match = starts.exec(html); match; match = starts.exec(html)) {
    const at = match.index;
    const opener = match[0];
    if (opener === '<!--') {
      const close = html.indexOf('-->', at + 4);
      starts.lastIndex = close < 0 ? html.length : close + 3;
      continue;
    }
    if (opener === '<!' || opener === '<?') {
      const close = html.indexOf('>', at + 2);
      starts.lastIndex = close < 0 ? html.length : close + 1;
      continue;
    }
    const isEnd = opener[1] === '/';
    TAG_NAME.lastIndex = at + (isEnd ? 2 : 1);
    const name = (TAG_NAME.exec(html)?.[0] ?? '').toLowerCase();
    const { end, selfClosing } = tagEnd(html, TAG_NAME.lastIndex);
    starts.lastIndex = end;
    if (isEnd) {
      const reach = Math.max(0, open.length - END_TAG_REACH);
      for (let depth = open.length - 1; depth >= reach; depth--) {
        if ((open[depth] as OpenElement).name !== name) continue;
        if ((open[depth] as OpenElement).dropped) cuts.push(at, end);
        open.length = depth;
        break;
      }
      continue;
    }
    const parent = open[open.length - 1];
    const inForeign = parent?.foreign ?? false;
    if (RAW_TEXT.has(name) && !inForeign) {
      // Its text runs to its end tag (or to the end of the markup): a "<div>" in a script is no tag.
      const close = new RegExp(`</${name}[\\s/>]`, 'gi');
      close.lastIndex = end;
      starts.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (VOID.has(name) || SELF_CLOSING_SIBLINGS.has(name) || (inForeign && selfClosing)) continue;
    const dropped = open.length >= maxDepth;
    if (dropped) cuts.push(at, end);
    open.push({ name, dropped, foreign: FOREIGN.has(name) || (inForeign && !HTML_INSIDE_FOREIGN.has(name)) });
  }
  if (cuts.length === 0) return html;
  const kept: string[] = [];
  let from = 0;
  for (let at = 0; at < cuts.length; at += 2) {
    kept.push(html.slice(from, cuts[at]));
    from = cuts[at + 1] as number;
  }
  kept.push(html.slice(from));
  return kept.join('');
}

/**
 * HTML text from a file or a backup as an inert document (DOMParser runs no script and loads
 * nothing), nested no deeper than the parser can build quickly.
 */
export function parseInertHtml(html: string, win: Window & typeof globalThis = window): Document {
  return new win.DOMParser().parseFromString(flattenDeepMarkup(html), 'text/html');
}
