import { afterEach, describe, expect, it } from 'vitest';
import { anchor } from '@/lib/annotations/anchor';
import { HIGHLIGHT_ID_ATTRIBUTE, highlightRange, removeHighlight } from '@/lib/annotations/highlight-marks';
import { describeRange } from '@/lib/annotations/selectors';
import { mount } from '@/tests/unit/lib/annotations/mount';

function rangeOf(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

/** Every node under `root` with its identity, so a test can tell the DOM was given back exactly. */
function snapshot(root: Node): Array<[Node, string]> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  const nodes: Array<[Node, string]> = [];
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    nodes.push([node, node.nodeType === Node.TEXT_NODE ? (node as Text).data : node.nodeName]);
  }
  return nodes;
}

const options = { id: 'h-1', className: 'shelf-highlight', ownerDocument: document };
const marksIn = (root: Element) => [...root.querySelectorAll('mark')];

afterEach(() => {
  document.body.replaceChildren();
});

describe('drawing a highlight', () => {
  it('wraps exactly the range’s text, splitting text nodes at its ends', () => {
    const root = mount('<p>foo <b>bar</b> baz qux</p>');
    const p = root.querySelector('p') as Element;
    const handle = highlightRange(rangeOf(p.firstChild as Text, 2, p.lastChild as Text, 4), options);
    expect(marksIn(root).map((mark) => mark.textContent)).toEqual(['o ', 'bar', ' baz']);
    expect(handle.marks).toEqual(marksIn(root));
    expect(p.textContent).toBe('foo bar baz qux');
    expect(p.querySelector('b mark')?.textContent).toBe('bar');
  });

  it('never lets a mark span two blocks, and leaves the whitespace between blocks alone', () => {
    const root = mount('<p>first paragraph</p>\n  <p>second paragraph</p>');
    const [first, second] = root.querySelectorAll('p');
    highlightRange(rangeOf(first?.firstChild as Text, 6, second?.firstChild as Text, 6), options);
    expect(marksIn(root).map((mark) => [mark.parentElement, mark.textContent])).toEqual([
      [first, 'paragraph'],
      [second, 'second'],
    ]);
    expect(root.childNodes[1]?.nodeType).toBe(Node.TEXT_NODE);
  });

  it('marks the space between two inline elements, so the highlight has no gap', () => {
    const root = mount('<p><b>one</b> <i>two</i></p>');
    const p = root.querySelector('p') as Element;
    highlightRange(
      rangeOf(p.querySelector('b')?.firstChild as Text, 0, p.querySelector('i')?.firstChild as Text, 3),
      options,
    );
    expect(marksIn(root).map((mark) => mark.textContent)).toEqual(['one', ' ', 'two']);
  });

  it('leaves scripts, styles and text inside a select alone', () => {
    const root = mount('<p>a<script>var x;</script><style>p{}</style>b<select><option>o</option></select>c</p>');
    const p = root.querySelector('p') as Element;
    highlightRange(rangeOf(p.firstChild as Text, 0, p.lastChild as Text, 1), options);
    expect(marksIn(root).map((mark) => mark.textContent)).toEqual(['a', 'b', 'c']);
    expect(root.querySelector('script')?.textContent).toBe('var x;');
  });

  it('changes nothing but the background: all other styles unset, overriding the page’s own mark rules', () => {
    const root = mount('<p>some text</p>');
    highlightRange(
      rangeOf(root.querySelector('p')?.firstChild as Text, 0, root.querySelector('p')?.firstChild as Text, 4),
      {
        ...options,
        color: 'rgb(200, 230, 255)',
      },
    );
    const [mark] = marksIn(root);
    expect(mark?.style.getPropertyValue('all')).toBe('unset');
    expect(mark?.style.getPropertyPriority('all')).toBe('important');
    expect(mark?.style.getPropertyValue('background-color')).toBe('rgb(200, 230, 255)');
    expect(mark?.style.getPropertyPriority('background-color')).toBe('important');
  });

  it('carries no text of Shelf’s: only the class and the opaque id', () => {
    const root = mount('<p>some text</p>');
    highlightRange(
      rangeOf(root.querySelector('p')?.firstChild as Text, 0, root.querySelector('p')?.firstChild as Text, 4),
      options,
    );
    const [mark] = marksIn(root);
    expect(mark?.getAttributeNames().sort()).toEqual(['class', HIGHLIGHT_ID_ATTRIBUTE, 'style']);
    expect(mark?.getAttribute(HIGHLIGHT_ID_ATTRIBUTE)).toBe('h-1');
    expect(mark?.textContent).toBe('some');
  });

  it('draws nothing for a range that ends at the very start of a text node', () => {
    const root = mount('<p>one</p><p>two</p>');
    const [first, second] = root.querySelectorAll('p');
    highlightRange(rangeOf(first?.firstChild as Text, 0, second?.firstChild as Text, 0), options);
    expect(marksIn(root).map((mark) => mark.textContent)).toEqual(['one']);
  });
});

