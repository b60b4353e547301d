import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { capturePage } from '@/lib/capture/capture-page';
import { COPY_ID_PREFIX } from '@/lib/capture/copy-ids';
import { sanitizeArticleHtml } from '@/lib/capture/sanitize';

/**
 * Links into the page (a footnote's marker, its "back" link, a section reference) keep leading
 * somewhere in the copy: the ids they point at are kept, namespaced so that none can be one of the
 * reader's own. A link whose place the copy lacks is its words (faithful-copy.test.ts).
 */
function load(html = '<html></html>') {
  const dom = new JSDOM(html, { url: 'https://example.org/article', virtualConsole: new VirtualConsole() });
  return { doc: dom.window.document, win: dom.window as unknown as Window & typeof globalThis };
}

/** The copy as the reader shows it: sanitized, then sanitized again from storage. */
function shown(html: string): HTMLElement {
  const { doc, win } = load();
  const container = doc.createElement('div');
  container.innerHTML = sanitizeArticleHtml(sanitizeArticleHtml(html, win), win);
  doc.body.append(container); // so that getElementById finds its places
  return container;
}

const hrefs = (root: ParentNode) => [...root.querySelectorAll('a')].map((link) => link.getAttribute('href'));
const ids = (root: ParentNode) => [...root.querySelectorAll('[id]')].map((element) => element.getAttribute('id'));

const FOOTNOTES = `<p>Pools bound how many queries run.<sup id="fnref:1"><a href="#fn:1" class="footnote-ref">1</a></sup>
  A queue holds the rest.<sup id="fnref:2"><a href="#fn:2">2</a></sup></p>
  <div class="footnotes"><ol>
    <li id="fn:1"><p>Most drivers default to ten. <a href="#fnref:1" class="reversefootnote">↩</a></p></li>
    <li id="fn:2"><p>Or fail fast. <a href="#fnref:2">↩</a></p></li>
  </ol></div>`;

