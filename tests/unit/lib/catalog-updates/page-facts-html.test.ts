// @vitest-environment node
// The service worker has no DOM: this file runs without one, so any DOM use would fail here.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_LIMITS } from '@/lib/catalog-updates/page-facts';
import { readPageFactsFromHtml } from '@/lib/catalog-updates/page-facts-html';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/catalog-updates');
const PAGE_URL = 'https://www.webcoderspeed.com/blog/scaling/queues-and-back-pressure?utm_source=x';

describe('readPageFactsFromHtml (no DOM)', () => {
  it('has no DOM to lean on', () => {
    expect(typeof globalThis.document).toBe('undefined');
    expect(typeof globalThis.DOMParser).toBe('undefined');
  });

  it('reads title, metas, links and JSON-LD blocks, entities decoded where HTML decodes them', () => {
    const facts = readPageFactsFromHtml(readFileSync(resolve(FIXTURES, 'article-page.html'), 'utf8'), PAGE_URL);
    expect(facts.title).toBe('Queues & Back-Pressure — Saying "No" Early | Sample Blog');
    expect(facts.metas).toContainEqual({ key: 'description', content: expect.stringMatching(/^When producers/) });
    expect(facts.metas).toContainEqual({ key: 'og:title', content: 'Queues & Back-Pressure — Saying "No" Early' });
    expect(facts.links).toContainEqual({
      rel: ['canonical'],
      href: '/blog/scaling/queues-and-back-pressure/',
      type: null,
      title: null,
    });
    expect(facts.jsonLd).toHaveLength(2);
    expect(JSON.parse(facts.jsonLd[0]!)['@graph'][1].headline).toBe('Queues & Back-Pressure — Saying "No" Early');
    expect(facts.baseUrl).toBe(PAGE_URL);
    expect(facts.truncated).toBe(false);
  });

  it('skips an SVG title, reads <base>, and survives broken markup', () => {
    const html =
      '<html><head><base href="https://webcoderspeed.com/blog/"><svg><title>icon</title></svg><title>Real</title>' +
      '<meta property="og:title" content="Unclosed <b>"><link rel="Canonical Alternate" href="x"><script>var a = "<title>no</title>";</script';
    const facts = readPageFactsFromHtml(html, 'https://webcoderspeed.com/');
    expect(facts.title).toBe('Real');
    expect(facts.baseUrl).toBe('https://webcoderspeed.com/blog/');
    expect(facts.links[0]?.rel).toEqual(['canonical', 'alternate']);
    expect(facts.metas).toEqual([{ key: 'og:title', content: 'Unclosed <b>' }]);
  });

  it('reads only the first PAGE_LIMITS.maxChars of a huge page, and says so', () => {
    const head = '<html><head><title>Big</title></head><body>';
    const huge = `${head}${'<p>filler</p>'.repeat(PAGE_LIMITS.maxChars / 10)}<meta name="description" content="late">`;
    const facts = readPageFactsFromHtml(huge, 'https://webcoderspeed.com/');
    expect(facts.truncated).toBe(true);
    expect(facts.title).toBe('Big');
    expect(facts.metas).toEqual([]);
  });

  it('reads a page nested deeper than PAGE_LIMITS.maxDepth up to there, and says so', () => {
    // 600,000 unclosed <div>s (3 MB, the cap) held the parser, and the service worker, for minutes.
    const head = '<html><head><title>Deep</title><meta name="description" content="early"></head><body>';
    const deep = `${head}${'<div>'.repeat(600_000)}<meta name="description" content="late"></body></html>`;
    const facts = readPageFactsFromHtml(deep, 'https://webcoderspeed.com/');
    expect(facts.truncated).toBe(true);
    expect(facts.title).toBe('Deep');
    expect(facts.metas).toEqual([{ key: 'description', content: 'early' }]);
  });

  // Review: under the cap on depth alone, 9,990 open <div>s then 420,000 empty elements inside them (3 MB)
  // took 5 s a page (an update reads up to 40), and the page was read to its end.
  it('reads a page whose nesting costs past PAGE_LIMITS.maxNestingWork up to there, and says so', () => {
    const head = '<html><head><title>Wide</title><meta name="description" content="early"></head><body>';
    const wide = `${head}${'<div>'.repeat(9_990)}${'<b></b>'.repeat(420_000)}<meta name="description" content="late"></body></html>`;
    const facts = readPageFactsFromHtml(wide, 'https://webcoderspeed.com/');
    expect(facts.truncated).toBe(true);
    expect(facts.metas).toEqual([{ key: 'description', content: 'early' }]);
  });

  it('caps how many metas, links and JSON-LD blocks a page can make it keep', () => {
    const many = `${'<meta name="m" content="c">'.repeat(1_000)}${'<link rel="x" href="y">'.repeat(1_000)}${'<script type="application/ld+json">{}</script>'.repeat(100)}`;
    const facts = readPageFactsFromHtml(many, 'https://webcoderspeed.com/');
    expect(facts.metas).toHaveLength(PAGE_LIMITS.maxMetas);
    expect(facts.links).toHaveLength(PAGE_LIMITS.maxLinks);
    expect(facts.jsonLd).toHaveLength(PAGE_LIMITS.maxJsonLdBlocks);
  });
});
