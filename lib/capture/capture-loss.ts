import { plainReader } from '@/lib/dom/form-clobbering';
import type { LeftOut } from '@/lib/related/page-text';
import { countWords } from '@/lib/search/text';

/**
 * Whether a readable copy lost much of what the live page shows, compared where the reader would
 * notice: the main text's prose (as the related-articles extraction reads it, without what
 * `isUnmeasured` names), code blocks, and pictures large enough to be content. Readability drops what looks like clutter, and sometimes it is not:
 * a tutorial whose code sits in a "related-content" box, a story whose second half is in a
 * "comment"-classed wrapper. The copy says so rather than passing for the whole page.
 */
export interface PageContents {
  words: number;
  codeBlocks: number;
  images: number;
}

/** Below this the live count is too small to judge (a short page, a single image). */
const MIN_WORDS = 150;
const MIN_IMAGES = 3;
/** Part of the live page's words or images the copy may miss before it says so. */
const MAX_LOST_SHARE = 0.5;
/**
 * Smaller images are icons, avatars, thumbnails of other stories and spacers, which a reader copy
 * drops on purpose; an image of unknown size (lazy, not yet loaded, no attributes) is not counted.
 */
const MIN_IMAGE_WIDTH = 300;
const MIN_IMAGE_HEIGHT = 150;

/**
 * The live page's article: its `<article>` (the one with the most text, as comments and teasers
 * are often articles too), else its main element, else its body. A `<main>` or a body also holds
 * comments and "more stories", so only an `<article>` is trusted for images.
 */
export function liveArticle(doc: Document): { region: Element; isArticle: boolean } | null {
  let best: Element | null = null;
  let bestLength = -1;
  for (const article of doc.querySelectorAll('article')) {
    const length = article.textContent?.length ?? 0;
    if (length > bestLength) [best, bestLength] = [article, length];
  }
  if (best) return { region: best, isArticle: true };
  const region = doc.querySelector('main, [role="main"]') ?? doc.body;
  return region ? { region, isArticle: false } : null;
}

/**
 * What the measure of words leaves out, on the live page and in the copy alike: links and list
 * items. Menus, tag lists, teasers of other stories and lists of names are links; readers' comments,
 * a slideshow's captions and "more stories" are as often list items. A reader copy leaves them out
 * on purpose, and an article's own prose is rarely either. The price: a list the copy lost is not
 * noticed.
 */
export const isUnmeasured: LeftOut = (element, read) => {
  const name = read.localName(element);
  return name === 'li' || (name === 'a' && read.hasAttribute(element, 'href'));
};

/**
 * Words as search counts them (`countWords`), without runs of punctuation alone: the commas or dots
 * between links left out (`isUnmeasured`) are not words, and 3,700 of them once made a complete copy
 * "about 50%" of its page.
 */
function countProseWords(text: string): number {
  return countWords(text.replace(/(?<=^|\s)[^\p{L}\p{N}\s]+(?=\s|$)/gu, ' '));
}

function isContentImage(image: HTMLImageElement): boolean {
  // A laid-out page knows each image's size; a page parsed without layout (Node, imports) has only
  // its attributes.
  const width = image.width || Number(image.getAttribute('width')) || 0;
  const height = image.height || Number(image.getAttribute('height')) || 0;
  return width >= MIN_IMAGE_WIDTH && height >= MIN_IMAGE_HEIGHT;
}

/**
 * Not shown where scripts run, though a page parsed without them (Node, imports) makes elements of
 * their content: a `<noscript>` fallback image is a picture already counted.
 */
const UNSHOWN_CONTAINERS = 'noscript, template';

/**
 * The pictures of an article: its content images, one a figure or `<picture>`. A lazy-loading page
 * draws one picture as a blurred placeholder and the image its script fills (Medium), which a copy
 * keeps as one.
 */
function countPictures(region: Element): number {
  const { querySelectorAll, closest } = plainReader(region);
  const pictures = new Set<Element>();
  for (const image of querySelectorAll(region, 'img') as NodeListOf<HTMLImageElement>) {
    if (!isContentImage(image) || closest(image, UNSHOWN_CONTAINERS)) continue;
    pictures.add(closest(image, 'figure, picture') ?? image);
  }
  return pictures.size;
}

/**
 * The code blocks of a live page: `<pre>`s holding text. An empty one is no code (Yahoo's comment box
 * mirrors its text area in one, to measure it), and no copy keeps it.
 */
function countCodeBlocks(blocks: Iterable<Element>): number {
  let count = 0;
  // A <pre> is no form: its textContent cannot be clobbered.
  for (const block of blocks) if (/\S/.test(block.textContent ?? '')) count++;
  return count;
}

/**
 * What the live article holds: `text` is its visible text as page-text.ts reads it (without code),
 * without what `isUnmeasured` names.
 * Pictures are counted in an `<article>` only (0 elsewhere: not judged).
 */
