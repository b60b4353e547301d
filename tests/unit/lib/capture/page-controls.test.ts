import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { markDisclosureTitles } from '@/lib/capture/page-controls';
import { sanitizeArticleHtml } from '@/lib/capture/sanitize';

function load(html: string) {
  const dom = new JSDOM(html, { url: 'https://example.org/article', virtualConsole: new VirtualConsole() });
  return { doc: dom.window.document, win: dom.window as unknown as Window & typeof globalThis };
}

const nested = (depth: number, inner: string) => `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;

describe('marking the toggles that title a section, on a hostile page', () => {
  // Each id of a toggle's aria-controls was looked up and, when it named a hidden section, climbed from there:
  // a list of a million ids (attribute text passes READABLE_PAGE_LIMITS up to 20 MB) held the tab being saved.
  it('reads a few ids of an aria-controls list of thousands, in the page and again in the copy', () => {
    const ids = 'hidden-answer '.repeat(100_000);
    const { doc, win } = load(
      `<html><body>${nested(300, '<div id="hidden-answer" hidden><p>Words no one sees.</p></div>')}<div id="answer"><p>The answer.</p></div><button aria-controls="${ids} answer">Installation steps</button></body></html>`,
    );
    const lookups = vi.spyOn(win.Document.prototype, 'getElementById');
    markDisclosureTitles(doc);
    const inPage = lookups.mock.calls.length;
    sanitizeArticleHtml(
      `<p><span data-shelf-toggle="" role="button" aria-controls="${ids}">Installation steps</span></p><div id="hidden-answer"><b></b></div>`,
      win,
    );
    const inCopy = lookups.mock.calls.length - inPage;
    vi.restoreAllMocks();
    expect(inPage).toBeLessThan(10);
    expect(inCopy).toBeLessThan(10);
    // The toggle named its answer past the ids read: it is no title then, and goes as a control.
    expect(doc.querySelector('[data-shelf-toggle]')).toBeNull();
  });

  // Each toggle's section climbed every box around it for one hidden: thousands of questions deep in a page
  // took their count times its depth.
  it('climbs the boxes around thousands of sections once, not once per section', () => {
    const toggles = 1_000;
    const depth = 200;
    const questions = Array.from(
      { length: toggles },
      (_, n) => `<button aria-controls="a${n}">Question number ${n}</button><div id="a${n}"><p>Answer ${n}.</p></div>`,
    ).join('');
    const { doc, win } = load(`<html><body>${nested(depth, questions)}</body></html>`);
    const reads = vi.spyOn(win.Element.prototype, 'hasAttribute');
    markDisclosureTitles(doc);
    const calls = reads.mock.calls.length;
    vi.restoreAllMocks();
    expect(doc.querySelectorAll('[data-shelf-toggle]')).toHaveLength(toggles);
    expect(calls).toBeLessThan(20 * (toggles + depth));
  });
});

describe('keeping or dropping marked toggles, in a hostile copy', () => {
  // Each marked toggle read its sections again: a copy (a backup, an Omnivore zip) of thousands of toggles
  // naming one empty section read it once per toggle and id, each time the reader showed it.
  it('reads a section thousands of toggles name once', () => {
    const { win } = load('<html></html>');
    const toggles = 5_000;
    const reads = vi.spyOn(win.Element.prototype, 'hasAttribute');
    const copy = sanitizeArticleHtml(
      `<p>${'<span data-shelf-toggle="" aria-controls="e e e e">Question</span>'.repeat(toggles)}</p><div id="e">${'<i></i>'.repeat(63)}</div>`,
      win,
    );
    const calls = reads.mock.calls.length;
    vi.restoreAllMocks();
    expect(copy).not.toContain('Question');
    expect(calls).toBeLessThan(20 * toggles);
  });
});
