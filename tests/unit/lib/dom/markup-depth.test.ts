import { describe, expect, it } from 'vitest';
import { capMarkupDepth, MAX_MARKUP_DEPTH, parseInertHtml } from '@/lib/dom/markup-depth';

const nested = (depth: number, tag = 'div', inner = 'deep text') =>
  `${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}`;

/** How deep a parser that follows the HTML standard nests it, counting <html> as 1 (jsdom builds every level). */
function depthOf(html: string): number {
  const root = new DOMParser().parseFromString(html, 'text/html').documentElement;
  let deepest = 0;
  const walk = [{ node: root as Element, depth: 1 }];
  while (walk.length > 0) {
    const { node, depth } = walk.pop() as { node: Element; depth: number };
    deepest = Math.max(deepest, depth);
    for (const child of node.children) walk.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

const bodyText = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent;

describe('markup nested deeper than a browser parses quickly', () => {
  it('gives markup that nests less deeply back as the very same string', () => {
    const page = `<!doctype html><html><head><title>a <b> title</title></head><body><article>
      <h1 class="x" data-a='1 > 0'>Title</h1><p>One<p>Two<ul><li>a<li>b</ul><svg><path d="M0"/></svg>
      <!-- <div><div> --><script>if (a < b) "<div>"</script>${nested(MAX_MARKUP_DEPTH - 5)}</article></body></html>`;
    expect(capMarkupDepth(page)).toBe(page);
  });

  it('takes the tags off elements past the bound, keeping every word and the markup around them', () => {
    const capped = capMarkupDepth(`<h1>Deep</h1>${nested(100_000)}<p>after</p>`);
    expect(depthOf(capped)).toBe(MAX_MARKUP_DEPTH);
    expect(bodyText(capped)).toBe('Deepdeep textafter');
    expect(capped).toContain('<h1>Deep</h1>');
    expect(capped).toContain('<p>after</p>');
  });

  it('keeps the links past the bound as links, holding their text, one level beneath it', () => {
    const links = '<a href="/a" title="A">a <b>one</b></a><svg><a href="/svg">s</a></svg>';
    const capped = capMarkupDepth(`<h1>Deep</h1>${nested(100_000, 'div', links)}<p>after</p>`);
    expect(depthOf(capped)).toBe(MAX_MARKUP_DEPTH + 1);
    expect(bodyText(capped)).toBe('Deepa onesafter');
    expect(capped).toContain('<a href="/a" title="A">a one</a>');
    expect(capped).not.toContain('/svg');
  });

  it('counts the depth a browser builds, however the markup is spelled', () => {
    // Tricks a scan of the tags was fooled by (a review's findings): each nests 1,000 deep in a browser.
    const deep = 1_000;
    const tricks = {
      'markup in noscript (scripting is off in DOMParser)': `<noscript>${'<div>'.repeat(deep)}x`,
      'an end tag the parser ignores': '<span><div></span>'.repeat(deep),
      'an end tag with a no-break space': '<div></div\u00a0>'.repeat(deep),
      'leaving SVG, then <div/>': `<svg>${'<div/>'.repeat(deep)}`,
      'an empty comment': `<!-->${'<div>'.repeat(deep)}-->`,
      'a quote in an unquoted value': `<i a=b="${'<div>'.repeat(deep)}">`,
    };
    for (const [trick, html] of Object.entries(tricks)) {
      expect(depthOf(html), trick).toBeGreaterThan(MAX_MARKUP_DEPTH);
      expect(depthOf(capMarkupDepth(html)), trick).toBeLessThanOrEqual(MAX_MARKUP_DEPTH);
    }
  });

  it("writes back what it parsed as it parsed it: a <noscript>'s text stays text, a <select> is serialized shallow", () => {
    // Serialized with scripting on, the "&lt;div&gt;"s came back as tags: 1,000 levels more.
    const noscript = `<p>a</p><noscript>${'&lt;div&gt;'.repeat(1_000)}</noscript>${'<div>'.repeat(600)}x`;
    expect(depthOf(capMarkupDepth(noscript))).toBeLessThanOrEqual(MAX_MARKUP_DEPTH);
    expect(bodyText(capMarkupDepth(noscript))).toContain('<div><div>');
    // parse5 drops the tags inside a <select> (the older rules); Chromium nests them (the newer).
    const select = `<select>${'<div>'.repeat(600)}x`;
    expect(capMarkupDepth(select)).not.toContain('<div>');
    expect(bodyText(capMarkupDepth(select))).toBe('x');
  });

  it('keeps only the text of markup that makes the parser build far more elements than it has tags', () => {
    // Every <p> reopens the 200 unclosed <b>s before it: 400,000 elements from 12 kB.
    const tags = Array.from({ length: 200 }, (_, i) => `<b a=${i}>`).join('');
    const reopening = `<p>${tags}${'<p>x'.repeat(2_000)}${'<div>'.repeat(600)}`;
    const capped = capMarkupDepth(reopening);
    expect(capped.length).toBeLessThan(reopening.length * 2);
    expect(bodyText(capped)).toContain('x x x');
    expect(capped).not.toContain('<b');
  });

  it("counts a template's content as nested under it", () => {
    const capped = capMarkupDepth(`<template>${nested(1_000)}</template>`);
    // <html>, <head>, <template>, then the divs.
    expect(capped.match(/<div>/g)).toHaveLength(MAX_MARKUP_DEPTH - 3);
    expect(capped).toContain('deep text');
  });

  it('leaves sloppy markup a browser nests shallowly as it is (unclosed cells, paragraphs, list items)', () => {
    for (const sloppy of [
      `<table>${'<tr><td><span>x</td>'.repeat(600)}</table><h2>After</h2><a href="/next">link</a>`,
      `${'<p><font face=Arial>para'.repeat(600)}<h2>After</h2>`,
      `<ul>${'<li><a href="/a">x'.repeat(600)}</ul>`,
      `<form>${'<select name=s><option>a<optgroup label=g><option>b</select>'.repeat(200)}</form>`,
      `${'<svg>'.concat('<path d="M0">'.repeat(100), '</svg>').repeat(6)}<a href="/b">b</a>`,
    ])
      expect(capMarkupDepth(sloppy)).toBe(sloppy);
  });

  it('parses a file inertly, nested no deeper than the bound', () => {
    const doc = parseInertHtml(`<title>T</title><a href="https://example.org/">x</a>${nested(5_000)}`);
    expect(doc.title).toBe('T');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://example.org/');
    expect(doc.body.textContent).toBe('xdeep text');
    expect(depthOf(doc.documentElement.outerHTML)).toBe(MAX_MARKUP_DEPTH);
  });
});