export function liveContents(
  { region, isArticle }: { region: Element; isArticle: boolean },
  text: string,
): PageContents {
  // Through its prototype: the region may be a page's `<form role="main">`, which answers to a control
  // named "querySelectorAll" (`plainReader`).
  const { querySelectorAll } = plainReader(region);
  return {
    words: countProseWords(text),
    codeBlocks: countCodeBlocks(querySelectorAll(region, 'pre')),
    images: isArticle ? countPictures(region) : 0,
  };
}

/**
 * What a copy holds, from its sanitized HTML: the browser's own serialization, so counting its tags
 * is exact, with no third parse of up to 3 MB in the tab being saved (capture parses the copy once
 * more, for its text, in a step of its own). Its words are counted from
 * the HTML too, so that formulas kept as MathML count as they do on the live page; as the live
 * page's are, without code, links and list items (`isUnmeasured`).
 */
export function copyContents(html: string): PageContents {
  return {
    words: countProseWords(measuredText(html)),
    codeBlocks: (html.match(/<pre[\s>]/gi) ?? []).length,
    images: (html.match(/<img[\s>]/gi) ?? []).length,
  };
}

/** A copy's text outside code blocks, links and list items (`isUnmeasured`), from its HTML in one pass (a copy may be 3 MB). */
function measuredText(html: string): string {
  const kept: string[] = [];
  let inCode = 0;
  let inListItem = 0;
  /** The links open around this point: whether each has an address (one without names a place). */
  const links: boolean[] = [];
  for (const piece of html.split(/(<[^>]*>)/)) {
    if (!piece.startsWith('<')) {
      if (inCode === 0 && inListItem === 0 && !links.includes(true)) kept.push(piece.replace(/&[a-z0-9#]+;/gi, ' '));
      continue;
    }
    const [, closing, name] = /^<(\/?)([a-z][a-z0-9]*)/i.exec(piece) ?? [];
    const local = name?.toLowerCase();
    if (local === 'pre') inCode = Math.max(0, inCode + (closing ? -1 : 1));
    if (local === 'li') inListItem = Math.max(0, inListItem + (closing ? -1 : 1));
    if (local === 'a' && closing) links.pop();
    else if (local === 'a') links.push(/\shref\s*=/i.test(piece));
    kept.push(' ');
  }
  return kept.join('');
}

/** Whether a copy lost over half of the live page's words (a page long enough to judge). */
export function lostMostWords(live: PageContents, copy: PageContents): boolean {
  return live.words >= MIN_WORDS && copy.words < live.words * (1 - MAX_LOST_SHARE);
}

/**
 * Whether a copy lost most of what the live page holds: over half of its words, or over half of its
 * code blocks (two or more), as a manual page whose Readability kept its longest section and none of
 * its examples does ("pg_dump": 77% of its words, none of its 14 examples).
 */
function lostMostOfPage(live: PageContents, copy: PageContents): boolean {
  return (
    lostMostWords(live, copy) || (live.codeBlocks >= 2 && copy.codeBlocks < live.codeBlocks * (1 - MAX_LOST_SHARE))
  );
}

/**
 * Whether a copy is worth reading again: it lost over half of the page's words, or any of its code
 * blocks, which the notice names one by one (a reference page's synopsis, left beside the section
 * Readability took: PostgreSQL's "ANALYZE", git's "apply").
 */
export function mayReadAgain(live: PageContents, copy: PageContents): boolean {
  return lostMostWords(live, copy) || copy.codeBlocks < live.codeBlocks;
}

/**
 * Whether a new reading `b` is to replace copy `a`: it holds more code and no fewer words, or, when `a`
 * lost most of the page (`lostMostOfPage`), more words. Words alone (a sidebar read as a part) never
 * replace a copy that kept most of the page.
 */
export function keepsMoreOfPage(live: PageContents, b: PageContents, a: PageContents): boolean {
  const moreCode = b.codeBlocks > a.codeBlocks && b.words >= a.words;
  return moreCode || (lostMostOfPage(live, a) && b.words > a.words);
}

/** The notice for a copy that lost a lot of the live page, or null when it kept the page. */
export function describeCaptureLoss(live: PageContents, copy: PageContents): string | null {
  const lost: string[] = [];
  if (lostMostWords(live, copy)) {
    lost.push(`about ${Math.round((1 - copy.words / live.words) * 100)}% of its text`);
  }
  if (copy.codeBlocks < live.codeBlocks) {
    lost.push(`${live.codeBlocks - copy.codeBlocks} of its ${live.codeBlocks} code blocks`);
  }
  if (live.images >= MIN_IMAGES && copy.images < live.images * (1 - MAX_LOST_SHARE)) {
    lost.push(`${live.images - copy.images} of its ${live.images} images`);
  }
  if (lost.length === 0) return null;
  return `Shelf’s copy may be missing parts of this page: ${joinList(lost)}. Open the original to see all of it.`;
}

function joinList(parts: string[]): string {
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
