import { describe, expect, it } from 'vitest';
import { flattenDeepMarkup, MAX_MARKUP_DEPTH } from '@/lib/dom/markup-depth';

const nested = (depth: number, tag = 'div', inner = 'deep text') =>
  `${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}`;

/** How deep the parser nests it (jsdom builds every level it is given). */
function depthOf(html: string): number {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  let deepest = 0;
  const walk = [{ node: body as Element, depth: 0 }];
  while (walk.length > 0) {
    const { node, depth } = walk.pop() as { node: Element; depth: number };
    deepest = Math.max(deepest, depth);
    for (const child of node.children) walk.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

describe('markup nested deeper than the parser builds', () => {
  it('gives markup under the bound back as the very same string', () => {
    const page = `<!doctype html><html><head><title>a <b> title</title><style>div > p { color: red }</style></head>
      <body><article><h1 class="x" data-a='1 > 0'>Title</h1><p>One<p>Two<ul><li>a<li>b</ul>
      <svg><circle r="1"/><path d="M0"/></svg><img src="a.png"><br><!-- <div><div> --><script>if (a < b) "<div>"</script>
      ${nested(MAX_MARKUP_DEPTH - 1)}</article></body></html>`;
    expect(flattenDeepMarkup(page)).toBe(page);
  });

  it('takes the tags off elements deeper than the bound, keeping every word and the markup around them', () => {
    const flat = flattenDeepMarkup(`<h1>Deep</h1>${nested(100_000)}<p>after</p>`);
    expect(depthOf(flat)).toBe(MAX_MARKUP_DEPTH);
    expect(
      flat.startsWith(`<h1>Deep</h1>${'<div>'.repeat(MAX_MARKUP_DEPTH)}deep text${'</div>'.repeat(MAX_MARKUP_DEPTH)}`),
    ).toBe(true);
    expect(flat.endsWith('<p>after</p>')).toBe(true);
    expect(new DOMParser().parseFromString(flat, 'text/html').body.textContent).toBe('Deepdeep textafter');
  });

  it('counts what the parser nests: "<div/>" is an open div, "<p>" and "<li>" close their sibling, SVG\'s "<g/>" closes itself', () => {
    expect(depthOf(flattenDeepMarkup(`${'<div/>'.repeat(2_000)}x`))).toBe(MAX_MARKUP_DEPTH);
    const siblings = `${'<p>x'.repeat(2_000)}${'<li>y'.repeat(2_000)}`;
    expect(flattenDeepMarkup(siblings)).toBe(siblings);
    const drawing = `<svg>${'<g/>'.repeat(2_000)}</svg>`;
    expect(flattenDeepMarkup(drawing)).toBe(drawing);
    // Inside SVG's foreignObject it is HTML again: "<div/>" opens a div there.
    const htmlInsideSvg = `<svg><foreignObject>${'<div/>'.repeat(1_000)}x</foreignObject></svg>`;
    expect(depthOf(flattenDeepMarkup(htmlInsideSvg))).toBeLessThanOrEqual(MAX_MARKUP_DEPTH);
  });

  it('reads no tag inside comments, scripts, styles or quoted attribute values', () => {
    const inert = `<div title="${'<div>'.repeat(1_000)}"><!--${'<div>'.repeat(1_000)}--><script>${'<div>'.repeat(1_000)}</script>x</div>`;
    expect(flattenDeepMarkup(inert)).toBe(inert);
  });

  it('costs a stray end tag a bounded look, and leaves it as written', () => {
    const stray = `${nested(600)}${'</span>'.repeat(50_000)}`;
    const flat = flattenDeepMarkup(stray);
    expect(flat.endsWith('</span>'.repeat(50_000))).toBe(true);
    expect(flat.length).toBe(stray.length - 88 * '<div>'.length - 88 * '</div>'.length);
  });

  it('ends cleanly on markup cut short (an open comment, tag or quote at the end)', () => {
    for (const cut of ['<div', '<div title="x', '<!-- x', '<script>x', '</div', '<!doctype'])
      expect(flattenDeepMarkup(`${nested(3)}${cut}`)).toBe(`${nested(3)}${cut}`);
    expect(depthOf(flattenDeepMarkup(`${'<div>'.repeat(1_000)}<div title="x`))).toBe(MAX_MARKUP_DEPTH);
  });
});
