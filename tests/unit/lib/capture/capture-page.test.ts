import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { collapseWhitespace, modelText } from '@/lib/annotations/text-model';
import {
  capturePage,
  NOTICE_NO_ARTICLE,
  NOTICE_PARTIAL,
  NOTICE_TOO_LARGE,
  NOTICE_TRUNCATED,
  publishedDay,
  READABLE_PAGE_LIMITS,
} from '@/lib/capture/capture-page';
import { COPY_ID_PREFIX } from '@/lib/capture/copy-ids';
import { sanitizeArticleHtml, sanitizeArticleSteps } from '@/lib/capture/sanitize';
import { type CapturedPage, capturedPageSchema, MAX_CAPTURE_TEXT } from '@/lib/capture/schema';
import { makeSnippet } from '@/lib/search/snippet';
import { normalizeText, termsOfWord, tokenize } from '@/lib/search/text';
import { MISSING_SHARED_REASON, REAL_PAGES_DIR, realPageNames } from '@/scripts/eval/shared-data';
import { findUnsafeMarkup } from '../../../fixtures/security/find-unsafe-markup';

// Capture parses and sanitizes whole pages: up to 2.6 s a test alone, 8 s seen on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

function load(html: string, url = 'https://example.org/article') {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  return { doc: dom.window.document, win: dom.window as unknown as Window & typeof globalThis };
}

/**
 * Nothing executable, remote or styled in a copy: judged on the elements and attributes a browser builds
 * of it (`findUnsafeMarkup`), not on its markup as a string, where a tutorial's code sample
 * `&lt;script src="vendor/x.js"&gt;` or a photo's alt text reading `<span style="…">` is text, not markup.
 */
function expectSafe(html: string) {
  const { doc } = load('<html><body></body></html>');
  doc.body.innerHTML = html; // jsdom runs no script: this only builds the tree to inspect
  expect(findUnsafeMarkup(doc.body)).toEqual([]);
}

/** Capturing a real page in jsdom takes seconds on a busy 2-core machine: a budget well above that. */
const REAL_PAGE_BUDGET_MS = 30_000;
/** A clock that never moves: the time budgets never run out, so results do not depend on the machine. */
const frozenClock = () => 0;

const realPages = realPageNames();
// Without the shared folder, one placeholder each, skipped with the reason: a suite of no tests fails.
const realPagesOrNone = realPages.length > 0 ? realPages : ['(no real pages)'];

/**
 * Links into the page some real pages' copies keep: Wikipedia's footnote markers and their "^" back
 * links, an RFC's section references (to named anchors), a book's cross-references.
 */
const IN_PAGE_LINKS: Readonly<Record<string, readonly string[]>> = {
  wikipedia: ['cite_note-1', 'cite_ref-1', 'cite_note-2', 'cite_ref-2'],
  'ietf-1': ['section-4', 'section-10'],
  'google-sre-book-1': ['xref_monitoring_golden-signals', 'table_monitoring_symptoms'],
};

