import { describe, expect, it } from 'vitest';
import { applyOverlay, NOT_IN_CORPUS } from '@/lib/catalog-updates/apply-overlay';
import { type FieldSource, type OverlayRecord, overlayRecordSchema } from '@/lib/catalog-updates/overlay-schema';
import { ARTICLES } from '@/lib/corpus/catalog';
import { buildSearchIndex, toSearchDocument } from '@/lib/search/build-index';
import { createSearchEngine } from '@/lib/search/engine';

const BLOG = 'https://webcoderspeed.com/blog/scaling';
const feed: FieldSource = { from: 'feed', url: 'https://webcoderspeed.com/rss.xml', learnedAt: Date.UTC(2026, 10, 30) };
const page = (url: string): FieldSource => ({ from: 'page', url, learnedAt: Date.UTC(2026, 11, 1) });

const written = ARTICLES.find((a) => a.url === null && a.titleSource === 'written' && !a.possibleMatches.length)!;
const blogTitled = ARTICLES.find((a) => a.url !== null && a.titleSource === 'catalog')!;
const clickhouse = ARTICLES.find((a) => a.possibleMatches.length > 0)!;

const overlay: OverlayRecord[] = [
  {
    kind: 'linked',
    id: written.id,
    matchedBy: 'description',
    fields: {
      url: { value: `${BLOG}/real-address`, source: feed },
      title: { value: 'The Blog’s Own Title', source: page(`${BLOG}/real-address`) },
      description: { value: written.summary, source: feed },
      published: { value: '2026-10-01', source: feed },
      tags: { value: ['Backend', 'Connection Pools', 'postgres'], source: feed },
    },
  },
  {
    kind: 'linked',
    id: blogTitled.id,
    matchedBy: 'url',
    fields: {
      url: { value: blogTitled.url!, source: page(blogTitled.url!) },
      title: { value: 'A Retitled Version', source: page(blogTitled.url!) },
      published: { value: '2026-09-09', source: page(blogTitled.url!) },
    },
  },
  {
    kind: 'linked',
    id: clickhouse.id,
    matchedBy: 'description',
    fields: { url: { value: clickhouse.possibleMatches[0]!.url, source: page(clickhouse.possibleMatches[0]!.url) } },
  },
  {
    kind: 'learned',
    id: 'vector-clocks-explained',
    fields: {
      url: { value: `${BLOG}/vector-clocks-explained`, source: feed },
      title: { value: 'Vector Clocks Explained', source: feed },
      description: { value: 'Ordering events without a global clock.', source: feed },
      published: { value: '2026-11-29', source: feed },
      tags: { value: ['Distributed Systems', 'kafka'], source: feed },
    },
  },
  {
    kind: 'learned',
    id: 'an-untagged-one',
    fields: {
      url: { value: `${BLOG}/an-untagged-one`, source: feed },
      title: { value: 'Prompt Caching for LLM Agents', source: feed },
    },
  },
  {
    kind: 'learned',
    id: 'duplicate-of-bundled',
    fields: {
      url: { value: blogTitled.url!, source: feed },
      title: { value: 'Same address as a bundled one', source: feed },
    },
  },
  {
    kind: 'candidate',
    id: 'clickhouse-analytics-backend',
    candidateFor: clickhouse.id,
    fields: { url: { value: clickhouse.possibleMatches[1]!.url, source: feed } },
  },
];

describe('applyOverlay', () => {
  it('uses valid overlay records (the fixture itself)', () => {
    for (const record of overlay) expect(overlayRecordSchema.parse(record)).toEqual(record);
  });

  it('never changes the bundled articles', () => {
    const before = structuredClone(ARTICLES);
    applyOverlay(ARTICLES, overlay);
    expect(ARTICLES).toEqual(before);
  });

  it('fills in a missing address, date and blog tags, and replaces a written title, naming each source', () => {
    const article = applyOverlay(ARTICLES, overlay).find((a) => a.id === written.id)!;
    expect(article).toMatchObject({
      url: `${BLOG}/real-address`,
      title: 'The Blog’s Own Title',
      titleSource: 'catalog',
      summary: written.summary,
      published: '2026-10-01',
      tags: written.tags,
      catalogTags: ['connection-pools', 'postgres'],
      learned: false,
      source: null,
      topicGuessed: false,
      learnedFields: { url: feed, title: page(`${BLOG}/real-address`), published: feed, tags: feed },
    });
  });

  it('keeps what the bundle already has from the blog: its address and its own title', () => {
    const article = applyOverlay(ARTICLES, overlay).find((a) => a.id === blogTitled.id)!;
    expect(article).toMatchObject({ url: blogTitled.url, title: blogTitled.title, published: '2026-09-09' });
    expect(Object.keys(article.learnedFields)).toEqual(['published']);
  });

  it('drops the two candidates of a resolved ambiguous article, and ignores pages still waiting as candidates', () => {
    const catalog = applyOverlay(ARTICLES, overlay);
    expect(catalog.find((a) => a.id === clickhouse.id)).toMatchObject({
      url: clickhouse.possibleMatches[0]!.url,
      possibleMatches: [],
    });
    expect(catalog.some((a) => a.id === 'clickhouse-analytics-backend')).toBe(false);
  });

  it('appends learned articles, marked as learned with their source and a guessed topic, after the bundle', () => {
    const catalog = applyOverlay(ARTICLES, overlay);
    expect(catalog).toHaveLength(ARTICLES.length + 2);
    expect(catalog.slice(0, ARTICLES.length).map((a) => a.id)).toEqual(ARTICLES.map((a) => a.id));
    expect(catalog.slice(ARTICLES.length)).toEqual([
      expect.objectContaining({ id: 'an-untagged-one', topic: 'ai-llms', tags: [], catalogTags: null, summary: '' }),
      {
        id: 'vector-clocks-explained',
        title: 'Vector Clocks Explained',
        titleSource: 'catalog',
        summary: 'Ordering events without a global clock.',
        summaryTruncated: false,
        topic: 'distributed-systems',
        tags: ['distributed-systems', 'kafka'],
        catalogTags: ['distributed-systems', 'kafka'],
        category: null,
        url: `${BLOG}/vector-clocks-explained`,
        possibleMatches: [],
        readMinutes: null,
        published: '2026-11-29',
        corpusLine: NOT_IN_CORPUS,
        learned: true,
        source: feed,
        learnedFields: { url: feed, title: feed, summary: feed, published: feed, tags: feed },
        topicGuessed: true,
      },
    ]);
  });

  it('lets the caller choose the topic of learned articles', () => {
    const catalog = applyOverlay(ARTICLES, overlay, { topicOf: () => 'career' });
    expect(catalog.filter((a) => a.learned).map((a) => a.topic)).toEqual(['career', 'career']);
  });

  it('feeds search: a learned article is found by a word of its title, a learned title replaces a written one', () => {
    const catalog = applyOverlay(ARTICLES, overlay);
    const engine = createSearchEngine(buildSearchIndex(catalog.map(toSearchDocument)), catalog);
    expect(engine.search('vector clocks').results[0]?.article.id).toBe('vector-clocks-explained');
    expect(engine.search('blog’s own title').results[0]?.article.id).toBe(written.id);
  });
});
