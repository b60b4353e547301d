import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { HIDDEN_BY_STYLE_MARK, markHiddenByStyle } from '@/lib/capture/hidden-by-style';

/** A page and its clone, marked as capture marks it; the ids of the marked elements. */
function marked(html: string, prepare?: (page: Document) => void): string[] {
  const page = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
  prepare?.(page);
  const clone = page.cloneNode(true) as Document;
  markHiddenByStyle(page, clone);
  return [...clone.querySelectorAll(`[${HIDDEN_BY_STYLE_MARK}]`)].map((element) => element.id);
}

describe('markHiddenByStyle', () => {
  it('marks what the page’s rules or style attributes hide in the standard "visually hidden" ways', () => {
    expect(
      marked(`<style>
        .a { position: absolute; clip: rect(0 0 0 0); width: 1px; height: 1px; overflow: hidden }
        .b:not(:focus) { position: absolute; clip-path: inset(50%) }
        .c { position: absolute; width: 1px; height: 1px; overflow: hidden }
        .d { position: absolute; top: 0 }
        .e { clip: rect(0 0 0 0); width: 1px; height: 1px; overflow: hidden }
        .f { position: absolute; width: 1px; height: 1px; overflow: visible }
        @media (max-width: 400px) { .g { position: absolute; clip: rect(0 0 0 0) } }
      </style>
      <span id="a" class="a">x</span><span id="b" class="b">x</span><span id="c" class="c">x</span>
      <span id="d" class="d">x</span><span id="e" class="e">x</span><span id="f" class="f">x</span>
      <span id="g" class="g">x</span>
      <span id="inline" style="position:absolute;clip:rect(1px,1px,1px,1px)">x</span>
      <span id="own" data-shelf-hidden>x</span>`),
    ).toEqual(['a', 'b', 'c', 'inline']);
  });

  // In a browser, `<img name="styleSheets">` answers for `document.styleSheets` (jsdom does not do it: set here).
  it('marks nothing, and does not throw, when the page’s `styleSheets` is one of its elements', () => {
    expect(
      marked(
        `<style>.a { position: absolute; clip: rect(0 0 0 0) }</style>
        <img name="styleSheets"><span id="a" class="a">x</span>`,
        (page) => Object.defineProperty(page, 'styleSheets', { value: page.querySelector('img') }),
      ),
    ).toEqual([]);
  });
});