describe(realPages.length ? 'capture of real pages' : MISSING_SHARED_REASON, () => {
  beforeEach((context) => context.skip(realPages.length === 0, MISSING_SHARED_REASON));
  it.each(realPagesOrNone)(
    '%s: expected title, text, nothing executable',
    (name) => {
      const expected = JSON.parse(readFileSync(join(REAL_PAGES_DIR, name, 'expected-metadata.json'), 'utf8'));
      const captured = captureRealPage(name);
      expect(capturedPageSchema.safeParse(captured).success).toBe(true);
      // A page without a title (Readability reads none: "") is kept under its address, as every item needs a name.
      const title = expected.title.replace(/\s+/g, ' ').trim();
      expect(captured.title).toBe(title || captured.url);
      expect(captured.text.trim().length).toBeGreaterThan(0);
      expectSafe(captured.html);
      // What search reads is what the reader's passage finder reads in the copy it shows.
      const { win } = load('<html></html>');
      const reader = new win.DOMParser().parseFromString(sanitizeArticleHtml(captured.html, win), 'text/html').body;
      expect(collapseWhitespace(captured.text).trim()).toBe(modelText(reader));
      // Every link into the copy (a footnote, its "back" link) leads to a place in it, under Shelf's prefix.
      const leadsNowhere = [...reader.querySelectorAll('a[href^="#"]')].filter(
        (link) => !reader.ownerDocument.getElementById(link.getAttribute('href')?.slice(1) ?? ''),
      );
      expect(leadsNowhere.map((link) => link.outerHTML)).toEqual([]);
      const ids = [...reader.querySelectorAll('[id]')].map((element) => element.id);
      expect(ids.filter((id) => !id.startsWith(COPY_ID_PREFIX))).toEqual([]);
      // The copy stored is the copy shown (the reader sanitizes it again), and keeps only ids something points at.
      expect(sanitizeArticleHtml(captured.html, win)).toBe(captured.html);
      const pointedAt = [...reader.querySelectorAll('a[href^="#"], svg *')].flatMap((element) => [
        element.getAttribute('href')?.slice(1) ?? '',
        ...[...element.attributes].flatMap((attribute) =>
          [...attribute.value.matchAll(/url\(\s*['"]?#([^'"()\s]+)/g)].map((match) => match[1]),
        ),
      ]);
      expect(ids.filter((id) => !pointedAt.includes(id))).toEqual([]);
      const links = [...reader.querySelectorAll('a[href^="#"]')].map((link) => link.getAttribute('href'));
      expect(links).toEqual(expect.arrayContaining((IN_PAGE_LINKS[name] ?? []).map((id) => `#${COPY_ID_PREFIX}${id}`)));
      if (expected.dir) expect(captured.dir).toBe(expected.dir);
      // A good copy carries no "may be missing parts" notice (a false one teaches users to ignore it).
      expect(captured.notice ?? '').not.toMatch(/^Shelf’s copy may be missing/);
    },
    REAL_PAGE_BUDGET_MS,
  );

  // Search opens the reader at a snippet's passage: on real copies (with their "…", "ﬁ" and accents)
  // a phrase from deep in the text must be the passage shown, not the first mention of its words.
  it.each(realPagesOrNone)(
    '%s: a phrase from deep in the copy is the snippet shown for it',
    (name) => {
      const { text } = captureRealPage(name);
      const surfaces = (words: string) => tokenize(normalizeText(words)).map((token) => token.surface);
      const counts = new Map<string, number>();
      for (const surface of surfaces(text)) counts.set(surface, (counts.get(surface) ?? 0) + 1);
      const words = text.split(/\s+/).filter(Boolean);
      // From 70% of the text on, a phrase starting with a word written only there: its passage is the
      // only right one. (A page that repeats itself, like rtl-1's lorem ipsum, has none: any copy of the
      // phrase is right there.)
      const deep = Math.floor(words.length * 0.7);
      const unique = words.findIndex((word, at) => {
        const [only, ...more] = surfaces(word);
        return at >= deep && more.length === 0 && /^[a-z]{5,}$/.test(only ?? '') && counts.get(only ?? '') === 1;
      });
      const start = unique >= 0 ? unique : deep;
      const phrase = rememberedPhrase(words.slice(start, start + 5).join(' '));
      const snippet = makeSnippet(text, new Set(surfaces(phrase).flatMap(termsOfWord)), null);
      expect(snippet?.passage).toContain(phrase);
    },
    REAL_PAGE_BUDGET_MS,
  );
});

/**
 * Five words as a user remembers them, at most 60 characters: in Chinese or Japanese, written without
 * spaces, five runs between spaces are whole paragraphs, longer than a snippet (180 characters), so
 * no snippet could hold them; there the phrase is the first 30 characters (a line of such text).
 */
function rememberedPhrase(words: string): string {
  if (words.length <= 60) return words;
  const lastSpace = words.lastIndexOf(' ', 60);
  if (lastSpace >= 20) return words.slice(0, lastSpace);
  return [...words].slice(0, 30).join('').trimEnd();
}

const capturedRealPages = new Map<string, CapturedPage>();

/** A real page captured as saving it would (once per run: the two real-page tests read the same copy). */
function captureRealPage(name: string): CapturedPage {
  let captured = capturedRealPages.get(name);
  if (!captured) {
    const { doc, win } = load(
      readFileSync(join(REAL_PAGES_DIR, name, 'source.html'), 'utf8'),
      'http://fakehost/test/page.html',
    );
    captured = capturePage(doc, 'http://fakehost/test/page.html', win);
    capturedRealPages.set(name, captured);
  }
  return captured;
}

describe('the day a page says it was published', () => {
  const page = (head: string) =>
    load(
      `<html><head><title>Dated</title>${head}</head><body><article><h1>Dated</h1><p>${'Words of a dated article. '.repeat(40)}</p></article></body></html>`,
    );

  it('is kept as its day, as the page gives it, and shown by the reader', () => {
    const { doc, win } = page('<meta property="article:published_time" content="2015-07-24T05:36:09+01:00">');
    const captured = capturePage(doc, 'https://example.org/dated', win, frozenClock);
    expect(captured.published).toBe('2015-07-24');
    expect(capturedPageSchema.safeParse(captured).success).toBe(true);
  });

  it('is absent when the page gives none, or no real day', () => {
    for (const head of ['', '<meta property="article:published_time" content="2024-02-30">']) {
      const { doc, win } = page(head);
      const captured = capturePage(doc, 'https://example.org/dated', win, frozenClock);
      expect(captured).not.toHaveProperty('published');
    }
    expect(publishedDay('2017-11-03 03:01:00.000000')).toBe('2017-11-03');
    expect(publishedDay('2024-06-25')).toBe('2024-06-25');
    expect(publishedDay('Tue, 25 Jun 2024')).toBeUndefined();
  });

  // The reader formats what a copy holds: a backup's "2015-13-45" showed as "Published Invalid Date".
  it('is a real day in a stored copy too (a backup could say anything)', () => {
    const { doc, win } = page('');
    const captured = capturePage(doc, 'https://example.org/dated', win, frozenClock);
    const stored = (published: string) => capturedPageSchema.safeParse({ ...captured, published }).success;
    expect([stored('2024-02-29'), stored('2015-13-45'), stored('2023-02-29'), stored('2015-07-00')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('capture of a hostile page', () => {
  const { doc, win } = load(readFileSync('tests/fixtures/pages/capture/hostile.html', 'utf8'));
  const captured = capturePage(doc, 'https://example.org/hostile', win, frozenClock);

  it('keeps the title as text and strips everything executable, remote or hidden-by-CSS', () => {
    expect(captured.title).toContain('<script>');
    expectSafe(captured.html);
    expect(captured.html).not.toContain('tracker.example');
    expect(captured.text).not.toContain('Text hidden with CSS');
    expect(captured.text).toContain('Handlers on a paragraph.');
  });

  it('reads a page with megabytes of text as visible text, not with Readability, with a notice', () => {
    // 5.6 MB, most of it outside the article: too much text for Readability to read in good time.
    expect(captured.notice).toBe(NOTICE_TOO_LARGE);
    expect(captured.text).toContain('Paragraph 6.');
    expect(captured.text).not.toContain('padding words');
    expect(capturedPageSchema.safeParse(captured).success).toBe(true);
  });
});

// The item of a page saved from a newsletter's link keeps its address without ?utm_…; its copy kept them.
describe('the address a copy keeps', () => {
  it('leaves out tracking parameters, as the item’s does, in the title of a page that has none too', () => {
    const shared = 'https://example.org/untitled?p=2&utm_source=news&fbclid=abc#part';
    const { doc, win } = load('<html><body><p>Words of a page without a title.</p></body></html>', shared);
    const captured = capturePage(doc, shared, win, frozenClock);
    expect(captured.url).toBe('https://example.org/untitled?p=2#part');
    expect(captured.title).toBe('https://example.org/untitled?p=2#part');
  });
});

describe('capture fallbacks and sanitizing', () => {
  // Red team: an SVG document has no body, and its root <svg> was skipped as a drawing: kept as "0 words".
  it('keeps the visible text of an SVG document', () => {
    const words = Array.from({ length: 60 }, (_, i) => `zebra${i} crossing`).join(' ');
    const dom = new JSDOM(
      `<svg xmlns="http://www.w3.org/2000/svg"><title>Zebra chart</title><text y="10">${words}</text>` +
        '<script>alert(1)</script></svg>',
      { url: 'https://example.org/chart.svg', contentType: 'image/svg+xml', virtualConsole: new VirtualConsole() },
    );
    const captured = capturePage(
      dom.window.document,
      'https://example.org/chart.svg',
      dom.window as never,
      frozenClock,
    );
    expect(captured.title).toBe('Zebra chart');
    expect(captured.text).toContain('zebra59 crossing');
    expect(captured.text).not.toContain('alert');
    expect(captured.wordCount).toBeGreaterThan(100);
    expectSafe(captured.html);
  });

  it(
    'saves the visible text with a notice when a page has more elements than Readability may walk',
    () => {
      const cells = '<span>x</span>'.repeat(31_000);
      const words = 'Visible words of the page. '.repeat(30);
      const { doc, win } = load(
        `<html><head><title>Grid</title></head><body><main><p>${words}</p>${cells}</main></body></html>`,
      );
      const captured = capturePage(doc, 'https://example.org/grid', win, frozenClock);
      expect(captured.notice).toBe(NOTICE_TOO_LARGE);
      expect(captured.title).toBe('Grid');
      expect(captured.text).toContain('Visible words of the page.');
      expect(captured.html).toContain('<p>Visible words of the page.');
    },
    REAL_PAGE_BUDGET_MS,
  );

  it("searches the copy's own text: words the sanitizer drops cannot be a snippet the reader lacks", () => {
    const paragraph = (n: number) =>
      `<p>Paragraph ${n} explains queues, backpressure and the slow consumer problem in some depth. `.repeat(3);
    const { doc, win } = load(
      `<html><head><title>Queues</title></head><body><article><h1>Queues</h1>${[1, 2, 3, 4].map(paragraph).join('')}` +
        '<svg width="200" height="100"><foreignObject width="200" height="100"><p>zanzibar lurks in a drawing</p></foreignObject></svg>' +
        `${[5, 6, 7].map(paragraph).join('')}</article></body></html>`,
    );
    const captured = capturePage(doc, 'https://example.org/queues', win, frozenClock);
    expect(captured.notice).toBeNull();
    expect(captured.html).not.toContain('zanzibar');
    expect(captured.text).not.toContain('zanzibar');
    expect(captured.text).toContain('Paragraph 7 explains queues');
    expect(makeSnippet(captured.text, new Set(['zanzibar']), null)).toBeNull();
  });

  it("reads the copy's text in a step of its own, after a pause, not in the same task as sanitizing it", () => {
    const { win } = load('<html></html>');
    const steps = sanitizeArticleSteps('<p>Queues and <b>backpressure</b>.</p>', win);
    expect(steps.next().done).toBe(false);
    expect(steps.next()).toEqual({
      done: true,
      value: { html: '<p>Queues and <b>backpressure</b>.</p>', text: 'Queues and backpressure.' },
    });
  });

  it('searches a saved page by the text its reader reads: blocks stay apart, so words never run together', () => {
    const paragraph = (n: number) =>
      `<p>Paragraph ${n} explains queues, backpressure and the slow consumer problem in some depth. </p>`.repeat(3);
    const { doc, win } = load(
      `<html><head><title>Queues</title></head><body><article><h1>Queues</h1>${[1, 2, 3].map(paragraph).join('')}` +
        `<p>Read the full transcript of his interview</p><p>Mr Obama lands in Kenya</p><ul><li>alphaword</li><li>betaword</li></ul>${[4, 5].map(paragraph).join('')}</article></body></html>`,
    );
    const captured = capturePage(doc, 'https://example.org/queues', win, frozenClock);
    expect(captured.text).toContain('his interview Mr Obama lands');
    expect(captured.text).toContain('alphaword betaword');
    const reader = new win.DOMParser().parseFromString(sanitizeArticleHtml(captured.html, win), 'text/html').body;
    expect(captured.text).toBe(modelText(reader));
    expect(makeSnippet(captured.text, new Set(['betaword']), null)?.passage).toContain('alphaword betaword');
  });

  it('keeps a title without the site’s name after an en or em dash, as Readability’s next release does', () => {
    const body = `<body><article><h1>Tide pools</h1><p>${'Words about the tide pools of the coast. '.repeat(30)}</p></article></body>`;
    const titled = (title: string) => {
      const { doc, win } = load(`<html><head><title>${title}</title></head>${body}</html>`);
      return capturePage(doc, 'https://example.org/tides', win, frozenClock).title;
    };
    expect(titled('Notes on the tide pools of Brittany – Ana’s small website')).toBe(
      'Notes on the tide pools of Brittany',
    );
    // Readability 0.6.0 cut this one at its colon, taking the dash for a word.
    expect(titled('Tides: Moon and Sea — a guide to the tides')).toBe('Tides: Moon and Sea — a guide to the tides');
  });

  it('judges a copy safe by its elements and attributes: markup shown as text (a code sample, an alt) is text', () => {
    const words = 'Words of a tutorial on testing a page’s scripts. '.repeat(20);
    const { doc, win } = load(
      `<html><head><title>Testing scripts</title></head><body><article><h1>Testing scripts</h1><p>${words}</p>
      <pre><code>&lt;script src="vendor/test.js"&gt;&lt;/script&gt;\n&lt;p style="color: red" onclick="go()"&gt;</code></pre>
      <p><img src="https://example.org/photo.jpg" alt='<span style="font-size:13px">A photo</span>'> ${words}</p>
      </article></body></html>`,
    );
    const captured = capturePage(doc, 'https://example.org/testing', win, frozenClock);
    expect(captured.text).toContain('<script src="vendor/test.js"></script>');
    expect(captured.text).toContain('<p style="color: red" onclick="go()">');
    expect(captured.html).toContain('alt="&lt;span style=&quot;font-size:13px&quot;&gt;A photo&lt;/span&gt;"');
    expectSafe(captured.html);
    // The same as markup is still found.
    for (const unsafe of [
      '<img src="https://example.org/photo.jpg">',
      '<p style="color: red">x</p>',
      '<p onclick="go()">x</p>',
      '<a href=" javascript:go()">x</a>',
      '<iframe srcdoc="x"></iframe>',
      '<script>go()</script>',
    ])
      expect(() => expectSafe(unsafe), unsafe).toThrow();
  });

  it("keeps a title, site name and byline as plain lines: no bidi override runs over Shelf's own words", () => {
    const paragraph = (n: number) =>
      `<p>Paragraph ${n} explains queues, backpressure and the slow consumer problem in some depth. </p>`.repeat(3);
    const { doc, win } = load(
      '<html><head><title>Report \u202Efdp.exe\u202C</title><meta property="og:site_name" content="Evil\u2066 Co\u2069\u0007">' +
        `<meta name="author" content="A\u202Eb\u001b[31m"></head><body><article><h1>Report \u202Efdp.exe\u202C</h1>${[1, 2, 3, 4].map(paragraph).join('')}</article></body></html>`,
    );
    const captured = capturePage(doc, 'https://example.org/report', win, frozenClock);
    const bidiOrControl = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
    expect(captured.title).toBe('Report fdp.exe');
    for (const line of [captured.title, captured.siteName ?? '', captured.byline ?? ''])
      expect(line).not.toMatch(bidiOrControl);
  });

  it('keeps the text of customized built-in elements (`is`), clearing only the attribute', () => {
    const paragraph = (n: number) =>
      `<p is="x-fancy">Paragraph ${n} explains queues, backpressure and the slow consumer problem in some depth. </p>`.repeat(
        3,
      );
    const { doc, win } = load(
      `<html><head><title>Queues</title></head><body><article><h1>Queues</h1>${[1, 2, 3, 4, 5].map(paragraph).join('')}</article></body></html>`,
    );
    const captured = capturePage(doc, 'https://example.org/queues', win, frozenClock);
    expect(captured.notice).toBeNull();
    expect(captured.text).toContain('Paragraph 5 explains queues');
    expect(captured.html).toContain('Paragraph 5 explains queues');
    expect(captured.html).not.toContain('x-fancy');
    // A stored copy is sanitized again for the reader: its text stays too.
    expect(sanitizeArticleHtml('<div><p is="">stored text</p></div>', win)).toContain('stored text');
  });

  it('counts a Chinese article by its characters, as search does: its reading time is no longer "1 min"', () => {
    // Before, only the runs between spaces counted: a few "words" per paragraph of Chinese.
    const sentence = '数据库连接池在高并发下耗尽时，应用会卡住，我们需要监控连接数并设置合理的超时时间。';
    const paragraphs = Array.from({ length: 40 }, () => `<p>${sentence.repeat(3)}</p>`).join('');
    const { doc, win } = load(
      `<html lang="zh"><head><title>连接池</title></head><body><article><h1>连接池耗尽</h1>${paragraphs}</article></body></html>`,
    );
    const captured = capturePage(doc, 'https://example.cn/pool', win, frozenClock);
    const characters = [...captured.text].filter((c) => /\p{Script=Han}/u.test(c)).length;
    expect(characters).toBeGreaterThan(4000);
    expect(captured.wordCount).toBe(characters);
    expect(captured.readMinutes).toBe(Math.round(characters / 255));
  });

  it('says it found no article, rather than keep a blank copy, when the sanitized article has no text left', () => {
    // Readability's article is all inside a drawing's foreignObject, which the sanitizer drops: a
    // copy of it would be blank while search found its words.
    const paragraph = (n: number) =>
      `<p>Paragraph ${n} explains queues, backpressure and the slow consumer problem in some depth. </p>`.repeat(3);
    const drawn = `<svg width="600" height="900"><foreignObject width="600" height="900">${[1, 2, 3, 4, 5].map(paragraph).join('')}</foreignObject></svg>`;
    const { doc, win } = load(`<html><head><title>Drawn</title></head><body><article>${drawn}</article></body></html>`);
    const captured = capturePage(doc, 'https://example.org/drawn', win, frozenClock);
    expect(captured.notice).toBe(NOTICE_NO_ARTICLE);
    expect(captured.text).not.toContain('Paragraph 5 explains queues');
    expect(captured.wordCount).toBe(0);
  });

  it('keeps none of an article drawn inside an SVG, even when the visible text is all it keeps', () => {
    // The sanitizer drops a drawing's HTML from an article's copy; the visible-text fallback must
    // not keep (and make searchable) what a copy never would.
    const drawn = `<svg width="600" height="900"><foreignObject width="600" height="900"><article><h1>Drawn</h1>${'<p>Zanzibar lurks inside a drawing of the page, paragraph after paragraph.</p>'.repeat(8)}</article></foreignObject></svg>`;
    const { doc, win } = load(`<html><head><title>Drawn</title></head><body>${drawn}</body></html>`);
    const captured = capturePage(doc, 'https://example.org/drawn', win, frozenClock);
    expect(captured.notice).toBe(NOTICE_NO_ARTICLE);
    expect(captured.text).not.toContain('Zanzibar');
    expect(captured.html).not.toContain('Zanzibar');
  });

  // QA pass: a page past the readable limit opened as one paragraph of a million characters.
  it(
    'keeps a page too large to read as an article in its paragraphs, cut at the cap',
    () => {
      const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa'.split(' ');
      const paragraph = (n: number) =>
        `<p>Paragraph ${n}\n  ${Array.from({ length: 45 }, (_, at) => words[(n + at) % words.length]).join(' ')}.</p>`;
      const body = Array.from({ length: 4_000 }, (_, n) => paragraph(n)).join('\n');
      const { doc, win } = load(`<html><body><main><h1>Huge</h1>${body}</main></body></html>`);
      const captured = capturePage(doc, 'https://example.org/huge', win, frozenClock);
      expect(captured.notice).toBe(NOTICE_TRUNCATED);
      const copy = new win.DOMParser().parseFromString(captured.html, 'text/html');
      const paragraphs = [...copy.querySelectorAll('p')].map((p) => p.textContent ?? '');
      expect(paragraphs.length).toBeGreaterThan(3_000);
      expect(paragraphs[0]).toBe('Huge');
      expect(paragraphs[1]).toMatch(/^Paragraph 0 alpha beta gamma/);
      // Searched as the reader reads it: one line of words.
      expect(captured.text).not.toContain('\n');
      expect(captured.text.startsWith('Huge Paragraph 0 alpha')).toBe(true);
      expect(capturedPageSchema.safeParse(captured).success).toBe(true);
    },
    REAL_PAGE_BUDGET_MS,
  );

  it('saves the visible text with a notice when Readability finds no article', () => {
    const { doc, win } = load('<html><head><title>Empty</title></head><body><form><input></form></body></html>');
    const captured = capturePage(doc, 'https://example.org/menu', win, frozenClock);
    expect(captured.notice).toBe(NOTICE_NO_ARTICLE);
    expect(captured.title).toBe('Empty');
  });

  it(
    'truncates an article beyond the size budget, with a notice',
    () => {
      const paragraph = `<p>${'A long article keeps going. '.repeat(200)}</p>`;
      const { doc, win } = load(`<html><body><main><h1>Long</h1>${paragraph.repeat(200)}</main></body></html>`);
      const captured = capturePage(doc, 'https://example.org/long', win, frozenClock);
      expect(captured.notice).toBe(NOTICE_TRUNCATED);
      expect(captured.text.length).toBeGreaterThan(MAX_CAPTURE_TEXT * 0.99);
      expect(captured.text.length).toBeLessThanOrEqual(MAX_CAPTURE_TEXT);
      expect(capturedPageSchema.safeParse(captured).success).toBe(true);
    },
    REAL_PAGE_BUDGET_MS,
  );

  it('never leaves an executable URL or handler, however it is spelled', () => {
    const { win } = load('<html></html>');
    const html = sanitizeArticleHtml(
      '<a href=" javascript:alert(1)">x</a><a href="&#106;avascript:alert(1)">y</a><img src=x onerror=alert(1)><p onclick=alert(1)>z</p><a href="https://ok.example/">ok</a>',
      win,
    );
    expectSafe(html);
    expect(html).toContain('href="https://ok.example/"');
    const images = sanitizeArticleHtml(
      '<img src="https://tracker.example/p.gif" width="1" height="1"><img src="https://images.example/photo.jpg" alt="A photo">',
      win,
    );
    expect(images).not.toContain('tracker.example');
    expect(images).toContain('data-shelf-src="https://images.example/photo.jpg"');
    expect(images).not.toMatch(/\ssrc=/);
    expect(html).toContain('rel="noopener noreferrer"');
  });
});

// Cloning copies templates' contents, clonable shadow roots and attributes, which the walk over child
// nodes did not count: a page hid 25,000 levels in a template and crashed its tab on Save.
describe('what cloning copies besides child nodes counts against the limits', () => {
  const words = 'Visible words of the page. '.repeat(30);
  const page = () =>
    load(
      `<html><head><title>Hidden</title></head><body><main><h1>Hidden</h1><p>${words}</p><div id="host"></div></main></body></html>`,
    );
  const nest = (doc: Document, parent: Node, levels: number) => {
    for (let level = 0; level < levels; level++) parent = parent.appendChild(doc.createElement('div'));
  };

  it(
    'a template nesting deeper than the limit: the visible text, not a clone',
    () => {
      const { doc, win } = page();
      const template = doc.createElement('template');
      doc.getElementById('host')?.append(template);
      nest(doc, template.content, READABLE_PAGE_LIMITS.maxDepth + 10);
      const captured = capturePage(doc, 'https://example.org/hidden', win, frozenClock);
      expect(captured.notice).toBe(NOTICE_TOO_LARGE);
      expect(captured.text).toContain('Visible words of the page.');
      // The same template, shallow: read as an article.
      const shallow = page();
      const small = shallow.doc.createElement('template');
      shallow.doc.getElementById('host')?.append(small);
      nest(shallow.doc, small.content, 20);
      expect(capturePage(shallow.doc, 'https://example.org/hidden', shallow.win, frozenClock).notice).not.toBe(
        NOTICE_TOO_LARGE,
      );
    },
    REAL_PAGE_BUDGET_MS,
  );

  it(
    'a clonable shadow root nesting deeper than the limit',
    () => {
      const { doc, win } = page();
      const shadow = (doc.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
      // jsdom has no clonable shadow roots; a browser's says so here.
      Object.defineProperty(shadow, 'clonable', { value: true });
      nest(doc, shadow, READABLE_PAGE_LIMITS.maxDepth + 10);
      expect(capturePage(doc, 'https://example.org/hidden', win, frozenClock).notice).toBe(NOTICE_TOO_LARGE);
    },
    REAL_PAGE_BUDGET_MS,
  );

  it(
    'a few MB of attribute values (a notebook’s inline plots) are still read as an article',
    () => {
      const { doc, win } = page();
      // Past the 3 MB first tried, within the limit (kept on one element: jsdom is slow to copy many).
      doc.getElementById('host')?.setAttribute('data-plot', `data:image/png;base64,${'A'.repeat(4_000_000)}`);
      expect(capturePage(doc, 'https://example.org/notebook', win, frozenClock).notice).not.toBe(NOTICE_TOO_LARGE);
    },
    REAL_PAGE_BUDGET_MS,
  );

  it(
    'attributes holding more than a copy may',
    () => {
      const { doc, win } = page();
      doc.getElementById('host')?.setAttribute('title', 'x'.repeat(READABLE_PAGE_LIMITS.maxAttributeText + 1));
      const captured = capturePage(doc, 'https://example.org/hidden', win, frozenClock);
      expect(captured.notice).toBe(NOTICE_TOO_LARGE);
      expect(captured.text).toContain('Visible words of the page.');
    },
    REAL_PAGE_BUDGET_MS,
  );
});

describe('what the limits do not count', () => {
  it(
    'a megabyte of inline script is not text: a news page is read as an article, its title as Readability reads it',
    () => {
      const { doc, win } = load(
        `<html><head><title>Whales in the bay | Science | The Daily Example</title></head><body><main><h1>Whales in the bay</h1><p>${'Visible words of the page. '.repeat(30)}</p></main></body></html>`,
      );
      // A news page's inline scripts (its bundles, its state as JSON): more characters than a copy keeps.
      for (const tag of ['script', 'style']) {
        const code = doc.createElement(tag);
        code.textContent = `/* ${'x'.repeat(READABLE_PAGE_LIMITS.maxText / 2)} */`;
        doc.body.append(code);
      }
      const captured = capturePage(doc, 'https://example.org/whales', win, frozenClock);
      expect(captured.notice).toBeNull();
      expect(captured.title).toBe('Whales in the bay | Science');
      expect(captured.text).toContain('Visible words of the page.');
    },
    REAL_PAGE_BUDGET_MS,
  );
});

describe('capture of heavy pages: bounded work, never a crash', () => {
  // linkedom builds trees jsdom cannot (jsdom recurses per level); the sanitizer still runs in jsdom.
  const { win } = load('<html></html>');

  it(
    'keeps the text it can reach on a page nested 30,000 levels deep, without cloning it',
    () => {
      const { document } = parseHTML(
        '<html><head><title>Deep</title></head><body><main><h1>Deep</h1><p>Words near the top.</p></main></body></html>',
      );
      let parent: Element = document.querySelector('main') as Element;
      for (let level = 0; level < 30_000; level++) parent = parent.appendChild(document.createElement('div'));
      parent.textContent = 'Words at the bottom.';
      const captured = capturePage(document, 'https://example.org/deep', win, frozenClock);
      expect(captured.notice).toBe(NOTICE_PARTIAL);
      expect(captured.text).toContain('Words near the top.');
      expect(captured.text).not.toContain('Words at the bottom.');
      expect(capturedPageSchema.safeParse(captured).success).toBe(true);
    },
    REAL_PAGE_BUDGET_MS,
  );

  it(
    'gives up on the visible text when its time budget runs out, and says so',
    () => {
      // Over a million characters: too much for Readability, so the visible text is walked.
      const paragraph = '<p>Many short paragraphs, each with a few words in it.</p>';
      const { document } = parseHTML(
        `<html><head><title>Wide</title></head><body>${paragraph.repeat(25_000)}</body></html>`,
      );
      let time = 0;
      const captured = capturePage(document, 'https://example.org/wide', win, () => (time += 100)); // a slow machine
      expect(captured.notice).toBe(NOTICE_PARTIAL);
      expect(captured.text).toContain('Many short paragraphs');
      expect(captured.text.length).toBeLessThan(MAX_CAPTURE_TEXT / 5);
    },
    REAL_PAGE_BUDGET_MS,
  );
});

describe('capture of a text file the browser shows as a page (text/plain: one <pre>)', () => {
  /** What Chromium makes of a text/plain response, as a document whose type says so. */
  function shownFile(text: string) {
    const { doc, win } = load('<html><head></head><body><pre></pre></body></html>', 'https://example.org/book.txt');
    (doc.querySelector('pre') as HTMLPreElement).textContent = text;
    Object.defineProperty(doc, 'contentType', { value: 'text/plain' });
    return { doc, win };
  }

  it('keeps a book too long for Readability, paragraphs parted at its blank lines (CRLF too), cut at the cap', () => {
    const paragraph = (n: number) =>
      `Chapter paragraph ${n}, hard-wrapped\r\nacross two lines as plain-text books are.`;
    const book = Array.from({ length: 20_000 }, (_, n) => paragraph(n)).join('\r\n\r\n');
    expect(book.length).toBeGreaterThan(MAX_CAPTURE_TEXT);
    const { doc, win } = shownFile(book);
    const captured = capturePage(doc, 'https://example.org/book.txt', win, frozenClock);
    expect(captured.notice).toBe(NOTICE_TRUNCATED);
    expect(captured.text.length).toBeLessThanOrEqual(MAX_CAPTURE_TEXT);
    expect(captured.text.startsWith('Chapter paragraph 0, hard-wrapped\nacross two lines')).toBe(true);
    expect(captured.text).not.toContain('\r');
    const copy = new win.DOMParser().parseFromString(captured.html, 'text/html');
    const paragraphs = [...copy.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs.length).toBeGreaterThan(1_000);
    expect(paragraphs[1]).toBe('Chapter paragraph 1, hard-wrapped\nacross two lines as plain-text books are.');
    expect(capturedPageSchema.safeParse(captured).success).toBe(true);
  });

  it('keeps a log without blank lines one line to a paragraph, and never parts a line at its sentences', () => {
    const line = (n: number) =>
      `2026-12-02T10:00:${String(n % 60).padStart(2, '0')}Z worker ${n} done.  Retrying in 2 s.`;
    const log = Array.from({ length: 30_000 }, (_, n) => line(n)).join('\n');
    const { doc, win } = shownFile(log);
    const captured = capturePage(doc, 'https://example.org/worker.log', win, frozenClock);
    const copy = new win.DOMParser().parseFromString(captured.html, 'text/html');
    const paragraphs = [...copy.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs.slice(0, 2)).toEqual([line(0), line(1)]);
    expect(captured.notice).toBe(NOTICE_TRUNCATED);
  });

  it('keeps a short text file whole (Readability reads it)', () => {
    const notes = 'Retries need backoff.\n\nAnd jitter, or they arrive together.\n';
    const { doc, win } = shownFile(notes);
    const captured = capturePage(doc, 'https://example.org/notes.txt', win, frozenClock);
    expect(captured.text).toContain('And jitter, or they arrive together.');
    expect(captured.notice ?? '').not.toBe(NOTICE_TRUNCATED);
  });
});
