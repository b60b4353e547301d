import { asModelText, BLOCK_ELEMENTS, collapseWhitespace, isSkippedElement } from '@/lib/annotations/text-model';

/**
 * A highlight's quote as it reads, for the Markdown export: the text model (`text-model.ts`) that
 * quotes are matched by turns paragraph breaks and a `<pre>`'s lines into single spaces, so the
 * quote alone cannot say where they were. Read once, when the highlight is made, from the page or
 * copy it was made in. Without Zod: the script on the blog's pages reads them too (`describe-range.ts`).
 */

/** A paragraph (whitespace collapsed, `\n` where a `<br>` breaks it) or a `<pre>`'s text as written (`code`). */
export interface QuoteBlock {
  text: string;
  code?: true;
}

/** Longer than a quote may be (`MAX_QUOTE_LENGTH`): a `<pre>` keeps its indentation. */
export const MAX_QUOTE_BLOCKS_LENGTH = 40_000;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The blocks of the root's text that `range` covers, or undefined when they would say no more than
 * `exact` (one paragraph of one line), are too long, or do not hold the words of `exact` (the words
 * are the quote's; only the breaks between them come from here).
 */
export function quoteBlocksOfRange(root: Element, range: Range, exact: string): QuoteBlock[] | undefined {
  const blocks: QuoteBlock[] = [];
  let parts: string[] = [];
  let code = false;
  const endBlock = () => {
    const raw = parts.join('').replace(/\r\n?/g, '\n');
    parts = [];
    const text = code
      ? raw.replace(/^\s*\n/, '').trimEnd()
      : raw
          .split('\n')
          .map((line) => collapseWhitespace(line).trim())
          .filter(Boolean)
          .join('\n');
    if (text) blocks.push(code ? { text, code: true } : { text });
  };
  const endLine = () => {
    if (parts.length > 0 && !parts[parts.length - 1]?.endsWith('\n')) parts.push('\n');
  };
  const visit = (parent: Node, inPre: boolean) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (!range.intersectsNode(child)) continue;
      if (child.nodeType === TEXT_NODE) {
        if (inPre !== code) {
          endBlock();
          code = inPre;
        }
        const data = (child as Text).data;
        const start = child === range.startContainer ? range.startOffset : 0;
        const end = child === range.endContainer ? range.endOffset : data.length;
        // Outside a <pre> a line break in the source is a space; only a <br> breaks the line.
        parts.push(inPre ? data.slice(start, end) : asModelText(data.slice(start, end)));
      } else if (child.nodeType === ELEMENT_NODE && !isSkippedElement(child as Element)) {
        const name = (child as Element).localName;
        if (name === 'br') parts.push('\n');
        else if (BLOCK_ELEMENTS.has(name) && inPre) {
          // A line of code in an element of its own (as some syntax highlighters write them).
          endLine();
          visit(child, true);
          endLine();
        } else if (BLOCK_ELEMENTS.has(name)) {
          endBlock();
          visit(child, name === 'pre');
          endBlock();
        } else visit(child, inPre);
      }
    }
  };
  visit(root, root.closest('pre') !== null);
  endBlock();

  const [first] = blocks;
  if (!first || (blocks.length === 1 && !first.code && !first.text.includes('\n'))) return undefined;
  const joined = blocks.map((block) => block.text).join(' ');
  if (joined.length > MAX_QUOTE_BLOCKS_LENGTH || asModelText(joined) !== exact) return undefined;
  return blocks;
}
