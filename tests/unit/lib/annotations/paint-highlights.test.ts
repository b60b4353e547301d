import { afterEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_BACKGROUNDS, paintHighlights } from '@/lib/annotations/paint-highlights';
import { describeRange, type SelectorSet } from '@/lib/annotations/selectors';
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
});
