import { afterEach, describe, expect, it } from 'vitest';
import { anchor } from '@/lib/annotations/anchor';
import { CONTEXT_LENGTH, describeRange, selectorSetSchema } from '@/lib/annotations/selectors';
import { mount } from '@/tests/unit/lib/annotations/mount';

/** A range made as a user makes one: a selection dragged from one point to another. */
function select(anchorNode: Node, anchorOffset: number, focusNode: Node, focusOffset: number): Range {
  const selection = document.getSelection() as Selection;
  selection.removeAllRanges();
  selection.collapse(anchorNode, anchorOffset);
  selection.extend(focusNode, focusOffset);
  return selection.getRangeAt(0);
}

const textIn = (root: Element, selector: string, index = 0) => root.querySelector(selector)?.childNodes[index] as Text;

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  document.body.replaceChildren();
});

describe('describing a selection', () => {
  it('quotes a selection across inline elements, with its context and position', () => {
    const root = mount('<p>Intro text.</p><p>foo <b>bar</b> baz and more</p>');
    const range = select(textIn(root, 'p:nth-child(2)'), 0, textIn(root, 'p:nth-child(2)', 2), 4);
    expect(range.toString()).toBe('foo bar baz');
    const described = describeRange(root, range);
    expect(described).toEqual({
      ok: true,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: 'foo bar baz', prefix: 'Intro text. ', suffix: ' and more' },
        position: { type: 'TextPositionSelector', start: 12, end: 23 },
      },
    });
    expect(selectorSetSchema.safeParse(described.ok && described.selectors).success).toBe(true);
  });

  it('quotes a selection dragged backwards across two paragraphs as one line of text', () => {
    const root = mount('<p>End of the first one.</p>\n\n<p>Start of the second.</p>');
    const range = select(textIn(root, 'p:nth-child(2)'), 5, textIn(root, 'p'), 11);
    const described = describeRange(root, range);
    expect(described.ok && described.selectors.quote.exact).toBe('first one. Start');
  });

  it('collapses the source’s line breaks and indentation in the quote, and trims the ends', () => {
    const root = mount('<p>A sentence\n      that the   source\n  wraps.   </p>');
    const text = textIn(root, 'p');
    const range = select(text, 0, text, text.data.length);
    const described = describeRange(root, range);
    expect(described.ok && described.selectors.quote.exact).toBe('A sentence that the source wraps.');
    const anchored = anchor(root, described.ok ? described.selectors : (undefined as never));
    expect(anchored.status === 'found' && anchored.range.toString()).toBe(
      'A sentence\n      that the   source\n  wraps.',
    );
  });

  it(`keeps ${CONTEXT_LENGTH} characters of context on each side`, () => {
    const before = 'x'.repeat(50);
    const after = 'y'.repeat(50);
    const root = mount(`<p>${before}QUOTE${after}</p>`);
    const text = textIn(root, 'p');
    const described = describeRange(root, select(text, 50, text, 55));
    expect(described.ok && described.selectors.quote).toMatchObject({
      exact: 'QUOTE',
      prefix: 'x'.repeat(CONTEXT_LENGTH),
      suffix: 'y'.repeat(CONTEXT_LENGTH),
    });
  });

  it('says there is no text in a selection of whitespace or outside the root', () => {
    const root = mount('<p>one</p>\n   \n<p>two</p>');
    const gap = root.childNodes[1] as Text;
    expect(describeRange(root, select(gap, 0, gap, gap.data.length))).toEqual({ ok: false, error: 'no-text' });
    const elsewhere = document.createElement('p');
    elsewhere.textContent = 'not in the root';
    document.body.append(elsewhere);
    const range = select(elsewhere.firstChild as Text, 0, elsewhere.firstChild as Text, 3);
    expect(describeRange(root, range)).toEqual({ ok: false, error: 'no-text' });
  });
});

describe('the selector schema', () => {
  const valid = {
    quote: { type: 'TextQuoteSelector', exact: 'quote', prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: 7, end: 12 },
  };

  it('accepts a quote with or without a position, and without context', () => {
    expect(selectorSetSchema.safeParse(valid).success).toBe(true);
    expect(selectorSetSchema.safeParse({ quote: { type: 'TextQuoteSelector', exact: 'q' } }).success).toBe(true);
  });

  it('rejects an empty quote, a backwards position and unknown fields', () => {
    expect(selectorSetSchema.safeParse({ ...valid, quote: { ...valid.quote, exact: '' } }).success).toBe(false);
    expect(selectorSetSchema.safeParse({ ...valid, position: { ...valid.position, end: 7 } }).success).toBe(false);
    expect(selectorSetSchema.safeParse({ ...valid, note: 'x' }).success).toBe(false);
  });
});
