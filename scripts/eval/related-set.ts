import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractPageText, MAX_PAGE_TEXT, type PageText, UNTIMED_BUDGET } from '@/lib/related/page-text';

export interface RelatedEvalPage {
  name: string;
  title: string;
  text: string;
  expected: string[];
}

export interface RelatedEvalSet {
  pages: RelatedEvalPage[];
  unrelatedRealPages: string[];
}

export function loadRelatedEvalSet(file = 'tests/fixtures/related-pages.json'): RelatedEvalSet {
  return JSON.parse(readFileSync(file, 'utf8')) as RelatedEvalSet;
}

/**
 * An HTML page's text for related articles, as the content script extracts it (on a linkedom DOM),
 * without its time bound: a Node tool's answer must not depend on how busy the machine is.
 */
export function pageTextOfHtml(html: string): PageText {
  return extractPageText(parseHTML(html).document, MAX_PAGE_TEXT, UNTIMED_BUDGET);
}

/** A real page's main text, as the content script would extract it; null when the folder is absent. */
export function loadRealPageText(realPagesDir: string, name: string): PageText | null {
  const file = join(realPagesDir, name, 'source.html');
  if (!existsSync(file)) return null;
  return pageTextOfHtml(readFileSync(file, 'utf8'));
}

/** Passages a reader selects for "Find related", in two halves (see the file's description). */
export interface RelatedPassages {
  halves: Record<'first' | 'second', { related: Array<{ text: string; expected: string[] }>; unrelated: string[] }>;
}

export const RELATED_PASSAGES_FILE = 'tests/fixtures/related-paragraphs.json';

export function loadRelatedPassages(file = RELATED_PASSAGES_FILE): RelatedPassages {
  const { first, second } = JSON.parse(readFileSync(file, 'utf8')) as RelatedPassages['halves'];
  return { halves: { first, second } };
}