describe('removing a highlight', () => {
  it('gives back the DOM exactly: the same nodes, the text nodes joined again', () => {
    const root = mount('<p>foo <b>bar</b> baz qux</p><p>next one</p>');
    const before = snapshot(root);
    const [p, next] = root.querySelectorAll('p');
    const handle = highlightRange(rangeOf(p?.firstChild as Text, 2, next?.firstChild as Text, 3), options);
    expect(snapshot(root)).not.toEqual(before);
    removeHighlight(handle);
    expect(snapshot(root)).toEqual(before);
  });

  it('keeps text nodes the page split itself apart (only Shelf’s splits are joined)', () => {
    const root = mount('<p></p>');
    const p = root.querySelector('p') as Element;
    p.append(document.createTextNode('Hello, '), document.createTextNode('reader'), document.createTextNode('!'));
    const before = snapshot(root);
    const handle = highlightRange(rangeOf(p.childNodes[0] as Text, 3, p.childNodes[1] as Text, 3), options);
    removeHighlight(handle);
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    ['first', 'second'],
    ['second', 'first'],
  ] as const)(
    'gives back the DOM after overlapping highlights are removed, the %s one first',
    (removeFirst, removeLast) => {
      const root = mount('<p>The quick brown fox jumps over the lazy dog.</p>');
      const before = snapshot(root);
      const draw = (exact: string, prefix: string, suffix: string) => {
        const found = anchor(root, { quote: { type: 'TextQuoteSelector', exact, prefix, suffix } });
        if (found.status !== 'found') throw new Error(`${exact}: ${found.reason}`);
        return highlightRange(found.range, { ...options, id: exact });
      };
      const handles = {
        first: draw('quick brown fox', 'The ', ' jumps'),
        second: draw('fox jumps over', 'brown ', ' the'),
      };
      const p = root.querySelector('p') as Element;
      expect(p.textContent).toBe('The quick brown fox jumps over the lazy dog.');
      expect(p.querySelectorAll('mark mark')).toHaveLength(1);
      removeHighlight(handles[removeFirst]);
      expect(p.textContent).toBe('The quick brown fox jumps over the lazy dog.');
      removeHighlight(handles[removeLast]);
      expect(snapshot(root)).toEqual(before);
    },
  );
});

describe('a selection, drawn and found again', () => {
  it('draws the highlight of a user’s selection across inline elements, and finds it after a reload', () => {
    const html = '<p>Intro.</p><p>foo <b>bar</b> baz and more</p>';
    const root = mount(html);
    const p = root.querySelectorAll('p')[1] as Element;
    const selection = document.getSelection() as Selection;
    selection.collapse(p.firstChild as Text, 0);
    selection.extend(p.lastChild as Text, 4);
    const described = describeRange(root, selection.getRangeAt(0));
    if (!described.ok) throw new Error(described.error);
    root.innerHTML = html; // the page loads again
    const found = anchor(root, described.selectors);
    if (found.status !== 'found') throw new Error(found.reason);
    highlightRange(found.range, options);
    expect(
      marksIn(root)
        .map((mark) => mark.textContent)
        .join(''),
    ).toBe('foo bar baz');
  });
});
