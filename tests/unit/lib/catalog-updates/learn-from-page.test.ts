import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { applyOverlay } from '@/lib/catalog-updates/apply-overlay';
import { BLOG_SITE } from '@/lib/catalog-updates/blog-site';
import { learnFromPage, pageEvidence, pageMetadataSchema } from '@/lib/catalog-updates/learn-from-page';
import { readPageFactsFromDocument } from '@/lib/catalog-updates/page-facts';
import { readPageMetadata } from '@/lib/catalog-updates/page-metadata';
import { ARTICLES } from '@/lib/corpus/catalog';
import { articlePage } from '../../../fixtures/catalog-updates/fake-blog';
import { createMemoryStore } from '../../../fixtures/catalog-updates/memory-store';

const NOW = Date.UTC(2026, 10, 30, 12);
const unaddressed = ARTICLES.find((a) => a.url === null && a.titleSource === 'written' && !a.possibleMatches.length)!;
const PAGE_URL = 'https://www.webcoderspeed.com/blog/scaling/where-it-lives?utm_source=newsletter';

/** What the content script would send from this page. */
function metadataOf(html: string, url: string) {
  const { document } = new JSDOM(html, { url }).window;
  return readPageMetadata(readPageFactsFromDocument(document), BLOG_SITE);
}

describe('learning while reading a page of the blog', () => {
  const html = articlePage({
    url: 'https://webcoderspeed.com/blog/scaling/where-it-lives',
    title: 'Where It Lives',
    description: unaddressed.summary,
    published: '2026-08-08',
  });

  it('fills in the address of the article whose summary the page carries, with the page as its source', async () => {
    const memory = createMemoryStore();
    const outcomes = await learnFromPage(metadataOf(html, PAGE_URL), PAGE_URL, {
      articles: ARTICLES,
      store: memory.store,
      now: NOW,
    });
    expect(outcomes).toEqual([
      {
        kind: 'linked',
        url: 'https://webcoderspeed.com/blog/scaling/where-it-lives',
        articleId: unaddressed.id,
        by: 'description',
        addressFilled: true,
        titleConfirmed: true,
      },
    ]);
    const card = applyOverlay(ARTICLES, memory.records()).find((a) => a.id === unaddressed.id)!;
    expect(card.url).toBe('https://webcoderspeed.com/blog/scaling/where-it-lives');
    // The page as its source, without the query string it was reached with (a tracking token).
    expect(card.learnedFields.url).toEqual({
      from: 'page',
      url: 'https://webcoderspeed.com/blog/scaling/where-it-lives',
      learnedAt: NOW,
    });
  });

  it('validates what the content script sends, and refuses oversized or unexpected fields', () => {
    const metadata = metadataOf(html, PAGE_URL);
    expect(pageMetadataSchema.parse(metadata)).toEqual(metadata);
    expect(pageMetadataSchema.safeParse({ ...metadata, titles: ['x'.repeat(10_000)] }).success).toBe(false);
    expect(pageMetadataSchema.safeParse({ ...metadata, html: '<script>' }).success).toBe(false);
  });

  it('learns nothing from a page that is not on the blog, whatever its canonical address claims', async () => {
    const memory = createMemoryStore();
    const elsewhere = 'https://mirror.example/blog/scaling/where-it-lives';
    const outcomes = await learnFromPage(metadataOf(html, elsewhere), elsewhere, {
      articles: ARTICLES,
      store: memory.store,
      now: NOW,
    });
    expect(outcomes).toEqual([{ kind: 'skipped', url: elsewhere, reason: 'not on webcoderspeed.com' }]);
    expect(memory.writes()).toBe(0);
  });

  it('uses the page’s own address when its canonical address is elsewhere', () => {
    const metadata = { ...metadataOf(html, PAGE_URL), url: null };
    expect(pageEvidence(metadata, PAGE_URL, NOW)?.url).toBe('https://webcoderspeed.com/blog/scaling/where-it-lives');
  });

  it('never takes another article’s address from the page’s markup (red-team finding)', async () => {
    // Any page of the blog could name another article as its canonical address, and so rewrite
    // that article's date, tags or title.
    const victim = ARTICLES.find((a) => a.url !== null)!;
    const memory = createMemoryStore();
    const attacker = 'https://webcoderspeed.com/blog/x/attacker-page';
    const metadata = { ...metadataOf(html, attacker), url: victim.url, titles: ['Injected'], published: '1999-01-01' };
    expect(pageEvidence(metadata, attacker, NOW)?.url).toBe(attacker);
    await learnFromPage(metadata, attacker, { articles: ARTICLES, store: memory.store, now: NOW });
    const card = applyOverlay(ARTICLES, memory.records()).find((a) => a.id === victim.id)!;
    expect(card.published).toBe(victim.published);
    expect(card.title).toBe(victim.title);
  });
});
