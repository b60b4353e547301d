import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { capturePage, NOTICE_NO_ARTICLE, NOTICE_TRUNCATED } from '@/lib/capture/capture-page';
import { sanitizeArticleHtml } from '@/lib/capture/sanitize';
import { capturedPageSchema, MAX_CAPTURE_TEXT } from '@/lib/capture/schema';
import { MISSING_SHARED_REASON, REAL_PAGES_DIR } from '@/scripts/eval/shared-data';

// Capture parses and sanitizes whole pages: up to 2.6 s a test alone, 8 s seen on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

function load(html: string, url = 'https://example.org/article') {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  return { doc: dom.window.document, win: dom.window as unknown as Window & typeof globalThis };
}

function expectSafe(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(href|src|action)\s*=\s*["']?\s*(javascript|data):/i);
  expect(html).not.toMatch(/<(iframe|object|embed|form|style|link|svg)\b/i);
  expect(html).not.toMatch(/\ssrc=|srcdoc|style=/i);
}

const realPages = existsSync(REAL_PAGES_DIR)
  ? readdirSync(REAL_PAGES_DIR).filter((name) => existsSync(join(REAL_PAGES_DIR, name, 'source.html')))
  : [];

describe.skipIf(realPages.length === 0)(realPages.length ? 'capture of real pages' : MISSING_SHARED_REASON, () => {
  it.each(realPages)('%s: expected title, text, nothing executable', (name) => {
    const expected = JSON.parse(readFileSync(join(REAL_PAGES_DIR, name, 'expected-metadata.json'), 'utf8'));
    const { doc, win } = load(
      readFileSync(join(REAL_PAGES_DIR, name, 'source.html'), 'utf8'),
      'http://fakehost/test/page.html',
    );
    const captured = capturePage(doc, 'http://fakehost/test/page.html', win);
    expect(capturedPageSchema.safeParse(captured).success).toBe(true);
    expect(captured.title).toBe(expected.title.replace(/\s+/g, ' ').trim());
    expect(captured.text.trim().length).toBeGreaterThan(0);
    expectSafe(captured.html);
    if (expected.dir) expect(captured.dir).toBe(expected.dir);
  });
});

describe('capture of a hostile page', () => {
  const { doc, win } = load(readFileSync('tests/fixtures/pages/capture/hostile.html', 'utf8'));
  const captured = capturePage(doc, 'https://example.org/hostile', win);

  it('keeps the title as text and strips everything executable, remote or hidden-by-CSS', () => {
    expect(captured.title).toContain('<script>');
    expectSafe(captured.html);
    expect(captured.html).not.toContain('tracker.example');
    // Text the page hid with CSS stays hidden: Readability leaves invisible elements out.
    expect(captured.text).not.toContain('Text hidden with CSS');
    expect(captured.text).toContain('Handlers on a paragraph.');
  });

  it('truncates a page beyond the size budget, with a notice', () => {
    expect(captured.notice).toBe(NOTICE_TRUNCATED);
    expect(captured.text.length).toBeLessThanOrEqual(MAX_CAPTURE_TEXT);
    expect(capturedPageSchema.safeParse(captured).success).toBe(true);
  });
});

describe('capture fallbacks and sanitizing', () => {
  it('saves the visible text with a notice when Readability cannot parse the page', () => {
    // More elements than Readability may walk: it gives up, and Shelf keeps the visible text.
    const cells = '<span>x</span>'.repeat(31_000);
    const words = 'Visible words of the page. '.repeat(30);
    const { doc, win } = load(
      `<html><head><title>Grid</title></head><body><main><p>${words}</p>${cells}</main></body></html>`,
    );
    const captured = capturePage(doc, 'https://example.org/grid', win);
    expect(captured.notice).toBe(NOTICE_NO_ARTICLE);
    expect(captured.title).toBe('Grid');
    expect(captured.text).toContain('Visible words of the page.');
    expect(captured.html).toContain('<p>Visible words of the page.');
  });

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
