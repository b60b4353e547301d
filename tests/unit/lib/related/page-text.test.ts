import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runToEnd } from '@/lib/dom/time-slices';
import {
  extractPageText,
  extractPageTextInSlices,
  PAGE_TEXT_BUDGET,
  pageTextSteps,
  shownTextFile,
  UNTIMED_BUDGET,
} from '@/lib/related/page-text';
import { formsAnswerToTheirControls } from '@/tests/unit/helpers/forms-answer-to-their-controls';

const doc = (html: string) => parseHTML(html.startsWith('<html') ? html : `<html>${html}</html>`).document;
const filler = 'Real article text about cache stampedes and request coalescing. '.repeat(10);

describe('extractPageText', () => {
  it('reads the shown article, not one kept in a hidden container, and reads one hidden from screen readers alone', () => {
    const stale = 'An old story about sourdough starters and their hydration. '.repeat(10);
    for (const hiding of ['hidden', 'style="display:none"', 'style="visibility: hidden"']) {
      const page = extractPageText(
        doc(`<body><div ${hiding}><article><h1>Sourdough</h1><p>${stale}</p></article></div>
          <main><h1>Cache stampede</h1><p>${filler}</p></main></body>`),
      );
      expect(page.title).toBe('Cache stampede');
      expect(page.text).toContain('request coalescing');
      expect(page.text).not.toContain('sourdough');
    }
    // A cookie dialog open: the page behind it is aria-hidden, and still the page's text.
    const behindDialog = extractPageText(
      doc(`<body><div aria-hidden="true"><article><h1>Cache stampede</h1><p>${filler}</p></article></div>
        <div role="dialog"><p>We use cookies. Accept all or manage your choices.</p></div></body>`),
    );
    expect(behindDialog.title).toBe('Cache stampede');
    expect(behindDialog.text).toContain('request coalescing');
  });

  it('takes the main article and skips navigation, footers, code, forms, scripts and hidden text', () => {
    const page = extractPageText(
      doc(`<html><head><title>T</title><style>p{}</style></head><body>
        <nav>Home Pricing Login</nav>
        <article><h1>Cache stampede</h1><p>${filler}</p>
          <pre><code>const x = redis.get(key)</code></pre>
          <p hidden>hidden words</p><p style="display: none">invisible words</p><p aria-hidden="true">decorative</p>
          <script>alert(1)</script><form><button>Subscribe</button></form>
        </article>
        <footer>Copyright footer words</footer></body></html>`),
    );
    expect(page.title).toBe('Cache stampede');
    expect(page.text).toContain('request coalescing');
    for (const absent of [
      'Pricing',
      'redis.get',
      'hidden words',
      'invisible',
      'decorative',
      'alert',
      'Subscribe',
      'Copyright',
    ]) {
      expect(page.text).not.toContain(absent);
    }
  });

  it("leaves out Sphinx's version notes for related articles, keeps what they say changed, and a capture keeps all", () => {
    // Python's manual writes these on nearly every entry; they made "version" a page's heaviest word.
    const html = `<body><div role="main"><h1>imghdr</h1><p>${filler}</p>
        <div class="versionchanged"><p><span class="versionmodified changed">Changed in version 3.6: </span>Accepts a path-like object.</p></div>
        <div class="deprecated"><p><span class="versionmodified deprecated">Deprecated since version 3.11, will be removed in version 3.13.</span></p></div>
      </div></body>`;
    const page = extractPageText(doc(html));
    expect(page.text).toContain('Accepts a path-like object.');
    expect(page.text).not.toMatch(/version/i);
    // The capture's fallback (lib/capture/capture-page.ts) reads the same walk, and keeps every word.
    const captured = runToEnd(pageTextSteps(doc(html), 50_000, PAGE_TEXT_BUDGET, () => 0));
    expect(captured.text).toContain('Changed in version 3.6: Accepts a path-like object.');
    expect(captured.text).toContain('Deprecated since version 3.11');
  });

  it('falls back to the body when the page has no substantial main element', () => {
    const page = extractPageText(doc(`<body><main>tiny</main><div><p>${filler}</p></div></body>`));
    expect(page.text).toContain('request coalescing');
  });

  it.each([
    ['an SVG drawing', 'svg width="600" height="900"><foreignObject width="600" height="900"', 'foreignObject></svg'],
    ['noscript (parsed as elements where scripts do not run)', 'noscript', 'noscript'],
    ["an object's fallback", 'object data="x.pdf"', 'object'],
  ])(
    "never takes an article inside %s for the page's: the walk never reads it, and a copy drops most of it",
    (_, open, close) => {
      const page = extractPageText(
        doc(`<html><body><p>${filler}</p>
        <${open}><article><h1>Drawn</h1>
          <p>${'Zanzibar lurks inside a drawing of the page. '.repeat(12)}</p></article></${close}>
        </body></html>`),
      );
      expect(page.text).toContain('request coalescing');
      expect(page.text).not.toContain('Zanzibar');
      expect(page.title).not.toBe('Drawn');
    },
  );

  it('reads a text file the browser shows as a page: its one <pre>, which on an HTML page is code', () => {
    const rfc = `Network Working Group\n\n   Retries   with exponential\n   backoff and jitter keep a\n   degraded service from a retry storm.\n`;
    // What Chromium makes of a text/plain response (Firefox the same with a stylesheet link).
    const shown = (body: string, contentType = 'text/plain') => {
      const document = doc(`<html><head><meta name="color-scheme" content="light dark"></head>${body}</html>`);
      Object.defineProperty(document, 'contentType', { value: contentType });
      return document;
    };
    const file = `<body><pre style="word-wrap: break-word; white-space: pre-wrap;">${rfc}</pre></body>`;
    expect(extractPageText(shown(file))).toEqual({
      title: '',
      text: 'Network Working Group Retries with exponential backoff and jitter keep a degraded service from a retry storm.',
      truncated: false,
      complete: true,
    });
    // Chromium parts a long file into text nodes of 65,536 characters: still the file.
    const parted = shown('<body><pre></pre></body>');
    parted
      .querySelector('pre')
      ?.append(parted.createTextNode('Retries with exponential back'), parted.createTextNode('off and jitter.'));
    expect(extractPageText(parted).text).toBe('Retries with exponential backoff and jitter.');
    // Capped like any page, the cap counting words rather than indentation: a file of megabytes
    // gives the cap's worth, marked cut.
    const long = extractPageText(shown(`<body><pre>${'   retry storm\n'.repeat(200_000)}</pre></body>`), 1000);
    expect(long.text).toHaveLength(1000);
    expect(long.text.startsWith('retry storm retry storm')).toBe(true);
    expect(long.truncated).toBe(true);
    // Any text/* type but HTML and XML is shown so (Markdown, CSV, logs).
    expect(extractPageText(shown(file, 'text/markdown')).text).toContain('jitter');
    // Read node by node up to a limit: a file of hundreds of megabytes is never copied whole.
    expect(shownTextFile(shown(file), 21)).toEqual({ text: 'Network Working Group', cut: true });
    expect(shownTextFile(shown(file), 10_000)).toEqual({ text: rfc, cut: false });
    // Only that shape, in such a document: an HTML page of one <pre> is a code listing; a <pre>
    // beside other elements, hidden, or made of elements (hidden or script text among them) is not
    // what a browser makes of a file.
    for (const page of [
      shown(file, 'text/html'),
      shown(`<body><nav>Menu</nav>${file.slice(6, -7)}</body>`),
      shown(`<body><div></div>${file.slice(6, -7)}</body>`),
      shown(`<body hidden>${file.slice(6, -7)}</body>`),
      shown(`<body><pre hidden>${rfc}</pre></body>`),
      shown(`<body><pre>${rfc}<span hidden>jitter</span><script>var jitter = 1</script></pre></body>`),
    ])
      expect(extractPageText(page).text).not.toContain('jitter');
    // The walk alone (what a capture falls back to, before reading the file itself) finds nothing.
    expect(runToEnd(pageTextSteps(shown(file), 50_000, UNTIMED_BUDGET, () => 0)).text).toBe('');
  });

  it('caps huge pages', () => {
    const page = extractPageText(doc(`<body><p>${'word '.repeat(100_000)}</p></body>`), 10_000);
    expect(page.truncated).toBe(true);
    expect(page.text.length).toBeLessThanOrEqual(10_000);
  });
});

