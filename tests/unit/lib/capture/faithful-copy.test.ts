import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { capturePage } from '@/lib/capture/capture-page';
import { sanitizeArticleHtml } from '@/lib/capture/sanitize';

function load(html: string) {
  const dom = new JSDOM(html, { url: 'https://example.org/article', virtualConsole: new VirtualConsole() });
  return { doc: dom.window.document, win: dom.window as unknown as Window & typeof globalThis };
}

const filler = '<p>Connection pools bound how many queries run at once, and a queue holds the rest. </p>'.repeat(8);
const INDENTED = '    if (ready) {\n\t\treturn  "two  spaces";\n    }\n\n  // trailing blank line above\n';
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="40" height="40" role="img" aria-label="A red dot"><circle cx="5" cy="5" r="4" fill="red"/></svg>';
const MATH =
  '<math display="block"><mi>P</mi><mo>=</mo><mfrac><mn>1</mn><msup><mn>2</mn><mi>n</mi></msup></mfrac></math>';

function capture(body: string) {
  const { doc, win } = load(`<html><head><title>Faithful</title></head><body><main><article>
    <h1>Faithful</h1>${filler}${body}${filler}</article></main></body></html>`);
  const captured = capturePage(doc, 'https://example.org/article', win, () => 0);
  const shown = load('<html></html>');
  const container = shown.doc.createElement('div');
  container.innerHTML = sanitizeArticleHtml(captured.html, shown.win); // as the reader shows it
  return container;
}

