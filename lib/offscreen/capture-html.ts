import { capturePage } from '@/lib/capture/capture-page';
import type { CapturedPage } from '@/lib/capture/schema';
import { parseInertHtml } from '@/lib/dom/markup-depth';

/**
 * Captures a page from its HTML text, as if it had been opened: parsed with the inert DOMParser
 * (no script runs, nothing loads), its relative links resolved against its address, then the same
 * capture as an open tab (Readability, DOMPurify). Needs a DOM: Chrome runs it in an offscreen
 * document, Firefox in its background page.
 */
export function captureHtml(html: string, url: string, win: Window & typeof globalThis = window): CapturedPage {
  const doc = parseInertHtml(html, win);
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  return capturePage(doc, url, win);
}
