import DOMPurify from 'dompurify';

/**
 * Sanitizes captured article HTML. Runs twice: in the page when capturing (before anything is
 * stored) and in the extension page right before showing it (what is stored is never trusted).
 * Keeps structure and text; drops scripts, event handlers, frames, forms, image maps, embedded
 * media, SVG and MathML, styles (remote or inline, including CSS that hides text), every URL that
 * is not http(s) or mailto, and tracking pixels. The only element left that navigates is `<a>`,
 * and every one opens in a new tab, so a link in a copy can never navigate the reader itself.
 * Images keep their address in `data-shelf-src`, so nothing loads unless the user allows it.
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
  'svg',
  'math',
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
];
const FORBID_ATTR = [
  'style',
  'class',
  'id',
  'srcset',
  'sizes',
  'width',
  'height',
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
  // A copy must not take the focus from the reader.
  'autofocus',
  // Customized built-in elements: a copy runs no code of its own. (DOMPurify leaves `is=""`, the
  // one way to keep serializing from writing the element's original `is` value back.)
  'is',
  // Named elements would shadow the reader page's own globals (DOM clobbering).
  'name',
];
/**
 * The addresses a copy may link to. Fragment links are dropped too: the ids they point at are
 * removed, and in an extension page they would only reload Shelf.
 */
const SAFE_URL = /^(?:https?:|mailto:)/i;
const WEB_URL = /^https?:/i;

function isTrackingPixel(element: Element): boolean {
  const size = (name: string) => Number.parseInt(element.getAttribute(name) ?? '', 10);
  return size('width') <= 1 || size('height') <= 1;
}

export function sanitizeArticleHtml(html: string, win: Window & typeof globalThis = window): string {
  const purify = DOMPurify(win);
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'img' && node instanceof win.Element && isTrackingPixel(node)) node.remove();
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof win.Element)) return;
    const kept = node.getAttribute('data-shelf-src'); // from a stored copy (a backup could say anything)
    if (kept !== null && (node.tagName !== 'IMG' || !WEB_URL.test(kept.trim()))) node.removeAttribute('data-shelf-src');
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src');
      node.removeAttribute('src');
      if (src && WEB_URL.test(src.trim())) node.setAttribute('data-shelf-src', src.trim());
      if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
    }
    const href = node.getAttribute('href');
    if (href !== null && (node.tagName !== 'A' || !SAFE_URL.test(href.trim()))) node.removeAttribute('href');
    if (node.tagName === 'A') {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    }
  });
  return purify.sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['data-shelf-src', 'target'],
    ALLOWED_URI_REGEXP: SAFE_URL,
    RETURN_TRUSTED_TYPE: false,
  }) as string;
}
