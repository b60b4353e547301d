import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anchor } from '@/lib/annotations/anchor';
import { selectorsOfSpan } from '@/lib/annotations/describe-range';
import { highlightRange, textNodesIn } from '@/lib/annotations/highlight-marks';
import { HIGHLIGHT_BACKGROUNDS, type PaintableHighlight, paintHighlights } from '@/lib/annotations/paint-highlights';
import type { SelectorSet } from '@/lib/annotations/selectors';
import { createTextModel } from '@/lib/annotations/text-model';
import type { HighlightColor } from '@/lib/db/schema';
import { createRandom } from '@/scripts/eval/synthetic-corpus';

// Hundreds of generated documents per property: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

/**
 * Painting anchors every highlight against one text model, and walks only the text nodes a range
 * covers. Both must change nothing: the same marks on the same text, the same "not found", as
 * anchoring each highlight in a model read afresh and asking `intersectsNode` of every text node.
 */

// Few words, so quotes repeat (ambiguous, found by context or position); odd spacing and invisible characters.
const WORDS = ['cache', 'cachet', 'the', 'log', 'write', 'ahead', 'lock', 'café', 'a', 'B-tree', '—', 'log.'];
const GAPS = [' ', ' ', ' ', '  ', '\n', ' \u00A0', '\u00AD', '\u200B', ''];
const BLOCKS = ['p', 'p', 'li', 'h2', 'div', 'blockquote', 'pre'];
const INLINES = ['em', 'b', 'a', 'code', 'span', 'mark'];

/** A document of several blocks of text nodes (adjacent ones too, some empty), nested inline elements, line breaks. */
function randomDocument(random: () => number): HTMLElement {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const root = document.createElement('article');
  const text = () => {
    let data = random() < 0.2 ? pick(GAPS) : '';
    for (let n = Math.floor(random() * 5); n >= 0; n--) data += pick(WORDS) + pick(GAPS);
    return document.createTextNode(random() < 0.05 ? '' : data);
  };
  const inline = (parent: Element, depth: number) => {
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
      const roll = random();
      if (roll < 0.55 || depth > 2) parent.append(text());
      else if (roll < 0.9) {
        const element = document.createElement(pick(INLINES));
        inline(element, depth + 1);
        parent.append(element);
      } else if (roll < 0.95) parent.append(document.createElement('br'));
      else parent.append(document.createComment('note'));
    }
  };
  for (let n = 1 + Math.floor(random() * 5); n > 0; n--) {
    if (random() < 0.3) root.append(document.createTextNode(random() < 0.5 ? '\n' : ' ')); // between blocks
    const block = document.createElement(pick(BLOCKS));
    inline(block, 0);
    root.append(block);
    if (random() < 0.1) {
      const style = document.createElement('style'); // not page text
      style.textContent = 'cache { color: red }';
      root.append(style);
    }
  }
  document.body.append(root);
  return root;
}

/** Highlights of spans of the text: overlapping, adjacent, identical, moved, imported (no context), and absent ones. */
function randomHighlights(text: string, random: () => number): PaintableHighlight[] {
  const colors: HighlightColor[] = ['yellow', 'green', 'blue', 'pink'];
  const highlights: PaintableHighlight[] = [];
  const add = (selectors: SelectorSet) =>
    highlights.push({ id: `h${highlights.length}`, selectors, color: colors[highlights.length % 4] as HighlightColor });
  const span = (): [number, number] => {
    const start = Math.floor(random() * text.length);
    return [start, Math.min(text.length, start + 1 + Math.floor(random() * 40))];
  };
  for (let n = Math.floor(random() * 8); n >= 0 && text.trim(); n--) {
    const [start, end] = span();
    if (!text.slice(start, end).trim()) continue;
    const selectors = selectorsOfSpan(text, start, end);
    const roll = random();
    add(selectors);
    if (roll < 0.15)
      add(selectors); // the same again
    else if (roll < 0.3 && end < text.length)
      add(selectorsOfSpan(text, end, Math.min(text.length, end + 12))); // adjacent
    else if (roll < 0.4)
      add({ quote: { type: 'TextQuoteSelector', exact: selectors.quote.exact } }); // imported
    else if (roll < 0.5 && selectors.position) {
      // Stored before text was added in front of it.
      const shift = 1 + Math.floor(random() * 9);
      add({ ...selectors, position: { ...selectors.position, start: start + shift, end: end + shift } });
    } else if (roll < 0.6)
      add({ quote: { ...selectors.quote, exact: `${selectors.quote.exact} zzyzx` } }); // absent
    else if (roll < 0.7) add({ quote: { ...selectors.quote, prefix: 'nothing like it', suffix: 'at all here' } });
  }
  return highlights;
}

