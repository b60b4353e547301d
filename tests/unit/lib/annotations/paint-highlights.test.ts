import { afterEach, describe, expect, it, vi } from 'vitest';
import { selectorsOfSpan } from '@/lib/annotations/describe-range';
import { HIGHLIGHT_BACKGROUNDS, paintHighlights } from '@/lib/annotations/paint-highlights';
import { describeRange, type SelectorSet } from '@/lib/annotations/selectors';
import { createTextModel } from '@/lib/annotations/text-model';
import { mount } from '@/tests/unit/lib/annotations/mount';

const HTML =
  '<p>Write-ahead logging keeps every change in a log first.</p><p>Readers never block writers because each reader sees a snapshot.</p>';

function selectorsFor(root: Element, quote: string): SelectorSet {
  const paragraph = [...root.querySelectorAll('p')].find((p) => p.textContent?.includes(quote));
  const text = paragraph?.firstChild as Text;
  const range = document.createRange();
  const at = text.data.indexOf(quote);
  range.setStart(text, at);
  range.setEnd(text, at + quote.length);
  const described = describeRange(root, range);
  if (!described.ok) throw new Error(described.error);
  return described.selectors;
}

afterEach(() => document.body.replaceChildren());

describe('painting stored highlights', () => {
  it('draws each anchored highlight in its color, and clearing gives the DOM back', () => {
    const root = mount(HTML);
    const before = root.innerHTML;
    const highlights = [
      { id: 'a', selectors: selectorsFor(root, 'every change'), color: 'yellow' as const },
      { id: 'b', selectors: selectorsFor(root, 'each reader sees a snapshot'), color: 'blue' as const },
    ];
    const painted = paintHighlights(root, highlights);
    expect([...root.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'every change',
      'each reader sees a snapshot',
    ]);
    expect(painted.drawn.get('b')?.marks[0]?.style.backgroundColor).toBe(HIGHLIGHT_BACKGROUNDS.blue);
    expect(painted.notFound.size).toBe(0);
    painted.clear();
    expect(root.innerHTML).toBe(before);
  });

  it('reports a highlight whose text is gone as not found and draws it nowhere else', () => {
    const root = mount(HTML);
    const selectors = selectorsFor(root, 'each reader sees a snapshot');
    (root.querySelectorAll('p')[1] as Element).textContent = 'Readers never block writers.';
    const painted = paintHighlights(root, [{ id: 'gone', selectors, color: 'yellow' }]);
    expect([...painted.notFound]).toEqual(['gone']);
    expect(root.querySelector('mark')).toBeNull();
  });

  it('anchors highlights that overlap, one after the other', () => {
    const root = mount(HTML);
    const outer = selectorsFor(root, 'never block writers because');
    const inner = selectorsFor(root, 'block writers');
    const painted = paintHighlights(root, [
      { id: 'outer', selectors: outer, color: 'yellow' },
      { id: 'inner', selectors: inner, color: 'green' },
    ]);
    expect(painted.notFound.size).toBe(0);
    expect(
      painted.drawn
        .get('inner')
        ?.marks.map((mark) => mark.textContent)
        .join(''),
    ).toBe('block writers');
    painted.clear();
    expect(root.querySelector('mark')).toBeNull();
    expect(root.textContent).toContain('Readers never block writers because each reader');
  });

  it('draws and clears many highlights in one long text node with work in proportion to their number', () => {
    // A long <pre> is one text node: every highlight splits it, and is looked for among the parts.
    const steps = (count: number) => {
      document.body.replaceChildren();
      const words = Array.from({ length: 8_000 }, (_, k) => `word${(k * 7919) % 10_007}`);
      const root = mount(`<pre>${words.join(' ')}</pre>`);
      const { text } = createTextModel(root);
      const highlights = Array.from({ length: count }, (_, k) => {
        // Spread over the text, drawn in no particular order.
        let start = Math.floor((((k * 37) % count) * (text.length - 100)) / count);
        while (text[start - 1] !== ' ' && start > 0) start--;
        return { id: `h${k}`, selectors: selectorsOfSpan(text, start, start + 20), color: 'yellow' as const };
      });
      // Steps through the DOM: what walking a node's parts, or a parent's children, costs.
      const nextSibling = vi.spyOn(Node.prototype, 'nextSibling', 'get');
      const firstChild = vi.spyOn(Node.prototype, 'firstChild', 'get');
      const counted = () => nextSibling.mock.calls.length + firstChild.mock.calls.length;
      const painted = paintHighlights(root, highlights);
      const painting = counted();
      expect(painted.drawn.size).toBe(count);
      painted.clear();
      const clearing = counted() - painting;
      vi.restoreAllMocks();
      expect(root.querySelector('mark')).toBeNull();
      expect(root.querySelector('pre')?.childNodes).toHaveLength(1);
      return { painting, clearing };
    };
    const few = steps(50);
    const many = steps(200);
    // Four times the highlights, about four times the work (it was sixteen: each walked all the others' parts).
    expect(many.painting / few.painting).toBeLessThan(6);
    expect(many.clearing / few.clearing).toBeLessThan(6);
  });
});
