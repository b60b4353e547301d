import { readMinutesOf } from '@/lib/capture/reading-time';
import { sanitizeArticleSteps } from '@/lib/capture/sanitize';
import { type CapturedPage, MAX_CAPTURE_TEXT } from '@/lib/capture/schema';
import { runToEnd, type Steps } from '@/lib/dom/time-slices';
import { plainTitle, shownLine } from '@/lib/search/shown-line';
import { countWords } from '@/lib/search/text';

/**
 * A copy as the reader shows it, and its text as the reader's passage finder reads it (cut to the
 * size a copy's text may have), as steps: capture's own sanitizing and reading (`sanitizeArticleSteps`).
 */
export function* readableCopySteps(
  html: string,
  win: Window & typeof globalThis,
): Steps<{ html: string; text: string }> {
  const copy = yield* sanitizeArticleSteps(html, win);
  return { html: copy.html, text: copy.text.slice(0, MAX_CAPTURE_TEXT) };
}

/** A copy as the reader shows it and its text, at once (`readableCopySteps`). */
export function readableCopy(html: string, win: Window & typeof globalThis = window): { html: string; text: string } {
  return runToEnd(readableCopySteps(html, win));
}

/** A stored copy's text as the reader reads it: what copies saved by an earlier version are searched by. */
export function storedCopyText(html: string, win: Window & typeof globalThis = window): string {
  return readableCopy(html, win).text;
}

/** A copy's length, from its text: words as search counts them, and how long they take to read. */
export function copyLength(text: string): Pick<CapturedPage, 'wordCount' | 'readMinutes'> {
  return { wordCount: countWords(text), readMinutes: readMinutesOf(text) };
}

type CopyLines = Pick<CapturedPage, 'title' | 'byline' | 'siteName' | 'excerpt'>;
type CopyFields = CopyLines & Pick<CapturedPage, 'text' | 'wordCount' | 'readMinutes'>;

/**
 * What reading a copy by the current rule changes in it (nothing, for a copy saved under it): its
 * text, even none (a copy whose markup reads as nothing), word count and reading time from that text,
 * and its title, byline, site and excerpt as plain lines (`shownLine`).
 */
export function copyChanges(copy: CopyFields & { url: string }, text: string): Partial<CopyFields> {
  const line = (value: string | null) => (value === null ? null : shownLine(value) || null);
  const read: CopyFields = {
    title: plainTitle(copy.title, copy.url),
    byline: line(copy.byline),
    siteName: line(copy.siteName),
    excerpt: line(copy.excerpt),
    text,
    ...copyLength(text),
  };
  return Object.fromEntries(
    Object.entries(read).filter(([field, value]) => copy[field as keyof CopyFields] !== value),
  ) as Partial<CopyFields>;
}