/** The tree with every text node apart (innerHTML joins adjacent ones), and the marks' ids and colors. */
function dump(node: Node): unknown {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify((node as Text).data);
  if (node.nodeType !== Node.ELEMENT_NODE) return node.nodeName;
  const element = node as Element;
  return [element.localName, element.getAttribute('style') ?? '', ...[...node.childNodes].map(dump)];
}

/** Where a node is under the root, as child indexes. */
function pathOf(node: Node, root: Node): number[] {
  const path: number[] = [];
  for (let at = node; at !== root && at.parentNode; at = at.parentNode) {
    path.unshift([...at.parentNode.childNodes].indexOf(at as ChildNode));
  }
  return path;
}

function textNodesUnder(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Painting as it was: each highlight anchored in a model read afresh from the DOM its predecessors marked. */
function paintOneAtATime(root: Element, highlights: readonly PaintableHighlight[]) {
  const drawn = new Map<string, readonly HTMLElement[]>();
  const notFound = new Set<string>();
  for (const highlight of highlights) {
    const found = anchor(root, highlight.selectors, createTextModel(root));
    if (found.status !== 'found') {
      notFound.add(highlight.id);
      continue;
    }
    const { marks } = highlightRange(found.range, {
      id: highlight.id,
      className: 'shelf-highlight',
      ownerDocument: document,
      color: HIGHLIGHT_BACKGROUNDS[highlight.color],
    });
    if (marks.length === 0) notFound.add(highlight.id);
    else drawn.set(highlight.id, marks);
  }
  return { drawn, notFound };
}

afterEach(() => document.body.replaceChildren());

describe('painting with one text model', () => {
  it('draws the same marks on the same text, and finds the same highlights, as one model per highlight', () => {
    let drawnSomewhere = 0;
    let overlapping = 0;
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        document.body.replaceChildren();
        const random = createRandom(seed); // seeded by fast-check, which shrinks the seed
        const root = randomDocument(random);
        const reference = root.cloneNode(true) as HTMLElement;
        document.body.append(reference);
        const before = dump(root);
        const textNodes = textNodesUnder(root);
        const highlights = randomHighlights(createTextModel(root).text, random);

        const painted = paintHighlights(root, highlights);
        const expected = paintOneAtATime(reference, highlights);
        expect(dump(root)).toEqual(dump(reference));
        expect([...painted.notFound]).toEqual([...expected.notFound]);
        expect([...painted.drawn.keys()]).toEqual([...expected.drawn.keys()]);
        for (const [id, handle] of painted.drawn) {
          const marks = expected.drawn.get(id) ?? [];
          expect(handle.marks.map((mark) => pathOf(mark, root))).toEqual(marks.map((mark) => pathOf(mark, reference)));
        }
        drawnSomewhere += painted.drawn.size;
        if (root.querySelector('mark[data-shelf-highlight] mark[data-shelf-highlight]')) overlapping++;

        painted.clear();
        expect(dump(root)).toEqual(before);
        const after = textNodesUnder(root);
        // The very nodes (a page's scripts may hold them), not copies.
        expect(after.every((node, k) => node === textNodes[k]) && after.length === textNodes.length).toBe(true);
      }),
      { seed: 20261207, numRuns: 400 },
    );
    // The documents did exercise drawing, and highlights drawn inside others.
    expect(drawnSomewhere).toBeGreaterThan(400);
    expect(overlapping).toBeGreaterThan(20);
  });

  it('walks the same text nodes for any range as asking intersectsNode of each', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        document.body.replaceChildren();
        const random = createRandom(seed); // seeded by fast-check, which shrinks the seed
        const root = randomDocument(random);
        const nodes: Node[] = [root];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
        const point = (): [Node, number] => {
          const node = nodes[Math.floor(random() * nodes.length)] as Node;
          const length = node instanceof CharacterData ? node.data.length : node.childNodes.length;
          return [node, Math.floor(random() * (length + 1))];
        };
        const range = document.createRange();
        const [a, b] = [point(), point()];
        range.setStart(...a);
        range.setEnd(...b); // before the start: the range collapses at the end point
        if (random() < 0.8) {
          range.setStart(...a);
          if (range.comparePoint(...b) >= 0) range.setEnd(...b);
        }
        const expected = textNodesUnder(range.commonAncestorContainer).filter((node) => range.intersectsNode(node));
        if (range.commonAncestorContainer.nodeType === Node.TEXT_NODE)
          expected.push(range.commonAncestorContainer as Text);
        const found = textNodesIn(range);
        expect(found.length === expected.length && found.every((node, k) => node === expected[k])).toBe(true);
      }),
      { seed: 20261207, numRuns: 1000 },
    );
  });
});
