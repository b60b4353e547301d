import { Parser } from 'htmlparser2';
import { cleanText } from '@/lib/catalog-updates/text';
import { UNRENDERED_TEXT_ELEMENTS } from '@/lib/dom/unrendered-text';

/** Elements that end a run of words: without a space, `<p>one</p><p>two</p>` would read "onetwo". */
const BREAKS = /^(?:p|br|div|li|ul|ol|h[1-6]|blockquote|pre|tr|td|th|figure|figcaption|section|article|hr)$/;

export function isBlockElement(name: string): boolean {
  return BREAKS.test(name);
}

/** The visible text of an HTML fragment (feeds carry descriptions as HTML): tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  let text = '';
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (UNRENDERED_TEXT_ELEMENTS.has(name)) skipping += 1;
        else if (isBlockElement(name)) text += ' ';
      },
      ontext(chunk) {
        if (skipping === 0) text += chunk;
      },
      onclosetag(name) {
        if (UNRENDERED_TEXT_ELEMENTS.has(name)) skipping = Math.max(0, skipping - 1);
        else if (isBlockElement(name)) text += ' ';
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return cleanText(text);
}

/** Decodes HTML entities (`&mdash;`, `&#8217;`) and nothing else: a `<` stays text. */
export function decodeHtmlEntities(text: string): string {
  return text.includes('&') ? htmlToText(text.replace(/</g, '&lt;')) : cleanText(text);
}

/**
 * A tag's name, then anything but another `<` up to its `>`: `[^>]*` read from each `<p` to the text's
 * end, so a description of `<p ` repeated without a `>` cost its square (300 kB: 10 s of the background).
 */
const HTML_TAG =
  /<\/?(?:p|br|div|span|a|em|strong|b|i|u|ul|ol|li|h[1-6]|img|code|pre|blockquote|figure|table|section|article)\b[^<>]*>/i;

/** Text that carries HTML markup (a feed's description often does, escaped or in CDATA). */
export function looksLikeHtml(text: string): boolean {
  return HTML_TAG.test(text);
}

/** A feed's text field: HTML made text when it is HTML, otherwise only its stray entities decoded. */
export function feedText(text: string, declaredType?: string): string {
  const type = declaredType?.toLowerCase();
  if (type === 'html' || type === 'text/html' || (type !== 'text' && looksLikeHtml(text))) return htmlToText(text);
  return decodeHtmlEntities(text);
}
