import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '@/lib/content/page-context';
import type { RelatedBoxHandlers } from '@/lib/content/related-box';
import { showRelatedForPage } from '@/lib/content/related-on-page';
import { sendRequest } from '@/lib/messaging/client';

vi.mock('@/lib/messaging/client', () => ({
  sendRequest: vi.fn(async () => ({ matched: true, results: [{ id: 'cache-stampede', title: 'Cache Stampede' }] })),
}));
// The box's own controls are in a closed shadow root: the test takes its handlers as the user's clicks.
const boxes: RelatedBoxHandlers[] = [];
vi.mock('@/lib/content/related-box', () => ({
  renderRelatedBox: (_container: HTMLElement, _articles: unknown, handlers: RelatedBoxHandlers) => {
    boxes.push(handlers);
    return document.createElement('aside');
  },
}));

const lateTiming = { quietMs: 50, maxSettleMs: 3_000 };
const pageContext = (): PageContext => ({ signal: new AbortController().signal, isInvalid: false });
const paragraph = (subject: string) =>
  `<main><article><h1>${subject}</h1><p>${`${subject} explained at length, with the reasons behind it. `.repeat(20)}</p></article></main>`;
/**
 * The texts this document's script sent to be matched, in order. (The script remembers the last page
 * it read for the document's life: each test reads other subjects.)
 */
const sentTexts = () =>
  vi.mocked(sendRequest).mock.calls.map(([request]) => ('text' in request ? request.text.slice(0, 30) : ''));

beforeEach(() => {
  vi.mocked(sendRequest).mockClear();
  boxes.length = 0;
});
afterEach(() => {
  for (const host of document.querySelectorAll('[data-test-host], shelf-related')) host.remove();
  document.body.innerHTML = '';
});

describe('the related box on pages that render late', () => {
  // QA pass: a page that fills its article after load got no box at all.
  it('reads a page again once its scripts rendered the article', async () => {
    window.history.replaceState(null, '', '/late-article');
    document.body.innerHTML = '<div id="app">Loading…</div>';
    const shown = showRelatedForPage(pageContext(), document, lateTiming);
    setTimeout(() => {
      document.body.innerHTML = paragraph('Cache stampedes');
    }, 30);
    await shown;
    expect(sentTexts()).toEqual([expect.stringContaining('Cache stampedes')]);
    expect(boxes).toHaveLength(1);
  });

  // Review: an article the page's script reveals (its `hidden` taken off) waited out the longest wait.
  it('reads a page again once its scripts revealed the article', async () => {
    window.history.replaceState(null, '', '/revealed-article');
    document.body.innerHTML = `<p>Loading…</p>${paragraph('Backpressure').replace('<article>', '<article id="app" hidden>')}`;
    // A longest wait past the test's own time limit: only the reveal can end the wait in time.
    const shown = showRelatedForPage(pageContext(), document, { quietMs: 50, maxSettleMs: 600_000 });
    setTimeout(() => document.getElementById('app')?.removeAttribute('hidden'), 30);
    await shown;
    expect(sentTexts()).toEqual([expect.stringContaining('Backpressure')]);
  });

  // QA pass: a single-page app that kept the last page on screen for more than a second after moving
  // got the last page's articles.
  it('after a move, waits for a page that still shows the last address’s text', async () => {
    window.history.replaceState(null, '', '/spa/first');
    document.body.innerHTML = paragraph('Connection pools');
    await showRelatedForPage(pageContext(), document, lateTiming);
    window.history.pushState(null, '', '/spa/second');
    const shown = showRelatedForPage(pageContext(), document, lateTiming);
    setTimeout(() => {
      document.body.innerHTML = paragraph('Retry storms');
    }, 30);
    await shown;
    expect(sentTexts()).toEqual([expect.stringContaining('Connection pools'), expect.stringContaining('Retry storms')]);
  });
});

describe('closing the related box', () => {
  // QA pass: closed, the box came back for the same page with a tracking parameter; another query
  // string is another page (a video's `?v=`: review).
  it('keeps it closed on that page, tracking parameters aside, and not on another page', async () => {
    window.history.replaceState(null, '', '/watch?v=1');
    document.body.innerHTML = paragraph('Cache stampedes');
    await showRelatedForPage(pageContext(), document, lateTiming);
    expect(boxes).toHaveLength(1);
    boxes[0]?.onDismiss();

    window.history.pushState(null, '', '/watch?v=1&utm_source=feed#comments');
    document.body.innerHTML = paragraph('Thundering herds');
    await showRelatedForPage(pageContext(), document, lateTiming);
    expect(boxes).toHaveLength(1);

    window.history.pushState(null, '', '/watch?v=2');
    document.body.innerHTML = paragraph('Retry storms');
    await showRelatedForPage(pageContext(), document, lateTiming);
    expect(boxes).toHaveLength(2);
  });

  // Red team: back on a page where the box was closed, nothing was read, so a next address still
  // showing that page was taken for a new one and got its articles.
  it('takes a next address still showing a closed page for that page, not a new one', async () => {
    window.history.replaceState(null, '', '/closed/bloom');
    document.body.innerHTML = paragraph('Bloom filters');
    await showRelatedForPage(pageContext(), document, lateTiming);
    boxes[0]?.onDismiss();
    window.history.pushState(null, '', '/closed/anycast');
    document.body.innerHTML = paragraph('Anycast routing');
    await showRelatedForPage(pageContext(), document, lateTiming);
    window.history.pushState(null, '', '/closed/bloom');
    document.body.innerHTML = paragraph('Bloom filters');
    await showRelatedForPage(pageContext(), document, lateTiming);
    window.history.pushState(null, '', '/closed/hashing');
    const shown = showRelatedForPage(pageContext(), document, lateTiming);
    setTimeout(() => {
      document.body.innerHTML = paragraph('Consistent hashing');
    }, 30);
    await shown;
    expect(sentTexts().at(-1)).toContain('Consistent hashing');
  });
});
