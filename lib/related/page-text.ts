/**
 * The main text of a page, extracted cheaply and the same way everywhere (content script,
 * right-click, CLI through a DOM implementation in Node): the article/main element when there is
 * one, without navigation, headers, footers, forms, code blocks, hidden text or scripts, capped.
 */
export interface PageText {
  title: string;
  text: string;
  /** True when the cap cut the text. */
  truncated: boolean;
}

export const MAX_PAGE_TEXT = 50_000;
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

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function collectText(root: Element, budget: number): { text: string; truncated: boolean } {
  const parts: string[] = [];
  let length = 0;
  let truncated = false;
  const visit = (node: Node): void => {
    if (truncated) return;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (value.trim()) {
        parts.push(value);
        length += value.length + 1;
        if (length > budget) truncated = true;
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (SKIPPED.has(element.tagName.toUpperCase()) || isHidden(element)) return;
    for (let child = element.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(root);
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  return { text: truncated ? text.slice(0, budget) : text, truncated };
}

export function extractPageText(doc: Document, maxChars = MAX_PAGE_TEXT): PageText {
  const title = (doc.querySelector('h1')?.textContent ?? doc.title ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
  const main = doc.querySelector('article, main, [role="main"]');
  let result = main ? collectText(main, maxChars) : { text: '', truncated: false };
  if (result.text.length < MIN_MAIN_TEXT && doc.body) result = collectText(doc.body, maxChars);
  return { title, text: result.text, truncated: result.truncated };
}
