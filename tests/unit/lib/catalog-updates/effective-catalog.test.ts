import { describe, expect, it } from 'vitest';
import { getBundledCatalog, loadEffectiveCatalog } from '@/lib/catalog-updates/current-catalog';
import { createEffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import type { FieldSource, OverlayRecord } from '@/lib/catalog-updates/overlay-schema';
import { ARTICLES, getArticleLink } from '@/lib/corpus/catalog';
import { getBundledRelatedEngine, relatedEngineFor } from '@/lib/related/bundled';
import { findRelated } from '@/lib/related/find-related';
import { getBundledSearchEngine, searchEngineFor } from '@/lib/search/bundled';

const BLOG = 'https://webcoderspeed.com/blog/scaling';
const feed: FieldSource = { from: 'feed', url: 'https://webcoderspeed.com/rss.xml', learnedAt: Date.UTC(2026, 10, 30) };
const redisStreams = ARTICLES.find((a) => a.id.startsWith('redis-streams'))!;
const addressOnly: OverlayRecord = {
  kind: 'linked',
  id: redisStreams.id,
  matchedBy: 'description',
  fields: { url: { value: `${BLOG}/redis-streams-consumer-groups`, source: feed } },
};
const newArticle: OverlayRecord = {
  kind: 'learned',
  id: 'hedgehog-sharding',
  fields: {
    url: { value: `${BLOG}/hedgehog-sharding`, source: feed },
    title: { value: 'Hedgehog Sharding: Splitting Hot Partitions While They Serve', source: feed },
    description: {
      value: 'Splitting a hot database partition without downtime: shard keys, rebalancing and replication lag.',
      source: feed,
    },
    tags: { value: ['Databases', 'sharding', 'postgres'], source: feed },
  },
};

describe('the effective catalog: bundled articles plus what was learned from the blog', () => {
  it('is the bundle when nothing was learned, and reuses the prebuilt search index and related model', () => {
    const catalog = createEffectiveCatalog(ARTICLES, []);
    expect(catalog.articles.map((a) => a.id)).toEqual(ARTICLES.map((a) => a.id));
    expect(catalog.searchTextChanged).toBe(false);
    expect(
      searchEngineFor(catalog)
        .search('thundering herd')
        .results.map((r) => r.article.id),
    ).toEqual(
      getBundledSearchEngine()
        .search('thundering herd')
        .results.map((r) => r.article.id),
    );
  });

  it('opens an article where it lives once the blog gave its address: search returns it with the address', () => {
    expect(getArticleLink(redisStreams).isSearch).toBe(true);
    const catalog = createEffectiveCatalog(ARTICLES, [addressOnly]);
    // An address changes nothing searchable: the prebuilt index still describes the catalog.
    expect(catalog.searchTextChanged).toBe(false);
    const found = searchEngineFor(catalog).search('redis streams consumer groups').results[0]?.article;
    expect(found?.id).toBe(redisStreams.id);
    expect(getArticleLink(found!)).toEqual({
      href: `${BLOG}/redis-streams-consumer-groups`,
      label: 'Open article',
      isSearch: false,
    });
    expect(catalog.byUrl('https://www.webcoderspeed.com/blog/scaling/redis-streams-consumer-groups/?utm=x')?.id).toBe(
      redisStreams.id,
    );
    expect(catalog.byId(redisStreams.id)?.learnedFields.url).toEqual(feed);
  });

  it('indexes a new article: found by a word of its title, related to and from the bundle', () => {
    const catalog = createEffectiveCatalog(ARTICLES, [addressOnly, newArticle]);
    expect(catalog.searchTextChanged).toBe(true);
    expect(searchEngineFor(catalog).search('hedgehog').results[0]?.article.id).toBe('hedgehog-sharding');
    expect(getBundledSearchEngine().search('hedgehog').results).toEqual([]);
    const related = relatedEngineFor(catalog);
    expect(related.relatedToArticle('hedgehog-sharding')).toHaveLength(5);
    expect(getBundledRelatedEngine().relatedToArticle('hedgehog-sharding')).toEqual([]);
    // Find related over the same catalog: a selection naming it finds it.
    expect(findRelated('hedgehog sharding', { catalog }).articles[0]?.id).toBe('hedgehog-sharding');
    expect(catalog.byUrl(`${BLOG}/hedgehog-sharding`)?.learned).toBe(true);
  });

  it('ranks the bundled articles by their subject vocabulary in a model rebuilt for a new article', () => {
    // Without the vocabulary, "Slow Queries at Scale" comes first: "sequential scan", "query planner",
    // "sargable predicate" and "cardinality" are in the full-table-scan article's vocabulary only.
    const text = 'database sequential scan explain analyze query planner sargable predicate cardinality';
    const top = (engine: ReturnType<typeof relatedEngineFor>) => engine.related(text).results[0]?.article.id;
    expect(top(getBundledRelatedEngine())).toBe('accidental-full-table-scan');
    expect(top(relatedEngineFor(createEffectiveCatalog(ARTICLES, [newArticle])))).toBe('accidental-full-table-scan');
  });

  it('builds each catalog’s engines once', () => {
    const catalog = createEffectiveCatalog(ARTICLES, [newArticle]);
    expect(searchEngineFor(catalog)).toBe(searchEngineFor(catalog));
    expect(relatedEngineFor(catalog)).toBe(relatedEngineFor(catalog));
  });
});

describe('loading the effective catalog', () => {
  it('gives the same object while the overlay is unchanged, a new one when it changes', async () => {
    let overlay: OverlayRecord[] = [addressOnly];
    const first = await loadEffectiveCatalog(async () => overlay);
    expect(await loadEffectiveCatalog(async () => [...overlay])).toBe(first);
    overlay = [addressOnly, newArticle];
    const second = await loadEffectiveCatalog(async () => overlay);
    expect(second).not.toBe(first);
    expect(second.byId('hedgehog-sharding')).toBeDefined();
  });

  it('is the bundle when nothing was learned or the database cannot be read (a private window)', async () => {
    expect(await loadEffectiveCatalog(async () => [])).toBe(getBundledCatalog());
    expect(
      await loadEffectiveCatalog(async () => {
        throw new Error('IndexedDB unavailable');
      }),
    ).toBe(getBundledCatalog());
  });
});
