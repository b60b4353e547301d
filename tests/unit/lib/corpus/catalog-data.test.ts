import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import articlesJson from '@/assets/data/articles.json';
import { catalogSchema } from '@/lib/corpus/article';
import { ARTICLES, getArticleById, getArticleByUrl, getArticleLink } from '@/lib/corpus/catalog';
import { CURATION } from '@/lib/corpus/curation';
import { buildCatalog, parseCatalogJsonl } from '@/lib/corpus/normalize';
import { hasUpstreamCatalog, MISSING_SHARED_REASON, UPSTREAM_CATALOG } from '@/scripts/eval/shared-data';

describe('bundled catalog (assets/data/articles.json)', () => {
  it('validates as a whole against the article schema, with unique ids', () => {
    const result = catalogSchema.safeParse(articlesJson);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('accounts for every one of the 198 catalog lines exactly once', () => {
    expect(ARTICLES).toHaveLength(198);
    expect(ARTICLES.map((a) => a.corpusLine).sort((a, b) => a - b)).toEqual([...Array(198).keys()]);
  });

  it('links only to https://webcoderspeed.com (one host), never www', () => {
    for (const article of ARTICLES) {
      if (article.url) expect(article.url).toMatch(/^https:\/\/webcoderspeed\.com\/blog\/[a-z]+\/[a-z0-9-]+$/);
    }
  });

  it('offers a labelled site search, not a dead link, for articles without URL', () => {
    const withoutUrl = ARTICLES.filter((a) => a.url === null);
    expect(withoutUrl.length).toBeGreaterThan(100);
    for (const article of withoutUrl) {
      const link = getArticleLink(article);
      expect(link.label).toBe('Find on webcoderspeed.com');
      expect(decodeURIComponent(link.href)).toContain(`site:webcoderspeed.com ${article.title}`);
    }
  });

  it('handles the truncated summary and the two ambiguous summaries deliberately', () => {
    const truncated = ARTICLES.filter((a) => a.summaryTruncated);
    expect(truncated.map((a) => a.summary)).toEqual(['Poor error handling is the']);
    const ambiguous = ARTICLES.filter((a) => a.possibleMatches.length > 0);
    expect(ambiguous).toHaveLength(2);
    for (const article of ambiguous) {
      expect(article.url).toBeNull();
      expect(article.titleSource).toBe('written');
      expect(article.possibleMatches).toHaveLength(2);
    }
  });

  it('finds articles by id and by either host of their URL', () => {
    const stampede = getArticleById('thundering-herd-service-restart');
    expect(stampede?.title).toMatch(/Thundering Herd/);
    expect(getArticleByUrl('https://www.webcoderspeed.com/blog/scaling/thundering-herd-service-restart/?a=1#x')).toBe(
      stampede,
    );
    expect(getArticleByUrl('https://example.com/blog/scaling/thundering-herd-service-restart')).toBeUndefined();
  });
});

describe(hasUpstreamCatalog ? 'bundled catalog against upstream articles.jsonl' : MISSING_SHARED_REASON, () => {
  beforeEach((context) => context.skip(!hasUpstreamCatalog, MISSING_SHARED_REASON));
  const upstream = hasUpstreamCatalog ? parseCatalogJsonl(readFileSync(UPSTREAM_CATALOG, 'utf8')) : [];

  it('keeps every summary exactly as on the catalog line it came from', () => {
    for (const article of ARTICLES) {
      expect(article.summary).toBe(upstream[article.corpusLine]?.description);
    }
  });

  it('keeps real titles, tags, reading times and dates, and invents none', () => {
    for (const article of ARTICLES) {
      const line = upstream[article.corpusLine];
      expect(article.titleSource === 'catalog' ? article.title : null).toBe(line?.title);
      expect(article.readMinutes).toBe(line?.readMinutes);
      expect(article.published).toBe(line?.published);
      expect(article.catalogTags).toEqual(line?.tags);
    }
  });

  it('is exactly what `npm run catalog` generates (the committed file is not hand-edited)', () => {
    expect(buildCatalog(upstream, CURATION)).toEqual(ARTICLES);
  });
});