/** A body with `count` elements made by `make`, each inside the last one (`nested`) or side by side. */
function bodyOf(count: number, layout: 'nested' | 'flat', prefix = '', suffix = ''): Document {
  const page = doc(`<body>${prefix}</body>`);
  let parent: Element = page.body;
  for (let i = 0; i < count; i++) {
    const element = page.createElement(layout === 'nested' ? 'div' : 'span');
    parent.append(element);
    if (layout === 'nested') parent = element;
  }
  parent.insertAdjacentHTML('beforeend', suffix);
  return page;
}

/** Building these pages takes seconds on a busy machine. */
const HEAVY_PAGE_BUDGET_MS = 60_000;

/**
 * A form's controls named after the properties the walk reads: in Chromium each makes the form's own
 * property that control (`form.parentNode` the input), modelled on jsdom by `formsAnswerToTheirControls`.
 */
const SHADOWED = [
  'querySelectorAll',
  'parentNode',
  'attributes',
  'firstChild',
  'nextSibling',
  'nodeType',
  'localName',
  'getAttribute',
  'hasAttribute',
  'closest',
  'textContent',
];
const SHADOWING_CONTROLS = `<label>Find on this site</label>${SHADOWED.map((name) => `<input name="${name}">`).join('')}<button>Search</button>`;

function chromiumDoc(body: string): Document {
  const { window } = new JSDOM(`<html><head><title>Tab title</title></head><body>${body}</body></html>`, {
    url: 'https://example.org/article',
    virtualConsole: new VirtualConsole(),
  });
  const win = window as unknown as Window & typeof globalThis;
  formsAnswerToTheirControls(win, SHADOWED);
  return win.document;
}