describe('links into the page, in a copy', () => {
  it('keep leading to their footnote and back, by ids under a prefix of their own', () => {
    const copy = shown(FOOTNOTES);
    expect(hrefs(copy)).toEqual([
      `#${COPY_ID_PREFIX}fn:1`,
      `#${COPY_ID_PREFIX}fn:2`,
      `#${COPY_ID_PREFIX}fnref:1`,
      `#${COPY_ID_PREFIX}fnref:2`,
    ]);
    expect(ids(copy)).toEqual([
      `${COPY_ID_PREFIX}fnref:1`,
      `${COPY_ID_PREFIX}fnref:2`,
      `${COPY_ID_PREFIX}fn:1`,
      `${COPY_ID_PREFIX}fn:2`,
    ]);
    for (const link of copy.querySelectorAll('a')) {
      // Not into a new tab (that would open the reader's own page again), and leading to its place.
      expect(link.hasAttribute('target')).toBe(false);
      const id = link.getAttribute('href')?.slice(1);
      expect(copy.ownerDocument.getElementById(id ?? '')?.textContent).toBeTruthy();
    }
    expect(copy.querySelector('sup a')?.textContent).toBe('1');
  });

  it("keeps only the ids a link points at, and keeps a Wikipedia footnote's marker and note linked", () => {
    const copy =
      shown(`<h2 id="History">History</h2><p id="lead">Free software.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>
      <ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span>
      <span class="reference-text">Annual report.</span></li></ol>`);
    expect(ids(copy)).toEqual([`${COPY_ID_PREFIX}cite_ref-1`, `${COPY_ID_PREFIX}cite_note-1`]);
    expect(hrefs(copy)).toEqual([`#${COPY_ID_PREFIX}cite_note-1`, `#${COPY_ID_PREFIX}cite_ref-1`]);
  });

  it('finds a place written percent-encoded in the link, and an old-style named anchor', () => {
    const copy = shown(`<p><a href="#do-we-need-wasm%3F">Do we?</a> and <a href="#section-2">section 2</a>
      (<a href="#source">source</a>)</p><p>From <a name="source" href="https://example.org/source">the source</a>.</p>
      <h2 id="do-we-need-wasm?">Do we need Wasm?</h2><p>Yes.</p>
      <h2><a name="section-2" class="selflink">2.</a> Protocol</h2><p>It runs.</p>`);
    expect(hrefs(copy)).toEqual([
      `#${COPY_ID_PREFIX}do-we-need-wasm?`,
      `#${COPY_ID_PREFIX}section-2`,
      `#${COPY_ID_PREFIX}source`,
      'https://example.org/source',
    ]);
    expect(copy.querySelector('a[href^="https:"]')?.id).toBe(`${COPY_ID_PREFIX}source`);
    expect(copy.querySelector('h2')?.id).toBe(`${COPY_ID_PREFIX}do-we-need-wasm?`);
    // The named anchor is a place, not a link that does nothing: its words in an element with its id.
    const anchor = copy.ownerDocument.getElementById(`${COPY_ID_PREFIX}section-2`);
    expect(anchor?.localName).toBe('span');
    expect(anchor?.textContent).toBe('2.');
    expect(copy.querySelector('[name]')).toBeNull();
  });

  it('keeps as words, in its place, a link to itself (an RFC section number, an invisible page link)', () => {
    const { win } = load();
    const once = sanitizeArticleHtml(
      `<p><a href="#section-1">Section 1</a></p>
      <h2><a class="selflink" name="section-1" href="#section-1">1.</a> Introduction</h2>
      <p><a name="page-2" id="page-2" href="#page-2" class="invisible"> </a></p>`,
      win,
    );
    expect(once).not.toContain('page-2');
    const copy = shown(`<p><a href="#section-1">Section 1</a></p>
      <h2><a class="selflink" name="section-1" href="#section-1">1.</a> Introduction</h2>
      <p><a name="page-2" id="page-2" href="#page-2" class="invisible"> </a></p>`);
    expect(hrefs(copy)).toEqual([`#${COPY_ID_PREFIX}section-1`]);
    expect(ids(copy)).toEqual([`${COPY_ID_PREFIX}section-1`]);
    expect(copy.querySelector('h2')?.innerHTML).toBe(`<span id="${COPY_ID_PREFIX}section-1">1.</span> Introduction`);
  });

  it('keeps no id whose only links it drops (a heading anchor, an "[edit]" link)', () => {
    const { win } = load();
    const page = `<h2 id="History">History<a href="#History" class="anchor">#</a></h2><p>x</p>
      <h2 id="Uses">Uses <span class="mw-editsection"><a href="#Uses">[edit]</a></span></h2><p>y</p>`;
    const once = sanitizeArticleHtml(page, win);
    expect(once).not.toContain('id=');
    // What is stored is what the reader shows (it sanitizes the stored copy again).
    expect(sanitizeArticleHtml(once, win)).toBe(once);
  });

  it('keeps as words a link whose place the copy lacks, or lost (a link into a dropped part)', () => {
    const copy =
      shown(`<p>See <a href="#gone">a gone part</a>, <a href="#edit">an edited one</a> and <a href="#">the top</a>.</p>
      <h2>Values <span class="mw-editsection"><span id="edit">[edit]</span></span></h2><p>Text.</p>`);
    expect(hrefs(copy)).toEqual([]);
    expect(ids(copy)).toEqual([]);
    expect(copy.querySelector('p')?.textContent).toBe('See a gone part, an edited one and the top.');
  });

  it('namespaces an id that names something of the page, the reader or JavaScript, and keeps no name', () => {
    const names = ['__proto__', 'constructor', 'reader-title', 'root', 'getElementById', 'location', 'toString'];
    const copy = shown(
      names.map((name) => `<p id="${name}">${name} <a href="#${name}">here</a></p>`).join('') +
        `<p><a name="cookie">cookie</a><a href="#cookie">to the cookie</a></p>`,
    );
    expect(ids(copy)).toEqual([...names, 'cookie'].map((name) => `${COPY_ID_PREFIX}${name}`));
    expect(copy.ownerDocument.getElementById('reader-title')).toBeNull();
    expect(copy.querySelector('[name]')).toBeNull();
  });

  // Prefixing made two of a page's places one: its own `shelf-copy-x` and `x`, both kept as `shelf-copy-x`.
  it('keeps every place of a page apart, its own ids under the prefix too, and each link going to its own', () => {
    const copy = shown(`<p>See <a href="#x">the first</a>, <a href="#${COPY_ID_PREFIX}x">the second</a>,
      <a href="#${COPY_ID_PREFIX}${COPY_ID_PREFIX}x">the third</a> and <a href="#y">the fourth</a>.</p>
      <p id="${COPY_ID_PREFIX}x">Second place.</p><p id="x">First place.</p>
      <p id="${COPY_ID_PREFIX}${COPY_ID_PREFIX}x">Third place.</p><p id="y">Fourth place.</p><p id="y">Fourth, again.</p>`);
    const kept = ids(copy);
    expect(new Set(kept).size).toBe(kept.length);
    const placeOf = (link: Element) =>
      copy.ownerDocument.getElementById((link.getAttribute('href') ?? '').slice(1))?.textContent;
    // As a browser goes: to the first element with the id.
    expect([...copy.querySelectorAll('a')].map(placeOf)).toEqual([
      'First place.',
      'Second place.',
      'Third place.',
      'Fourth place.',
    ]);
    expect(kept).toHaveLength(4);
    expect(kept.every((id) => id?.startsWith(COPY_ID_PREFIX))).toBe(true);
  });

  // A browser goes to the element with the id before any <a name> of that place, wherever each is.
  it('gives a place to the element with its id, not to a named anchor of the same name before it', () => {
    const copy = shown(`<p><a href="#x">to x</a></p><p><a name="x">An old anchor.</a></p><p id="x">The place.</p>`);
    expect(ids(copy)).toEqual([`${COPY_ID_PREFIX}x`]);
    expect(copy.ownerDocument.getElementById(`${COPY_ID_PREFIX}x`)?.textContent).toBe('The place.');
    expect(copy.textContent).toContain('An old anchor.');
  });

  it('keeps a named anchor and an id of the same name apart from other places, and a stored copy as it is', () => {
    const { win } = load();
    const once = sanitizeArticleHtml(
      `<p><a href="#a">to a</a> <a href="#${COPY_ID_PREFIX}a">to the other</a></p>
      <h2><a name="a">A.</a></h2><p id="${COPY_ID_PREFIX}a">Other.</p>`,
      win,
    );
    expect(sanitizeArticleHtml(once, win)).toBe(once);
    const copy = shown(once);
    expect(copy.ownerDocument.getElementById(hrefs(copy)[0]?.slice(1) ?? '')?.textContent).toBe('A.');
    expect(copy.ownerDocument.getElementById(hrefs(copy)[1]?.slice(1) ?? '')?.textContent).toBe('Other.');
  });

  it('keeps an id or address written to break out of its attribute as inert text, or not at all', () => {
    const { doc, win } = load();
    const inert = `"><img src=x onerror="window.__shelfPwned=1">`;
    const breakout = `</script><script>window.__shelfPwned=2</script>`;
    const container = doc.createElement('div');
    container.innerHTML = sanitizeArticleHtml(
      `<p id='${inert}'>note</p><p id='${breakout}'>other</p>
      <p><a href='#${inert}'>to the note</a> <a href='#${breakout}'>to the other</a> <a href="#<script>">to nothing</a></p>`,
      win,
    );
    expect(container.querySelectorAll('script, img')).toHaveLength(0);
    expect(ids(container)).toEqual([`${COPY_ID_PREFIX}${inert}`]);
    // DOMPurify drops a value that closes a raw-text element; the link to it is then its words.
    expect(hrefs(container)).toEqual([`#${COPY_ID_PREFIX}${inert}`]);
    expect(container.querySelector('a')?.textContent).toBe('to the note');
    expect(container.textContent).toContain('to the note to the other to nothing');
  });

  it('handles a page of thousands of footnotes', () => {
    const count = 2000;
    const markers = Array.from({ length: count }, (_, n) => `<sup id="r${n}"><a href="#n${n}">${n}</a></sup>`).join(
      ' ',
    );
    const notes = Array.from({ length: count }, (_, n) => `<li id="n${n}">Note ${n} <a href="#r${n}">↩</a></li>`);
    const copy = shown(`<p>${markers}</p><ol>${notes.join('')}</ol>`);
    expect(copy.querySelectorAll('a')).toHaveLength(2 * count);
    expect(copy.querySelectorAll(`[id^="${COPY_ID_PREFIX}"]`)).toHaveLength(2 * count);
    expect(ids(copy).every((id) => id?.startsWith(COPY_ID_PREFIX))).toBe(true);
  });

  it('keeps a footnote linked through a capture of the page', () => {
    const filler = '<p>Connection pools bound how many queries run at once, and a queue holds the rest. </p>'.repeat(8);
    const { doc, win } = load(
      `<html><head><title>Pools</title></head><body><main><article><h1>Pools</h1>${filler}${FOOTNOTES}${filler}</article></main></body></html>`,
    );
    const captured = capturePage(doc, 'https://example.org/article', win, () => 0);
    const copy = shown(captured.html);
    expect(hrefs(copy)).toContain(`#${COPY_ID_PREFIX}fn:1`);
    expect(hrefs(copy)).toContain(`#${COPY_ID_PREFIX}fnref:2`);
    // Readability's own ids (readability-page-1) lead nowhere and are not kept.
    expect(ids(copy)).toHaveLength(4);
  });

  it('keeps a footnote written as an absolute link to the page itself (WordPress, Substack, a <base href>)', () => {
    const filler = '<p>Connection pools bound how many queries run at once, and a queue holds the rest. </p>'.repeat(8);
    const absolute = FOOTNOTES.replaceAll('href="#fn:1"', 'href="https://example.org/article/#fn:1"')
      .replaceAll('href="#fnref:1"', 'href="https://EXAMPLE.org:443/article#fnref:1"')
      .replace('Or fail fast.', 'Or fail fast. <a href="https://example.org/article#comments">Comments</a>');
    // Opened from a newsletter; its <base> is the site's root, so Readability also writes #fn:2 as https://example.org/#fn:2.
    const { doc, win } = load(
      `<html><head><title>Pools</title><base href="https://example.org/"></head><body><main><article><h1>Pools</h1>${filler}${absolute}${filler}</article></main></body></html>`,
    );
    const captured = capturePage(doc, 'https://example.org/article?utm_source=newsletter', win, () => 0);
    const copy = shown(captured.html);
    const links = hrefs(copy);
    expect(links).toEqual([
      `#${COPY_ID_PREFIX}fn:1`,
      `#${COPY_ID_PREFIX}fn:2`,
      `#${COPY_ID_PREFIX}fnref:1`,
      // A place the copy does not have: a real link to the original page.
      'https://example.org/article#comments',
      `#${COPY_ID_PREFIX}fnref:2`,
    ]);
    expect(copy.querySelector(`a[href="#${COPY_ID_PREFIX}fn:1"]`)?.hasAttribute('target')).toBe(false);
  });

  it('keeps as web links those to another page, another site or a parameter of its own, whatever their place', () => {
    const page = ['https://example.org/article'];
    const html = `<p id="fn1">Note. ${[
      'https://example.org/other#fn1',
      'https://blog.example.org/article#fn1',
      'https://example.org/article?page=2#fn1',
      'https://example.org/article#',
    ]
      .map((href) => `<a href="${href}">x</a>`)
      .join(' ')}</p>`;
    const { win } = load();
    const container = win.document.createElement('div');
    container.innerHTML = sanitizeArticleHtml(sanitizeArticleHtml(html, win, page), win);
    expect(hrefs(container)).toEqual([
      'https://example.org/other#fn1',
      'https://blog.example.org/article#fn1',
      'https://example.org/article?page=2#fn1',
      'https://example.org/article#',
    ]);
    expect(ids(container)).toEqual([]);
  });

  // A footnote written with the site's address before it moved to https, or without its www.
  it('keeps a footnote written as a link to the page itself over http, or with or without www.', () => {
    const page = ['https://www.example.org/article'];
    const html = `<p id="fn1">Note. ${['http://www.example.org/article#fn1', 'https://example.org/article/#fn1']
      .map((href) => `<a href="${href}">x</a>`)
      .join(' ')}</p>`;
    const { win } = load();
    const container = win.document.createElement('div');
    container.innerHTML = sanitizeArticleHtml(sanitizeArticleHtml(html, win, page), win);
    expect(hrefs(container)).toEqual([`#${COPY_ID_PREFIX}fn1`, `#${COPY_ID_PREFIX}fn1`]);
    expect(ids(container)).toEqual([`${COPY_ID_PREFIX}fn1`]);
  });

  it("keeps a drawing's references into itself (a gradient, a clip path, an arrowhead), under the prefix, and no <use>", () => {
    const copy = shown(
      `<p>The chart:</p><svg viewBox="0 0 10 10"><defs><linearGradient id="fade"><stop offset="0" stop-color="red"/></linearGradient>
        <clipPath id="half"><rect width="5" height="5"/></clipPath><marker id="arrow"><path d="M0 0L2 1z"/></marker></defs>
        <rect width="10" height="10" fill="url(#fade)" clip-path="url('#half')"/><path d="M0 0L9 9" marker-end="url( #arrow )"/>
        <circle r="1" fill="url(#nowhere)" aria-label="url(#fade)"/><use href="#arrow"/></svg>`,
    );
    const svg = copy.querySelector('svg') as SVGSVGElement;
    expect(svg.querySelector('rect[fill]')?.getAttribute('fill')).toBe(`url(#${COPY_ID_PREFIX}fade)`);
    expect(svg.querySelector('rect[fill]')?.getAttribute('clip-path')).toBe(`url('#${COPY_ID_PREFIX}half')`);
    expect(svg.querySelector('path[marker-end]')?.getAttribute('marker-end')).toBe(`url( #${COPY_ID_PREFIX}arrow )`);
    expect(svg.getElementById(`${COPY_ID_PREFIX}fade`)?.localName).toBe('linearGradient');
    expect(svg.getElementById(`${COPY_ID_PREFIX}half`)?.localName).toBe('clipPath');
    expect(svg.getElementById(`${COPY_ID_PREFIX}arrow`)?.localName).toBe('marker');
    // A reference to no place of the copy leads nowhere in the reader either; a label is words.
    expect(svg.querySelector('circle')?.getAttribute('fill')).toBe(`url(#${COPY_ID_PREFIX}nowhere)`);
    expect(svg.querySelector('circle')?.getAttribute('aria-label')).toBe('url(#fade)');
    expect(ids(copy)).toHaveLength(3);
    // <use> clones another part of the page into the drawing: never kept.
    expect(svg.querySelector('use')).toBeNull();
  });
});
