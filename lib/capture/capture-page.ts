import { Readability } from '@mozilla/readability';
import { sanitizeArticleHtml } from '@/lib/capture/sanitize';
import { type CapturedPage, MAX_CAPTURE_HTML, MAX_CAPTURE_TEXT } from '@/lib/capture/schema';
import { extractPageText } from '@/lib/related/page-text';

const WORDS_PER_MINUTE = 230;
/** Readability walks every element; past this many it stops (a page Shelf cannot parse). */
const MAX_ELEMENTS = 30_000;

export const NOTICE_NO_ARTICLE = 'Shelf could not find an article on this page, so it kept the page’s visible text.';
export const NOTICE_TRUNCATED = 'This page is very large; Shelf kept the beginning of it.';

function textToHtml(doc: Document, text: string): string {
  const container = doc.createElement('div');
  for (const paragraph of text.split(/\n{2,}|(?<=[.!?])\s{2,}/)) {
    if (!paragraph.trim()) continue;
    const p = doc.createElement('p');
    p.textContent = paragraph.trim();
    container.append(p);
  }
  return container.innerHTML;
}

/** Readability on a clone (the page is never changed); null when it finds nothing or gives up. */
function parseArticle(doc: Document): ReturnType<Readability['parse']> {
  try {
    return new Readability(doc.cloneNode(true) as Document, { maxElemsToParse: MAX_ELEMENTS }).parse();
  } catch {
    return null; // more elements than the budget, or a document Readability cannot walk
  }
}

function clean(value: string | null | undefined, max: number): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : null;
}

/**
 * Captures a readable, sanitized copy of a page: Readability on a clone of the document (the page
 * itself is never changed), else the page's visible text; truncated to a size budget.
 */
export function capturePage(doc: Document, url: string, win: Window & typeof globalThis = window): CapturedPage {
  const article = parseArticle(doc);
  let notice: string | null = null;
  let text: string;
  let html: string;
  if (article?.content && article.textContent?.trim()) {
    text = article.textContent.trim();
    html = sanitizeArticleHtml(article.content, win);
  } else {
    text = extractPageText(doc, MAX_CAPTURE_TEXT + 1).text;
    html = '';
    notice ??= NOTICE_NO_ARTICLE;
  }
  if (text.length > MAX_CAPTURE_TEXT || html.length > MAX_CAPTURE_HTML) {
    text = text.slice(0, MAX_CAPTURE_TEXT);
    html = '';
    notice = NOTICE_TRUNCATED;
  }
  if (!html)
    html = sanitizeArticleHtml(textToHtml(doc, text.slice(0, MAX_CAPTURE_TEXT)), win).slice(0, MAX_CAPTURE_HTML);
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  const dir = (article?.dir ?? doc.dir ?? doc.documentElement.getAttribute('dir') ?? '').toLowerCase();
  return {
    url: url.slice(0, 4096),
    title: clean(article?.title, 1000) ?? clean(doc.title, 1000) ?? url.slice(0, 1000),
    byline: clean(article?.byline, 500),
    siteName: clean(article?.siteName, 500),
    excerpt: clean(article?.excerpt, 2000),
    lang: clean(article?.lang ?? doc.documentElement.lang, 35),
    dir: dir === 'rtl' || dir === 'ltr' ? dir : null,
    wordCount,
    readMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    html,
    text,
    notice,
  };
}
