import { modelText } from '@/lib/annotations/text-model';
import { sanitizeArticleHtml } from '@/lib/capture/sanitize';
import { type CapturedPage, MAX_CAPTURE_TEXT } from '@/lib/capture/schema';
import { plainTitle, shownLine } from '@/lib/search/shown-line';

const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function readMinutesOf(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/**
 * A stored copy's text as the reader's passage finder reads it: the copy sanitized again, as the
 * reader shows it, parsed in an inert DOMParser document, cut to the size a copy's text may have.
 * What copies from a backup, or saved by an earlier version, are searched by.
 */
export function storedCopyText(html: string, win: Window & typeof globalThis = window): string {
  const body = new win.DOMParser().parseFromString(sanitizeArticleHtml(html, win), 'text/html').body;
  return body ? modelText(body).slice(0, MAX_CAPTURE_TEXT) : '';
}

type CopyLines = Pick<CapturedPage, 'title' | 'byline' | 'siteName' | 'excerpt'>;

/** A copy's title, byline, site and excerpt as Shelf keeps them: plain lines (`shownLine`). */
export function plainCopyLines(copy: CopyLines & { url: string }): CopyLines {
  const line = (value: string | null) => (value === null ? null : shownLine(value) || null);
  return {
    title: plainTitle(copy.title, copy.url),
    byline: line(copy.byline),
    siteName: line(copy.siteName),
    excerpt: line(copy.excerpt),
  };
}
