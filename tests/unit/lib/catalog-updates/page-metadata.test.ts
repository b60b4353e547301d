import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeEach, describe, expect, it } from 'vitest';
import { BLOG_SITE } from '@/lib/catalog-updates/blog-site';
import { readPageFactsFromDocument } from '@/lib/catalog-updates/page-facts';
import { readPageFactsFromHtml } from '@/lib/catalog-updates/page-facts-html';
import { discoverFeeds, readPageMetadata } from '@/lib/catalog-updates/page-metadata';
import { MISSING_SHARED_REASON, REAL_PAGES_DIR, realPageNames } from '@/scripts/eval/shared-data';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/catalog-updates');
const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');
const PAGE_URL = 'https://www.webcoderspeed.com/blog/scaling/queues-and-back-pressure?utm_source=x';

/** The same page through both readers: the content script's live Document and the worker's HTML text. */
function bothWays(html: string, url: string) {
  const fromHtml = readPageMetadata(readPageFactsFromHtml(html, url), BLOG_SITE);
  const fromDocument = readPageMetadata(
    readPageFactsFromDocument(new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document),
    BLOG_SITE,
  );
  return { fromHtml, fromDocument };
}

describe('readPageMetadata', () => {
  it('reads an article page: canonical address, titles and descriptions best first, date, keywords, author', () => {
    const { fromHtml, fromDocument } = bothWays(fixture('article-page.html'), PAGE_URL);
    expect(fromHtml).toEqual({
      url: 'https://webcoderspeed.com/blog/scaling/queues-and-back-pressure',
      titles: ['Queues & Back-Pressure — Saying "No" Early'],
      descriptions: ['When producers outrun consumers, a queue only delays the outage. Here is how to push back.'],
      published: '2026-11-30',
      tags: ['queues', 'back-pressure', 'reliability'],
      authors: ['Sam Writer'],
      isArticle: true,
      notes: ['1 JSON-LD block(s) are not valid JSON and were ignored'],
    });
    expect(fromDocument).toEqual(fromHtml);
  });

  it('keeps the page address when the canonical one is on another site, and says why', () => {
    const html = '<title>T</title><link rel="canonical" href="https://mirror.example/blog/scaling/x">';
    const { fromHtml, fromDocument } = bothWays(html, 'https://webcoderspeed.com/blog/scaling/x/');
    expect(fromHtml.url).toBe('https://webcoderspeed.com/blog/scaling/x');
    expect(fromHtml.notes).toEqual([
      'canonical address not on webcoderspeed.com, ignored: https://mirror.example/blog/scaling/x',
    ]);
    expect(fromDocument).toEqual(fromHtml);
  });

  it('has no address for a page off the blog, and falls back to article:tag and meta keywords', () => {
    const tagged =
      '<meta property="article:tag" content="Redis"><meta property="article:tag" content="redis"><meta property="article:tag" content="TTL">';
    expect(bothWays(tagged, 'https://example.org/a').fromHtml).toMatchObject({ url: null, tags: ['redis', 'TTL'] });
    const keywords = '<meta name="keywords" content="a, b ,, c"><meta property="og:type" content="Article">';
    expect(bothWays(keywords, 'https://webcoderspeed.com/blog/scaling/k').fromDocument).toMatchObject({
      tags: ['a', 'b', 'c'],
      isArticle: true,
    });
  });

  it('is not an article without JSON-LD or og:type article, and has empty lists where the page says nothing', () => {
    const { fromHtml, fromDocument } = bothWays('<p>nothing</p>', 'https://webcoderspeed.com/');
    expect(fromHtml).toEqual({
      url: 'https://webcoderspeed.com',
      titles: [],
      descriptions: [],
      published: null,
      tags: [],
      authors: [],
      isArticle: false,
      notes: [],
    });
    expect(fromDocument).toEqual(fromHtml);
  });
});

const realPages = realPageNames();

