import { afterEach, describe, expect, it } from 'vitest';
import { toMarkdownItem } from '@/lib/annotations/item-markdown';
import { itemToMarkdown } from '@/lib/annotations/markdown-export';
import { describeRange, quoteBlocksSchema } from '@/lib/annotations/selectors';
import type { Highlight, SavedItem } from '@/lib/db/schema';
import { mount } from '@/tests/unit/lib/annotations/mount';

/** A range from the start of `from`'s text at `start` to `to`'s text at `end`. */
function rangeOf(from: Text, start: number, to: Text, end: number): Range {
  const range = document.createRange();
  range.setStart(from, start);
  range.setEnd(to, end);
  return range;
}
const textIn = (root: Element, selector: string) => root.querySelector(selector)?.firstChild as Text;

afterEach(() => document.body.replaceChildren());

/** What "Copy as Markdown" writes for one highlight made of `range`, as the reader or a page stores it. */
function copiedQuote(root: Element, range: Range): string {
  const described = describeRange(root, range);
  if (!described.ok) throw new Error(described.error);
  const highlight: Highlight = {
    id: 'h1',
    itemId: 'page:1',
    selectors: described.selectors,
    ...(described.quoteBlocks ? { quoteBlocks: described.quoteBlocks } : {}),
    note: '',
    color: 'yellow',
    createdAt: 1,
    updatedAt: 1,
  };
  const item = { title: 'Post', url: null, tags: [], note: '' } as unknown as SavedItem;
  const markdown = itemToMarkdown(toMarkdownItem(item, [highlight]));
  return markdown.slice(markdown.indexOf('## Highlights\n\n') + '## Highlights\n\n'.length).trimEnd();
}

describe('a highlight’s paragraphs and code lines, exported as Markdown', () => {
  it('a highlight across two paragraphs is two quoted paragraphs, a blank quoted line between', () => {
    const root = mount(
      '<p>Most teams pick Postgres over other databases today.</p>\n  <p>Bravo paragraph starts here and goes on.</p>',
    );
    const range = rangeOf(textIn(root, 'p'), 16, textIn(root, 'p:nth-child(2)'), 15);
    expect(copiedQuote(root, range)).toBe('> Postgres over other databases today.\n>\n> Bravo paragraph');
  });

  it('a highlight inside a multi-line <pre> keeps its lines and indentation, as a fenced block in the quote', () => {
    const root = mount(
      '<p>Before.</p><pre><code>function golf() {\n  return hotel + india;\n}\n\nconsole.log(`x`);\n</code></pre>',
    );
    const code = textIn(root, 'code');
    const range = rangeOf(code, 0, code, code.data.length);
    expect(copiedQuote(root, range)).toBe(
      ['> ```', '> function golf() {', '>   return hotel + india;', '> }', '>', '> console.log(`x`);', '> ```'].join(
        '\n',
      ),
    );
  });

  it('a <pre> whose lines are elements of their own (a syntax highlighter’s) is one block of those lines', () => {
    const root = mount(
      '<pre><code><div class="line">if (x) {</div><div class="line">  go();</div><div>}</div></code></pre>',
    );
    const code = root.querySelector('code') as Element;
    const range = document.createRange();
    range.selectNodeContents(code);
    expect(copiedQuote(root, range)).toBe('> ```\n> if (x) {\n>   go();\n> }\n> ```');
  });

  it('a paragraph, then code, then a paragraph: each block in turn, one quote', () => {
    const root = mount('<p>Say <em>this</em>:</p><pre>a\n b</pre><p>and # that.</p>');
    const range = rangeOf(textIn(root, 'p'), 0, textIn(root, 'p:last-child'), 11);
    const described = describeRange(root, range);
    expect(described.ok && described.quoteBlocks).toEqual([
      { text: 'Say this:' },
      { text: 'a\n b', code: true },
      { text: 'and # that.' },
    ]);
    expect(quoteBlocksSchema.safeParse(described.ok && described.quoteBlocks).success).toBe(true);
    expect(copiedQuote(root, range)).toBe('> Say this:\n>\n> ```\n> a\n>  b\n> ```\n>\n> and \\# that.');
  });

  it('a fence longer than any run of backticks in the code', () => {
    const root = mount('<pre>one ```\ntwo</pre>');
    const text = textIn(root, 'pre');
    expect(copiedQuote(root, rangeOf(text, 0, text, text.data.length))).toBe('> ````\n> one ```\n> two\n> ````');
  });

  it('a line broken by <br> keeps its break', () => {
    const root = mount('<p>Roses are red,<br>violets blue.</p>');
    const range = rangeOf(textIn(root, 'p'), 0, root.querySelector('p')?.lastChild as Text, 13);
    expect(copiedQuote(root, range)).toBe('> Roses are red,\n> violets blue.');
  });

  it('keeps nothing beside the quote for a highlight of one line (the quote says it all)', () => {
    const root = mount('<p>One   line\n of text.</p>');
    const text = textIn(root, 'p');
    const described = describeRange(root, rangeOf(text, 0, text, text.data.length));
    expect(described).toEqual({ ok: true, selectors: expect.anything() });
  });

  it('a highlight made before Shelf kept its lines is exported from its quote, as before', () => {
    const item = { title: 'Post', url: null, tags: [], note: '' } as unknown as SavedItem;
    const old: Highlight = {
      id: 'h1',
      itemId: 'page:1',
      selectors: { quote: { type: 'TextQuoteSelector', exact: 'function golf() { return hotel + india;' } },
      note: 'a note',
      color: 'yellow',
      createdAt: 1,
      updatedAt: 1,
    };
    expect(itemToMarkdown(toMarkdownItem(item, [old]))).toBe(
      '# Post\n\n## Highlights\n\n> function golf() { return hotel + india;\n\na note\n',
    );
  });
});