describe('a faithful copy', () => {
  it('keeps a MathJax 3 formula as its MathML (the rendered custom elements cannot be kept)', () => {
    const rendered = (display: boolean) =>
      `<mjx-container class="MathJax" jax="CHTML"${display ? ' display="true"' : ''}><mjx-math aria-hidden="true"><mjx-mi><mjx-c class="mjx-c1D44E"></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml display="${display ? 'block' : 'inline'}"><math xmlns="http://www.w3.org/1998/Math/MathML"><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>`;
    const copy = capture(`<p>When ${rendered(false)}, there are two solutions:</p>${rendered(true)}`);
    const formulas = [...copy.querySelectorAll('math')];
    expect(formulas.map((math) => math.textContent)).toEqual(['a≠0', 'a≠0']);
    expect(formulas.map((math) => math.getAttribute('display'))).toEqual([null, 'block']);
    const sentence = [...copy.querySelectorAll('p')].find((p) => p.textContent?.startsWith('When'));
    expect(sentence?.textContent).toBe('When a≠0, there are two solutions:');
  });

  it('keeps code blocks byte for byte with their language class, and nothing else of their classes', () => {
    const body = `<pre class="highlight language-ts"><code class="language-ts hljs"><span class="kw">${INDENTED.slice(0, 4)}</span>${INDENTED.slice(4)}</code></pre><pre><code>const a = 1;</code></pre>`;
    const copy = capture(body);
    const blocks = [...copy.querySelectorAll('pre')];
    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.textContent).toBe(INDENTED);
    expect(blocks[0]?.getAttribute('class')).toBe('language-ts');
    expect(blocks[0]?.querySelector('code')?.getAttribute('class')).toBe('language-ts');
    expect(blocks[0]?.querySelector('span')?.hasAttribute('class')).toBe(false);
    expect(blocks[1]?.textContent).toBe('const a = 1;');
  });

  it('keeps inline SVG and MathML', () => {
    const copy = capture(
      `<p>The probability of getting n heads is ${MATH} in a fair game.</p><figure>${SVG}<figcaption>A dot</figcaption></figure>`,
    );
    const svg = copy.querySelector('svg');
    expect(svg?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg?.getAttribute('viewBox')).toBe('0 0 10 10');
    expect(svg?.getAttribute('width')).toBe('40');
    expect(svg?.querySelector('circle')?.getAttribute('fill')).toBe('red');
    const math = copy.querySelector('math');
    expect(math?.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(math?.querySelector('mfrac msup mi')?.textContent).toBe('n');
    expect(copy.querySelector('figure figcaption')?.textContent).toBe('A dot');
  });

  // Review: keeping no MathML spacing at all read "n choose k" (KaTeX's \binom) as the fraction n/k.
  it('keeps the spacing a formula needs, small and not negative, on its own elements only', () => {
    const binom =
      '<math><mrow><mo fence="true">(</mo><mfrac linethickness="0px"><mi>n</mi><mi>k</mi></mfrac><mo fence="true">)</mo></mrow><mspace width="1em"></mspace><mo lspace="0.2778em" rspace="thickmathspace">=</mo><mi>c</mi></math>';
    const moved =
      '<math><mpadded width="0"><mi>x</mi></mpadded><mo lspace="-2em">+</mo><mspace width="500px"></mspace><mi>y</mi></math>';
    const copy = capture(`<p>${binom}</p><p>${moved}</p>`);
    const [kept, dropped] = [...copy.querySelectorAll('math')];
    expect(kept?.querySelector('mfrac')?.getAttribute('linethickness')).toBe('0px');
    expect(kept?.querySelector('mspace')?.getAttribute('width')).toBe('1em');
    expect(kept?.querySelector('mo[lspace]')?.getAttribute('lspace')).toBe('0.2778em');
    expect(kept?.querySelector('mo[rspace]')?.getAttribute('rspace')).toBe('thickmathspace');
    expect(dropped?.querySelector('mpadded')?.hasAttribute('width')).toBe(false);
    expect(dropped?.querySelector('mo')?.hasAttribute('lspace')).toBe(false);
    expect(dropped?.querySelector('mspace')?.hasAttribute('width')).toBe(false);
    expect(dropped?.textContent).toBe('x+y');
  });

  it('drops heading anchors and "[edit]" links, and keeps the heading text', () => {
    const copy = capture(`
      <h2 id="usage">Usage<a class="anchor" href="#usage" aria-hidden="true">#</a></h2>${filler}
      <h2><span class="mw-headline">History</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=X&amp;action=edit&amp;section=1">edit</a><span class="mw-editsection-bracket">]</span></span></h2>${filler}
      <h3>Notes<a class="headerlink" href="#notes">¶</a></h3>${filler}
      <h3><a href="https://example.org/elsewhere">A linked heading</a></h3>`);
    const headings = [...copy.querySelectorAll('h2, h3')].map((h) => h.textContent?.trim());
    expect(headings).toEqual(['Usage', 'History', 'Notes', 'A linked heading']);
    expect(copy.querySelector('h3 a')?.getAttribute('href')).toBe('https://example.org/elsewhere');
  });

  // QA pass: Sphinx's "int.bit_length()¶" kept its "¶" 218 times in Python's "Built-in Types".
  it('leaves out the self-link symbol of a definition list’s term, and keeps a term that links', () => {
    const copy = capture(`${filler}
      <dl><dt id="int.bit_length"><code>int.bit_length()</code><a class="headerlink" href="#int.bit_length">¶</a></dt>
        <dd><p>Return the number of bits necessary to represent an integer in binary.</p></dd>
        <dt><a href="#glossary-gil">GIL</a></dt><dd><p>The global interpreter lock of CPython.</p></dd></dl>${filler}`);
    const terms = [...copy.querySelectorAll('dt')].map((term) => term.textContent?.trim());
    expect(terms).toEqual(['int.bit_length()', 'GIL']);
  });

  // Responsive and lazy images: the copy keeps neither srcset nor <source>, and they left an image with no address.
  it('keeps an image given only by srcset, a lazy data-srcset or a <picture>’s sources, by one address', () => {
    const copy = capture(`
      <figure><img srcset="/img/a-400.jpg 400w, /img/a-1600.jpg 1600w, /img/a-2400.jpg 2400w" sizes="100vw" alt="Widths">
        <figcaption>Given by widths</figcaption></figure>${filler}
      <p><img class="lazy" data-srcset="/img/c-1x.jpg 1x, /img/c-2x.jpg 2x, /img/c-3x.jpg 3x" alt="Lazy"></p>${filler}
      <figure><picture><source media="(max-width: 600px)" srcset="/img/b-small.jpg"><source srcset="/img/b.webp" type="image/webp"><img alt="Picture"></picture>
        <figcaption>Given by its sources</figcaption></figure>${filler}
      <p><img src="https://example.org/img/plain.jpg" srcset="/img/plain-2x.jpg 2x" alt="Plain"></p>`);
    const addresses = [...copy.querySelectorAll('img')].map((img) => img.getAttribute('data-shelf-src'));
    expect(addresses).toEqual([
      'https://example.org/img/a-1600.jpg',
      'https://example.org/img/c-2x.jpg',
      'https://example.org/img/b.webp',
      'https://example.org/img/plain.jpg',
    ]);
    expect(copy.innerHTML).not.toMatch(/srcset|<source/);
  });

  // Read with backtracking patterns, a srcset took time by the square of a run of commas in an address or of
  // a density's digits (40,000 commas: 2 s, 400,000 over 3 minutes; a stored copy, from a backup, is read again by the reader).
  it('reads a hostile srcset (long runs of commas and digits, 100,000 candidates) in one pass', () => {
    const commas = `https://example.org/a${','.repeat(400_000)}b.jpg 1x`;
    const digits = `https://example.org/d.jpg ${'1'.repeat(400_000)}, https://example.org/e.jpg 2x`;
    const many = Array.from({ length: 100_000 }, (_, at) => `https://example.org/m-${at}.jpg ${at + 1}w`).join(', ');
    const { win } = load('<html></html>');
    const copy = sanitizeArticleHtml(
      `<p><img srcset="${commas}" alt="Commas"><img srcset="${digits}" alt="Digits"><img srcset="${many}" alt="Many"></p>`,
      win,
    );
    expect([...copy.matchAll(/data-shelf-src="([^"]*)"/g)].map((match) => match[1])).toEqual([
      `https://example.org/a${','.repeat(400_000)}b.jpg`,
      'https://example.org/e.jpg',
      'https://example.org/m-1199.jpg',
    ]);
  });

  // Its address dropped, a link into the page stayed an <a>, drawn as a link that did nothing (188 on Wikipedia's).
  it('keeps the words of a link it cannot keep (into the page, or a script) as text, not as a dead link', () => {
    const copy = capture(`
      <ul><li><a href="#History"><span>1</span> <span>History</span></a></li><li><a href="#Values">2 Values</a></li></ul>
      <p>Free software, with minor exceptions.<sup id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup> See
      <a href="javascript:void(0)">the <em>menu</em></a>, <a name="here">this anchor</a> and <a href="https://example.org/other">another page</a>.</p>`);
    expect([...copy.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
      'https://example.org/other',
    ]);
    expect([...copy.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['1 History', '2 Values']);
    expect(copy.querySelector('sup')?.textContent).toBe('[1]');
    const paragraph = [...copy.querySelectorAll('p')].find((p) => p.textContent?.includes('Free software'));
    expect(paragraph?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Free software, with minor exceptions.[1] See the menu, this anchor and another page.',
    );
    expect(paragraph?.querySelector('em')?.textContent).toBe('menu');
  });

  it('drops a skip link, hidden from sight on the page, and a link into the page posing as a button (keeps other links)', () => {
    const copy = capture(`
      <p>Sudan will improve access for aid groups, stop supporting rebels and cease the bombing of insurgent
      territory, officials said. <a class="visually-hidden skip-to-text-link" href="#story-continues-1">Continue reading the main story</a></p>
      <p>Officials said so on Thursday. <a class="sr-only" href="https://example.org/about">About the author</a>
      <a class="story-link" href="#more">Read on</a></p>
      <p>Choose from thousands of themes and dress up your browser with a single click, whenever you like.
      <a class="next" href="#add-ons" role="button">Next theme</a></p>`);
    expect(copy.textContent).not.toContain('Continue reading the main story');
    expect(copy.textContent).not.toContain('Next theme');
    expect(copy.textContent).toContain('About the author');
    expect(copy.textContent).toContain('Read on');
  });

  // A link into the page saying it is a button was dropped whole: an accordion's toggle took its section's words with it.
  it('keeps the words of a link into the page posing as a button that wraps content (an expandable section, a question)', () => {
    const copy = capture(`
      <a href="#" role="button" class="expand"><p>Connection limits are set per database, and the pool never opens more
      than the limit allows, even under a sudden burst of traffic.</p></a>
      <a href="#details" role="button" class="expand"><h3>What happens when every connection in the pool is busy</h3></a>
      <p>Queued queries wait for the next free connection.</p>
      <h3><a href="#faq-1" role="button" aria-expanded="false">Timeouts</a></h3><div><p>Each query waits up to thirty seconds.</p></div>
      <dl><dt><a href="#" role="button">Retries</a></dt><dd>A failed query is retried once.</dd></dl>
      <p>The pool also logs every query that waited longer than a second, with the time it spent waiting, so that
      slow periods can be found again later. <a href="#" role="button">Show why the pool logs queries that waited, and how to read those logs</a></p>
      <a href="#" role="button" class="lightbox"><img src="https://example.org/img/pool.png" alt="The pool under load"></a>`);
    const text = copy.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('the pool never opens more than the limit allows, even under a sudden burst of traffic.');
    expect([...copy.querySelectorAll('h3')].map((heading) => heading.textContent)).toEqual([
      'What happens when every connection in the pool is busy',
      'Timeouts',
    ]);
    expect(copy.querySelector('dt')?.textContent).toBe('Retries');
    expect(text).toContain('Show why the pool logs queries that waited, and how to read those logs');
    expect(copy.querySelector('img')?.getAttribute('alt')).toBe('The pool under load');
    // Kept as words, not as links that go nowhere.
    expect(copy.querySelectorAll('a')).toHaveLength(0);
  });

  it('still drops a short control into the page: a label, an icon, an empty box beside a label', () => {
    const copy = capture(`
      <p>Choose from thousands of themes and dress up your browser with a single click, whenever you like.
      <a class="next" href="#add-ons" role="button">Next theme</a></p>
      <div><a role="button" href="#" id="replay"><span>Replay</span><div class="icon"></div></a>
      <a href="#slide-2" role="button" aria-label="Next slide">${SVG}</a></div>
      <p>Themes change colours only. <a href="#" role="button">Load more themes</a></p>`);
    expect(copy.textContent).not.toMatch(/Next theme|Replay|Load more themes/);
    expect(copy.querySelector('svg')).toBeNull();
    expect(copy.textContent).toContain('Themes change colours only.');
  });

  // An accordion's or disclosure's title outside a heading or term, a short link posing as a button or a <button>
  // (which Readability drops), went: the copy showed each answer without its question, each section without its name.
  it('keeps the title of a section a toggle opens, when the copy keeps that section (as text, not a control)', () => {
    const copy = capture(`
      <div class="faq"><a href="#" role="button" aria-expanded="false" aria-controls="a1">Pricing</a>
        <div id="a1"><p>Plans cost twelve dollars a month for each pool you run.</p></div></div>
      <button aria-expanded="true" aria-controls="sec2">Installation steps<svg aria-hidden="true" viewBox="0 0 10 10"><path d="M1 3l4 4 4-4"/></svg></button>
      <div id="sec2"><p>Run the installer, then point it at the database it should pool.</p></div>
      <button aria-expanded="false" aria-controls="q5">How do I move a pool to another region?</button>
      <div id="q5"><p>Export its settings, then import them in the new region's console.</p></div>
      <h3><button type="button" aria-expanded="true" aria-controls="sect3" id="acc3">Personal information</button></h3>
      <div id="sect3" role="region" aria-labelledby="acc3"><p>Your name is kept private and never shown to others.</p></div>
      <div class="faq-item"><div class="faq-question"><a href="#" role="button" aria-expanded="true">Billing</a></div>
        <div class="faq-answer"><p>Invoices are sent on the first day of each month, by email.</p></div></div>
      <details><summary><a href="#" role="button">Refunds</a></summary><p>Refunds take five working days to arrive.</p></details>
      <details><summary>Support</summary><p>Support answers within a day, every day of the week.</p></details>`);
    const text = copy.textContent?.replace(/\s+/g, ' ') ?? '';
    // Each title right before its section (a line of its own: no space between the two blocks' words).
    expect(text).toMatch(/Pricing ?Plans cost twelve dollars/);
    expect(text).toMatch(/Installation steps ?Run the installer/);
    expect(text).toMatch(/How do I move a pool to another region\? ?Export its settings/);
    expect(copy.querySelector('h3')?.textContent).toBe('Personal information');
    expect(text).toMatch(/Billing ?Invoices are sent/);
    expect([...copy.querySelectorAll('summary')].map((summary) => summary.textContent)).toEqual(['Refunds', 'Support']);
    // Words, not controls or links that go nowhere, without the toggle's chevron.
    expect(copy.querySelectorAll('a, button, [role], [aria-controls], [aria-expanded], svg')).toHaveLength(0);
  });

  it('still drops a toggle that is a control ("Share", "Show more", "Expand all"…) or opens nothing the copy keeps', () => {
    const copy = capture(`
      <div><a href="#" role="button" aria-expanded="false" aria-controls="share-1">Share</a>
        <div id="share-1"><p>Send this guide to a colleague who runs a pool of their own.</p></div></div>
      <p>Pools are sized by hand today.</p>
      <button aria-expanded="false" aria-controls="rest">Show more</button>
      <div id="rest"><p>Sizing them by hand takes a day of measuring for each service.</p></div>
      <a href="#" role="button" aria-controls="faq">Expand all</a>
      <div id="faq"><p>Every answer of the guide, opened at once for the reader.</p></div>
      <button aria-expanded="true" aria-controls="sizes">Menu</button><button aria-controls="sizes">Close</button>
      <div id="sizes"><p>The smallest pool holds two connections, the largest two hundred.</p></div>
      <button aria-controls="code-1">Copy</button><pre id="code-1">pool.resize(20)</pre>
      <div><button aria-expanded="false" aria-controls="a9">${SVG}</button><div id="a9"><p>A pool shrinks again when it idles.</p></div></div>
      <div><a href="#" role="button" aria-expanded="false" aria-controls="gone">Pricing tiers</a>
        <button aria-expanded="false" aria-controls="folded">Refund policy</button>
        <div id="folded" hidden><p>Refunds are made within a month.</p></div></div>
      <p>A pool is resized while it runs. <a href="#" role="button" aria-expanded="false">Details</a></p>
      <p><button type="button" aria-controls="theme-demo">Preview yellow theme</button></p>
      <img id="theme-demo" src="https://example.org/img/theme-red.png" alt="The red theme">`);
    const text = copy.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).not.toMatch(
      /\b(?:Share|Show more|Expand all|Menu|Close|Copy|Pricing tiers|Refund policy|Details|Preview)\b/,
    );
    expect(copy.querySelector('svg')).toBeNull();
    expect(text).toContain('Send this guide to a colleague');
    expect(text).toContain('Sizing them by hand takes a day');
    expect(text).toContain('The smallest pool holds two connections');
    expect(text).toContain('A pool is resized while it runs.');
  });

  // The copy drops classes: the New York Times' hidden "Photo" and "Credit" showed as stray words around a caption.
  it('drops a figure’s label hidden from sight ("Photo", "Credit"), not hidden text that says something', () => {
    const copy = capture(`
      <figure class="media photo"><span class="visually-hidden">Photo</span>
        <div class="image"><img src="https://example.org/img/camp.jpg" alt=""></div>
        <figcaption class="caption"><span class="caption-text">Peacekeepers at a refugee camp on Monday.</span>
          <span class="credit"><span class="visually-hidden">Credit</span> Ashraf Shazly/Agence France-Presse</span></figcaption></figure>
      <p>The pool was resized twice this year.</p>
      <div class="media"><span class="off-screen">Media caption</span><span class="media-caption__text">The second resize doubled the pool.</span></div>
      <figure><span class="visually-hidden">Chart of pool size against wait time</span><img src="https://example.org/img/chart.png" alt=""></figure>
      <figure><img src="https://example.org/img/rack.png" alt=""><figcaption>The rack in 2019, <span class="sr-only">since replaced</span> by a larger one.</figcaption></figure>
      <p><span class="sr-only">Warning:</span> Never share the pool’s password. Plans cost $12 <span class="visually-hidden">per month</span>.</p>`);
    const text = copy.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).not.toMatch(/\bPhoto\b|\bCredit\b|Media caption/);
    expect(copy.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Peacekeepers at a refugee camp on Monday. Ashraf Shazly/Agence France-Presse',
    );
    expect(text).toContain('The second resize doubled the pool.');
    expect(text).toContain('Chart of pool size against wait time');
    expect(text).toContain('The rack in 2019, since replaced by a larger one.');
    expect(text).toContain('Warning: Never share the pool’s password. Plans cost $12 per month.');
    expect(copy.querySelectorAll('img')).toHaveLength(3);
  });

  // The New York Times hides its figures' labels with generated classes (`css-1dv1kvn`) whose own rule clips
  // them to nothing: not named "visually hidden", they showed ("Image", "…weather.CreditKirsten Luce").
  it('drops a figure’s label its page’s style hides from sight, leaving a space; other hidden words stay', () => {
    const copy = capture(`
      <style>.css-q1{border:0;clip:rect(0 0 0 0);height:1px;margin:-1px;overflow:hidden;padding:0;position:absolute;width:1px}
        .css-q2{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)} .css-q3{position:absolute;top:0}</style>
      <figure><div class="css-b1"><span class="css-q1">Image</span><img src="https://example.org/img/cable.jpg" alt=""></div>
        <figcaption class="css-c1"><span class="css-c2">A worker repairing cables in the winter weather.</span><span itemprop="copyrightHolder" class="css-c3"><span class="css-q2">Credit</span><span><span class="css-q1">Credit</span><span>Kirsten Luce</span></span></span></figcaption></figure>
      <figure><div><span class="css-q1">Image</span><div style="height:258px"></div></div>
        <figcaption><span>A main break flooded a street in Brooklyn.</span><span><span class="css-q2">Credit</span></span></figcaption></figure>
      <figure><span class="css-q1">Chart of pool size against wait time</span><img src="https://example.org/img/chart.png" alt=""></figure>
      <figure><span class="css-q3">Photo</span><img src="https://example.org/img/rack.png" alt=""></figure>
      <p>Plans cost $12 <span class="css-q1">per month</span>.</p>`);
    const text = copy.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).not.toMatch(/\bImage\b|\bCredit\b/);
    expect(copy.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'A worker repairing cables in the winter weather. Kirsten Luce',
    );
    // A picture loading only on scrolling, and a credit without a name: their labels label nothing, and go too.
    expect(text).toContain('A main break flooded a street in Brooklyn.');
    expect(text).toContain('Chart of pool size against wait time');
    expect(text).toContain('Photo'); // positioned, not hidden
    expect(text).toContain('Plans cost $12 per month.');
    expect(copy.querySelectorAll('img')).toHaveLength(3);
    expect(copy.querySelector('[data-shelf-hidden]')).toBeNull();
  });

  // Each label looked back over its box's earlier nodes for something shown, reading each one's whole text:
  // the labels before it were dropped by then, so a box of labels between empty elements took the square of
  // their count (Chromium: 8,000, 330 KB, 6.5 s), in the tab being saved and again in the reader.
  it('reads a box of thousands of hidden labels and empty elements a bounded number of nodes per label', () => {
    const { win } = load('<html></html>');
    const searches = [vi.spyOn(win.Element.prototype, 'matches'), vi.spyOn(win.Element.prototype, 'querySelector')];
    const textReads = vi.spyOn(win.Node.prototype, 'textContent', 'get');
    const labels = 2_000;
    const emptyBox = `<div>${'<i></i>'.repeat(2_000)}</div>`;
    const copy = sanitizeArticleHtml(
      `<figure>${'<span class="sr-only">Photo</span><b></b>'.repeat(labels)}<img src="https://example.org/a.png"></figure>` +
        `<figure>${emptyBox}${'<span class="sr-only">Credit</span>'.repeat(labels)}<img src="https://example.org/b.png"></figure>`,
      win,
    );
    const calls = searches.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    const readsOfTheBox = textReads.mock.contexts.filter((node) => (node as Element).childElementCount >= 2_000).length;
    vi.restoreAllMocks();
    // Labels past the nodes read around them are not known to open their box: they stay, as words.
    expect(copy.match(/<img /g)).toHaveLength(2);
    expect(calls).toBeLessThan(100 * labels); // at most a few dozen nodes per label
    expect(readsOfTheBox).toBeLessThan(10);
  });

  it('drops a table of contents (links into the page, alone or beside its title), not lists of links that say more', () => {
    const copy = capture(`
      <div id="toc" class="toc"><div id="toctitle"><h2>Contents</h2></div><ul>
        <li><a href="#History"><span>1</span> <span>History</span></a><ul><li><a href="#Eich"><span>1.1</span> Eich</a></li></ul></li>
        <li><a href="#Values"><span>2</span> <span>Values</span></a></li></ul></div>${filler}
      <h2>History</h2>${filler}
      <ol><li><a href="#cite_ref-1">^</a> Mozilla Foundation, annual report.</li><li><a href="#cite_ref-2">^</a> A
        second source.</li><li><a href="#cite_ref-3">^</a> A third source.</li></ol>
      <ul><li><a href="https://example.org/one">One</a></li><li><a href="https://example.org/two">Two</a></li>
        <li><a href="https://example.org/three">Three</a></li></ul>
      <ul><li><a href="#a">Jump to the end</a></li><li><a href="#b">Jump back</a></li></ul>`);
    expect([...copy.querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual(['History']);
    expect(copy.textContent).not.toContain('Values');
    expect([...copy.querySelectorAll('li')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '^ Mozilla Foundation, annual report.',
      '^ A second source.',
      '^ A third source.',
      'One',
      'Two',
      'Three',
      'Jump to the end',
      'Jump back',
    ]);
  });

  // Only parts with words counted: a figure beside a box's table of contents was dropped with it (red team).
  it('keeps an image that shares a box with a table of contents', () => {
    const { win } = load('<html></html>');
    const copy = sanitizeArticleHtml(
      `<div><h2>Contents</h2><ul><li><a href="#a">A</a></li><li><a href="#b">B</a></li><li><a href="#c">C</a></li></ul>
        <figure><img src="https://example.org/img/chart.png" alt=""></figure></div>`,
      win,
    );
    expect(copy).toContain('data-shelf-src="https://example.org/img/chart.png"');
    expect(copy).not.toContain('<ul>');
  });

  it('keeps SVG drawings but no references outside them', () => {
    const html = sanitizeArticleHtml(
      '<svg viewBox="0 0 4 4"><rect width="4" height="4" fill="url(#g)"/><rect width="2" height="2" fill="url(https://evil.example/p.svg#x)" mask="url( \'https://evil.example/m\')"/></svg>',
      load('<html></html>').win,
    );
    // Into the drawing's own places, which the copy keeps under its prefix (in-page-links.test.ts).
    expect(html).toContain('fill="url(#shelf-copy-g)"');
    expect(html).not.toContain('evil.example');
  });

  it('keeps a drawing’s colours and transforms, and drops any other CSS function or an escape', () => {
    const html = sanitizeArticleHtml(
      '<svg viewBox="0 0 4 4"><g transform="translate(1 2)rotate(3)"><rect width="1" height="1" fill="rgb(1, 2, 3)" stroke="hsl(9 50% 50%)"/></g>' +
        '<rect width="1" height="1" fill="cross-fade(red, blue)" stroke="u\\rl(x)" mask="src(\'m\')"/></svg>',
      load('<html></html>').win,
    );
    expect(html).toContain('transform="translate(1 2)rotate(3)"');
    expect(html).toContain('fill="rgb(1, 2, 3)"');
    expect(html).toContain('stroke="hsl(9 50% 50%)"');
    expect(html).not.toMatch(/cross-fade|u\\rl|src\(/);
  });

  it('keeps a drawing’s and a formula’s labels, which are words, not CSS (review)', () => {
    const html = sanitizeArticleHtml(
      '<svg aria-label="Runtime O(n) against n" role="img"><rect width="1" height="1" fill="var(--accent, #333)"/></svg>' +
        '<math aria-label="f(x) equals x squared"><mi>x</mi></math>',
      load('<html></html>').win,
    );
    expect(html).toContain('aria-label="Runtime O(n) against n"');
    expect(html).toContain('aria-label="f(x) equals x squared"');
    expect(html).toContain('fill="var(--accent, #333)"');
  });
});
