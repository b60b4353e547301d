import { JSDOM } from 'jsdom';
import { selectorsOfSpan } from '@/lib/annotations/describe-range';
import { type PaintableHighlight, paintHighlights } from '@/lib/annotations/paint-highlights';
import { createTextModel } from '@/lib/annotations/text-model';
import { ARTICLES } from '@/lib/corpus/catalog';
import type { HighlightColor } from '@/lib/db/schema';
import { formatTiming, summarize, timeEach } from '@/scripts/eval/stats';
import { createRandom } from '@/scripts/eval/synthetic-corpus';

type Line = (label: string, text: string) => void;

const PAGE_LENGTH = 200_000;
const HIGHLIGHTS = 100;
const RUNS = 11;
/** Runs stop after this long (at least two samples): an opening that takes minutes is measured twice, not eleven times. */
const BUDGET_MS = 60_000;
const INLINE = ['em', 'code', 'strong'] as const;
const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink'];

/**
 * A reader's copy of about `length` characters of text: paragraphs of sentences made of the bundled
 * summaries' words (so words repeat, as in an article, but no sentence does), with some words in
 * inline elements and links, as a copy has them.
 */
function articleHtml(length: number, random: () => number): string {
  const words = ARTICLES.flatMap((article) => article.summary.split(/\s+/)).filter(Boolean);
  const pick = () => words[Math.floor(random() * words.length)] as string;
  const paragraphs: string[] = [];
  let total = 0;
  while (total < length) {
    const parts: string[] = [];
    const count = 40 + Math.floor(random() * 80);
    for (let i = 0; i < count; i++) {
      const word = pick();
      total += word.length + 1;
      const roll = random();
      if (roll < 0.04) parts.push(`<a href="#w${i}">${word}</a>`);
      else if (roll < 0.08) parts.push(`<${INLINE[i % INLINE.length]}>${word}</${INLINE[i % INLINE.length]}>`);
      else parts.push(word);
    }
    paragraphs.push(random() < 0.1 ? `<h2>${parts.join(' ')}</h2>` : `<p>${parts.join(' ')}</p>`);
  }
  return paragraphs.join('\n');
}

/** Highlights of whole words, 20–300 characters, some across paragraphs, described as the reader stores them. */
function highlightsOf(text: string, count: number, random: () => number): PaintableHighlight[] {
  return Array.from({ length: count }, (_, k) => {
    let start = Math.floor(random() * (text.length - 400));
    while (start > 0 && text[start - 1] !== ' ') start--;
    let end = start + 20 + Math.floor(random() * 280);
    while (end < text.length && text[end] !== ' ') end++;
    return {
      id: `h${k}`,
      selectors: selectorsOfSpan(text, start, end),
      color: COLORS[k % COLORS.length] as HighlightColor,
    };
  });
}

/** Paints the highlights and clears them, RUNS times (fewer past BUDGET_MS): each opening's times. */
function paintAndClear(root: Element, highlights: readonly PaintableHighlight[]) {
  const paint: number[] = [];
  const clear: number[] = [];
  let drawn = 0;
  const benchStarted = performance.now();
  for (let run = 0; run < RUNS && (paint.length < 2 || performance.now() - benchStarted < BUDGET_MS); run++) {
    const started = performance.now();
    const painted = paintHighlights(root, highlights);
    const paintedAt = performance.now();
    painted.clear();
    const clearedAt = performance.now();
    drawn = painted.drawn.size;
    // The first run warms the JIT, which matters only to a fast run.
    if (run === 0 && paintedAt - started < 1_000) continue;
    paint.push(paintedAt - started);
    clear.push(clearedAt - paintedAt);
  }
  return { paint, clear, drawn };
}

/**
 * `npm run bench -- --only highlights`: opening the reader on a long copy with many highlights,
 * in jsdom (Node): each highlight anchored in the copy's text and drawn as marks, then cleared; and
 * the same text as one text node (a long `<pre>`), which every highlight splits. The floor is
 * building the copy's text model once, which any anchoring needs. jsdom's DOM is slower than a
 * browser's where ranges are compared (it walks the document from one point to find the other).
 */
export function benchHighlights(line: Line): void {
  const random = createRandom(11);
  const dom = new JSDOM(
    `<!doctype html><body><article class="reader-body">${articleHtml(PAGE_LENGTH, random)}</article>`,
  );
  const root = dom.window.document.querySelector('article') as Element;
  const text = createTextModel(root).text;
  const highlights = highlightsOf(text, HIGHLIGHTS, random);
  console.log(
    `\n== highlights: ${HIGHLIGHTS} highlights painted in a ${text.length.toLocaleString('en')}-character copy (jsdom in Node), per opening ==`,
  );
  const article = paintAndClear(root, highlights);
  line(`anchor + draw (${article.drawn} of ${HIGHLIGHTS} drawn)`, formatTiming(summarize(article.paint)));
  line('clear (marks taken away)', formatTiming(summarize(article.clear)));
  // The same text in one <pre>: the model reads the same text, so the same highlights anchor.
  const pre = dom.window.document.createElement('pre');
  pre.textContent = text;
  const preRoot = dom.window.document.createElement('article');
  preRoot.append(pre);
  dom.window.document.body.append(preRoot);
  const onePre = paintAndClear(preRoot, highlights);
  line(`one <pre>: anchor+draw (${onePre.drawn} drawn)`, formatTiming(summarize(onePre.paint)));
  line('one <pre>: clear', formatTiming(summarize(onePre.clear)));
  line('floor: one text model of the copy', formatTiming(summarize(timeEach([0], RUNS, () => createTextModel(root)))));
}
