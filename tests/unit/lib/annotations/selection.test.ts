import { afterEach, describe, expect, it } from 'vitest';
import { describeSelection, selectedRangeIn } from '@/lib/annotations/selection';

afterEach(() => {
  document.body.replaceChildren();
  getSelection()?.removeAllRanges();
});

/** An article of two paragraphs between a header and a footer; selects from `from` to `to`. */
function select(from: [string, number], to: [string, number]): Element {
  document.body.innerHTML = `<header><p id="before">Shelf reader</p></header>
<div id="article"><p id="one">Readers never block writers.</p><p id="two">Keep transactions short.</p></div>
<footer><p id="after">Finished?</p></footer>`;
  const textOf = (id: string) => document.getElementById(id)?.firstChild as Text;
  const range = document.createRange();
  range.setStart(textOf(from[0]), from[1]);
  range.setEnd(textOf(to[0]), to[1]);
  getSelection()?.removeAllRanges();
  getSelection()?.addRange(range);
  return document.getElementById('article') as Element;
}

describe('selectedRangeIn', () => {
  it('a selection inside the article is taken whole', () => {
    const article = select(['one', 8], ['two', 4]);
    expect(selectedRangeIn(article, getSelection())?.toString()).toBe('never block writers.Keep');
  });

  it('a selection running past the article’s end (a triple-click on its last paragraph) counts for its part inside', () => {
    const article = select(['two', 0], ['after', 0]);
    expect(selectedRangeIn(article, getSelection())?.toString()).toBe('Keep transactions short.');
    // Dragged on into the footer's text: still only the article's part.
    expect(selectedRangeIn(select(['two', 5], ['after', 8]), getSelection())?.toString()).toBe('transactions short.');
  });

  it('a selection starting before the article counts from its start', () => {
    const article = select(['before', 6], ['one', 7]);
    expect(selectedRangeIn(article, getSelection())?.toString()).toBe('Readers');
  });

  it('a selection wholly outside the article, or of spaces only, is none; the user’s selection is left as it was', () => {
    expect(selectedRangeIn(select(['after', 0], ['after', 8]), getSelection())).toBeNull();
    expect(selectedRangeIn(select(['before', 0], ['before', 5]), getSelection())).toBeNull();
    select(['two', 0], ['after', 9]);
    selectedRangeIn(document.getElementById('article') as Element, getSelection());
    expect(getSelection()?.toString()).toContain('Finished?');
  });
});

describe('describeSelection', () => {
  // QA pass: "Highlighted." was said, nothing was drawn and the list showed "e=mc2 — Not found on this page".
  it('refuses a formula or a drawing alone (no mark would show), and keeps one with words around it', () => {
    document.body.innerHTML = `<div id="article"><p>The identity <math><mi>e</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math> is famous.</p>
<p><svg><text>a drawing's label</text></svg></p></div>`;
    const article = document.getElementById('article') as Element;
    const selectContents = (start: Node, end: Node = start) => {
      const range = document.createRange();
      range.setStartBefore(start);
      range.setEndAfter(end);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return getSelection();
    };
    const math = document.querySelector('math') as Element;
    expect(math.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    const refused = { ok: false, message: "Formulas and drawings can't be highlighted." };
    expect(describeSelection(article, selectContents(math))).toEqual(refused);
    expect(describeSelection(article, selectContents(document.querySelector('svg') as Element))).toEqual(refused);
    const paragraph = math.parentElement as Element;
    const withWords = describeSelection(article, selectContents(paragraph.firstChild!, paragraph.lastChild!));
    expect(withWords.ok && withWords.selectors.quote.exact).toBe('The identity e=mc2 is famous.');
  });
});

describe('describeSelection joining highlights', () => {
  // Review: a few words chosen across a long highlight's end were "too long", with no word of why.
  it('says when the highlights a selection runs into make it too long', () => {
    const long = 'word '.repeat(4_100);
    document.body.innerHTML = `<div id="article"><p><mark data-shelf-highlight="h1">${long}</mark>and after it.</p></div>`;
    const mark = document.querySelector('mark') as HTMLElement;
    const after = mark.nextSibling as Text;
    getSelection()?.setBaseAndExtent(mark.firstChild as Text, long.length - 5, after, 3);
    const article = document.getElementById('article') as Element;
    expect(describeSelection(article, getSelection())).toEqual({
      ok: false,
      message: 'With the highlights it runs into, that selection is too long to highlight.',
    });
    // Words after it alone are highlighted, joining nothing.
    getSelection()?.setBaseAndExtent(after, 4, after, 9);
    expect(describeSelection(article, getSelection())).toMatchObject({ ok: true, joined: [] });
  });
});
