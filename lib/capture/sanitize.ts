import DOMPurify from 'dompurify';

/**
 * Sanitizes captured article HTML. Runs twice: in the page when capturing (before anything is
 * stored) and in the extension page right before showing it (what is stored is never trusted).
 * Keeps structure and text; drops scripts, event handlers, frames, forms, embedded media, styles
 * (remote or inline, including CSS that hides text), `javascript:`/`data:` URLs and tracking
 * pixels. Images keep their address in `data-shelf-src`, so nothing loads unless the user allows it.
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
];
const SAFE_URL = /^(?:https?:|mailto:|#)/i;

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
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src');
      node.removeAttribute('src');
      if (src && /^https?:/i.test(src)) node.setAttribute('data-shelf-src', src);
      if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
    }
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      if (href && !SAFE_URL.test(href)) node.removeAttribute('href');
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