describe(realPages.length ? 'both readers on real third-party pages' : MISSING_SHARED_REASON, () => {
  beforeEach((context) => context.skip(realPages.length === 0, MISSING_SHARED_REASON));
  it.each(realPages)(
    '%s: the Document and the HTML text give the same metadata',
    (name) => {
      const html = readFileSync(resolve(REAL_PAGES_DIR, name, 'source.html'), 'utf8');
      const { fromHtml, fromDocument } = bothWays(html, `https://example.org/${name}`);
      expect(fromDocument).toEqual(fromHtml);
    },
    60_000,
  );

  /** A page's own declaration that it is an article: og:type "article", or a JSON-LD Article type. */
  const DECLARES_ARTICLE = /og:type"[^>]*content="article"|"@type"\s*:\s*"(?:News|Blog)?(?:Article|Posting)"/i;

  it('finds the article on every real page that declares one (JSON-LD or og:type)', () => {
    const declaring = realPages
      .map((name) => ({ name, html: readFileSync(resolve(REAL_PAGES_DIR, name, 'source.html'), 'utf8') }))
      .filter(({ html }) => DECLARES_ARTICLE.test(html));
    expect(declaring.length).toBeGreaterThan(0);
    const missed = declaring.filter(({ html }) => {
      const metadata = readPageMetadata(readPageFactsFromHtml(html, 'https://example.org/'), BLOG_SITE);
      return !metadata.isArticle || metadata.titles.length === 0;
    });
    expect(missed.map(({ name }) => name)).toEqual([]);
  });
});

describe('discoverFeeds', () => {
  it('lists the RSS and Atom feeds a page advertises on the blog, and refuses feeds elsewhere', () => {
    const facts = readPageFactsFromHtml(fixture('home.html'), 'https://webcoderspeed.com/');
    expect(discoverFeeds(facts, BLOG_SITE)).toEqual({
      feeds: [
        { url: 'https://www.webcoderspeed.com/rss.xml', format: 'rss' },
        { url: 'https://webcoderspeed.com/atom.xml', format: 'atom' },
      ],
      refused: ['https://feeds.example.net/sample'],
    });
  });

  // Red team: a type named like an object's member found Object.prototype's, and the link was taken for a feed.
  it('takes no other type for a feed, "constructor" or "__proto__" neither', () => {
    const links = ['constructor', '__proto__', 'toString', 'text/html']
      .map((type) => `<link rel="alternate" type="${type}" href="/${type.replace(/\W/g, '')}.xml">`)
      .join('');
    const facts = readPageFactsFromHtml(`<html><head>${links}</head></html>`, 'https://webcoderspeed.com/');
    expect(discoverFeeds(facts, BLOG_SITE)).toEqual({ feeds: [], refused: [] });
  });
});

// QA pass: "Slow Otter & Friends | WebCoderSpeed" was learned as the title of a page without og:site_name.
describe('readPageMetadata: the blog’s name after a <title>', () => {
  const titleOf = (title: string, head = '') =>
    readPageMetadata(
      readPageFactsFromHtml(`<html><head><title>${title}</title>${head}</head></html>`, PAGE_URL),
      BLOG_SITE,
    ).titles;

  it('is cut without og:site_name, in any case, after " | " or " - "', () => {
    expect(titleOf('Slow Otter &amp; Friends | WebCoderSpeed')).toEqual(['Slow Otter & Friends']);
    expect(titleOf('Slow Otter - webcoderspeed')).toEqual(['Slow Otter']);
    expect(titleOf('Slow Otter | webcoderspeed.com')).toEqual(['Slow Otter']);
  });

  it('is kept when it is another name, the whole title, or not in <title>', () => {
    expect(titleOf('Slow Otter | Otter Weekly')).toEqual(['Slow Otter | Otter Weekly']);
    expect(titleOf('WebCoderSpeed')).toEqual(['WebCoderSpeed']);
    expect(titleOf('x', '<meta property="og:title" content="Slow Otter | WebCoderSpeed">')[0]).toBe(
      'Slow Otter | WebCoderSpeed',
    );
  });
});