describe('extractPageText on a page whose form shadows its own properties with its controls', () => {
  const article = `<h1>Cache stampede</h1><p>${filler}</p>`;
  const pages: Array<[string, string]> = [
    ['a search form after the article', `<main><article>${article}</article><form>${SHADOWING_CONTROLS}</form></main>`],
    [
      'a search form between the article’s paragraphs',
      `<main><article>${article}<form>${SHADOWING_CONTROLS}</form><p>Written by the platform team.</p></article></main>`,
    ],
    ['a search form beside the main region', `<form>${SHADOWING_CONTROLS}</form><main>${article}</main>`],
    ['a form wrapping the article', `<form id="aspnetForm">${SHADOWING_CONTROLS}<article>${article}</article></form>`],
    // ASP.NET wraps every page in one form: the form was skipped as a widget, and the page had no text.
    [
      'a form wrapping a page without an article',
      `<form id="aspnetForm">${SHADOWING_CONTROLS}<div>${article}</div></form>`,
    ],
    [
      'a form wrapping a short article',
      `<form id="aspnetForm">${SHADOWING_CONTROLS}<article><h1>Cache stampede</h1><p>Request coalescing, briefly.</p></article></form>`,
    ],
    ['a form that is the main region', `<form role="main">${SHADOWING_CONTROLS}${article}</form>`],
  ];

  // The first three forms are a search box beside the article: their words stay out. The others wrap the
  // page and are read, their label with them (README, "Reading the page").
  const SEARCH_BOXES = 3;
  for (const [at, [name, body]] of pages.entries())
    it(`reads the article's text: ${name}`, () => {
      const page = extractPageText(chromiumDoc(body));
      expect(page.title).toBe('Cache stampede');
      expect(page.text).toMatch(/Request coalescing|request coalescing/);
      expect(page.text).not.toContain('Search');
      if (at < SEARCH_BOXES) expect(page.text).not.toContain('Find on this site');
      expect(page.complete).toBe(true);
    });
});

describe('extractPageText on hostile pages: iterative, within budgets', () => {
  const frozenClock = () => 0;

  it(
    'walks a page nested 30,000 levels deep without overflowing the stack, stopping at the depth budget',
    () => {
      const page = extractPageText(
        bodyOf(30_000, 'nested', `<p>${filler}</p>`, 'bottom words'),
        50_000,
        PAGE_TEXT_BUDGET,
        frozenClock,
      );
      expect(page.text).toContain('request coalescing');
      expect(page.text).not.toContain('bottom words');
      expect(page.complete).toBe(false);
    },
    HEAVY_PAGE_BUDGET_MS,
  );

  it('reads text at any depth within the budget, in document order', () => {
    const nested = '<div><p>one</p><div><p>two</p><div><p>three</p></div><p>four</p></div></div><p>five</p>';
    const page = extractPageText(doc(`<body><main>${nested}</main></body>`), 1000, PAGE_TEXT_BUDGET, frozenClock);
    expect(page.text).toBe('one two three four five');
    expect(page.complete).toBe(true);
  });

  it(
    'stops after its node budget on a page of tens of thousands of empty elements',
    () => {
      const page = extractPageText(
        bodyOf(60_000, 'flat', '', '<p>words after them</p>'),
        50_000,
        { ...PAGE_TEXT_BUDGET, maxNodes: 20_000 },
        frozenClock,
      );
      expect(page.text).toBe('');
      expect(page.complete).toBe(false);
    },
    HEAVY_PAGE_BUDGET_MS,
  );

  it('stops when its time runs out, with the text found so far', () => {
    let time = 0;
    const page = extractPageText(
      doc(`<body>${'<p>a paragraph of words</p>'.repeat(5_000)}</body>`),
      1_000_000,
      { ...PAGE_TEXT_BUDGET, maxMs: 50 },
      () => (time += 10),
    );
    expect(page.complete).toBe(false);
    expect(page.text).toContain('a paragraph of words');
    expect(page.text.length).toBeLessThan(5_000 * 20);
  });

  it('reads the whole page however slow the machine with the untimed budget (eval and CLI answers stay the same)', () => {
    let time = 0;
    const slowClock = () => (time += 1_000);
    const html = `<body>${'<p>a paragraph of words</p>'.repeat(5_000)}</body>`;
    expect(extractPageText(doc(html), 1_000_000, PAGE_TEXT_BUDGET, slowClock).complete).toBe(false);
    const page = extractPageText(doc(html), 1_000_000, UNTIMED_BUDGET, slowClock);
    expect(page.complete).toBe(true);
    expect(page.text.length).toBe('a paragraph of words'.length * 5_000 + 4_999);
  });

  it('gives the same text in slices, pausing for the page between them', async () => {
    const html = `<body><main><h1>Sliced</h1>${`<p>${filler}</p>`.repeat(40)}</main></body>`;
    let time = 0;
    const sliced = await extractPageTextInSlices(doc(html), 50_000, { ...PAGE_TEXT_BUDGET, maxMs: 1e9 }, () => time++);
    expect(sliced).toEqual(extractPageText(doc(html), 50_000, PAGE_TEXT_BUDGET, frozenClock));
  });
});
