import { afterEach, describe, expect, it } from 'vitest';
import { createTextModel, modelText } from '@/lib/annotations/text-model';
import { mount } from '@/tests/unit/lib/annotations/mount';

afterEach(() => {
  document.body.replaceChildren();
});

describe('the text highlight offsets count', () => {
  it('joins inline elements as they render and collapses whitespace runs to one space', () => {
    expect(createTextModel(mount('<p>foo <b>bar</b>\n\t  baz&nbsp;&nbsp;qux</p>')).text).toBe('foo bar baz qux');
  });

  it('separates blocks and line breaks by one space, never runs them together', () => {
    expect(createTextModel(mount('<p>one</p><p>two</p><ul><li>a</li><li>b<br>c</li></ul>')).text).toBe('one two a b c');
  });

  it('has no space at the start and none at the end', () => {
    expect(createTextModel(mount('\n  <p>  text  </p>\n  ')).text).toBe('text');
  });

  it('skips scripts, styles, noscript, templates and textareas', () => {
    const root = mount(
      '<p>a<script>var x = 1;</script>b<style>p{}</style>c<noscript>enable js</noscript>d<textarea>draft</textarea>e</p><template>t</template>',
    );
    expect(createTextModel(root).text).toBe('abcde');
  });

  it('leaves out soft hyphens, zero-width spaces and word joiners, which a page adds or drops between captures', () => {
    const root = mount('<p>extra\u00ADordi<b>\u00ADnary</b> food \u00AD at\u200B www.\u200Bexample\u2060.com</p>');
    const model = createTextModel(root);
    expect(model.text).toBe('extraordinary food at www.example.com');
    const start = model.text.indexOf('ordinary');
    const range = model.rangeOfSpan({ start, end: start + 'ordinary'.length });
    expect(range.toString()).toBe('ordi\u00ADnary');
    expect(model.spanOfRange(range)).toEqual({ start, end: start + 'ordinary'.length });
  });

  it('is unchanged when text nodes are split and wrapped (how highlights are drawn)', () => {
    const root = mount('<p>The quick brown fox</p>');
    const before = createTextModel(root).text;
    const text = root.querySelector('p')?.firstChild as Text;
    const tail = text.splitText(4).splitText(5);
    const mark = document.createElement('mark');
    (tail.previousSibling as Text).before(mark);
    mark.append(tail.previousSibling as Text);
    expect(root.querySelector('p')?.childNodes).toHaveLength(3);
    expect(createTextModel(root).text).toBe(before);
  });

  it('is the same text without its offsets (modelText), on every kind of markup above', () => {
    for (const html of [
      '<p>foo <b>bar</b>\n\t  baz&nbsp;&nbsp;qux</p>',
      '<p>one</p><p>two</p><ul><li>a</li><li>b<br>c</li></ul>',
      '\n  <p>  text  </p>\n  ',
      '<p>a<script>var x = 1;</script>b<style>p{}</style>c<noscript>enable js</noscript>d<textarea>draft</textarea>e</p><template>t</template>',
      '<p>his interview</p><p>Mr Obama <i>lands</i> in Kenya</p><table><tr><td>1</td><td>2</td></tr></table>',
      '<p>\u00ADextra\u00ADordi<b>\u00ADnary</b> \u00AD \u200Bwww.\u200Bexample\u2060.com\u00AD</p><p>\u200B</p><p>end</p>',
    ]) {
      const root = mount(html);
      expect(modelText(root)).toBe(createTextModel(root).text);
      document.body.replaceChildren();
    }
  });
});

describe('between DOM ranges and text spans', () => {
  it('maps every span of the text to a DOM range with that text, and back', () => {
    const root = mount('<h2>Title</h2>\n<p>foo <b>bar</b>  baz</p>\n<p>second <i>para</i>graph</p>');
    const model = createTextModel(root);
    expect(model.text).toBe('Title foo bar baz second paragraph');
    for (let start = 0; start < model.text.length; start++) {
      for (let end = start + 1; end <= model.text.length; end++) {
        if (model.text[start] === ' ' || model.text[end - 1] === ' ') continue;
        const range = model.rangeOfSpan({ start, end });
        expect(range.toString().replace(/\s+/g, ' ')).toBe(model.text.slice(start, end));
        expect(model.spanOfRange(range)).toEqual({ start, end });
      }
    }
  });

  it('reads ranges whose ends are elements, not text nodes', () => {
    const root = mount('<p>foo <b>bar</b> baz</p><p>next</p>');
    const model = createTextModel(root);
    const range = document.createRange();
    range.selectNodeContents(root.querySelector('b') as Element);
    expect(model.spanOfRange(range)).toEqual({ start: 4, end: 7 });
    range.selectNode(root.querySelector('p') as Element);
    expect(model.text.slice(model.spanOfRange(range).start, model.spanOfRange(range).end)).toBe('foo bar baz');
  });

  it('clamps a range that reaches outside the root, and gives nothing for a range entirely outside', () => {
    const before = mount('<p>outside before</p>');
    const root = mount('<p>inside</p>');
    const after = mount('<p>outside after</p>');
    const model = createTextModel(root);
    const range = document.createRange();
    range.setStart(before.querySelector('p')?.firstChild as Text, 3);
    range.setEnd(after.querySelector('p')?.firstChild as Text, 3);
    expect(model.spanOfRange(range)).toEqual({ start: 0, end: 6 });
    range.selectNodeContents(after);
    expect(model.spanOfRange(range)).toEqual({ start: 6, end: 6 });
  });

  it('refuses a span outside the text', () => {
    const model = createTextModel(mount('<p>short</p>'));
    expect(() => model.rangeOfSpan({ start: 2, end: 9 })).toThrow(RangeError);
  });
});
