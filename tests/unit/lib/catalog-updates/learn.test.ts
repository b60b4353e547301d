import { describe, expect, it } from 'vitest';
import { type ArticleEvidence, createCatalogLearner } from '@/lib/catalog-updates/learn';
import { type FieldSource, type OverlayRecord, overlayRecordSchema } from '@/lib/catalog-updates/overlay-schema';
import { ARTICLES } from '@/lib/corpus/catalog';

const BLOG = 'https://webcoderspeed.com/blog/scaling';
const DAY = 86_400_000;
const fromPage = (url: string, day = 1): FieldSource => ({ from: 'page', url, learnedAt: day * DAY });
const fromFeed = (day = 1): FieldSource => ({
  from: 'feed',
  url: 'https://webcoderspeed.com/rss.xml',
  learnedAt: day * DAY,
});

function evidence(url: string, overrides: Partial<ArticleEvidence> = {}): ArticleEvidence {
  return {
    url,
    titles: ['A Title From the Blog'],
    descriptions: [],
    published: null,
    tags: [],
    source: fromPage(url),
    ...overrides,
  };
}

/** A bundled article with no address, whose title Shelf wrote. */
const noAddress = ARTICLES.find((a) => a.url === null && a.titleSource === 'written' && !a.possibleMatches.length)!;
const clickhouse = ARTICLES.find((a) => a.summary.startsWith('ClickHouse is a columnar database'))!;
const [candidateA, candidateB] = clickhouse.possibleMatches;

describe('linking a bundled article', () => {
  it('fills in address, title, date and tags from a page carrying its exact summary, each with its source', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    const url = `${BLOG}/the-real-slug`;
    const { outcomes, changes } = learner.learn(
      evidence(url, {
        titles: ['The Real Title'],
        descriptions: [noAddress.summary],
        published: '2026-11-30',
        tags: ['Redis', 'redis', 'Caching'],
      }),
    );
    expect(outcomes).toEqual([
      { kind: 'linked', url, articleId: noAddress.id, by: 'description', addressFilled: true, titleConfirmed: true },
    ]);
    const source = fromPage(url);
    expect(changes).toEqual({
      put: [
        {
          kind: 'linked',
          id: noAddress.id,
          matchedBy: 'description',
          fields: {
            url: { value: url, source },
            title: { value: 'The Real Title', source },
            description: { value: noAddress.summary, source },
            published: { value: '2026-11-30', source },
            tags: { value: ['redis', 'Caching'], source },
          },
        },
      ],
      remove: [],
    });
    expect(learner.knows(url)).toBe(true);
  });

  it('counts an address and a title once; a page’s value replaces a feed’s, an equal value keeps its first source', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    const url = `${BLOG}/the-real-slug`;
    learner.learn(evidence(url, { titles: ['Feed Title'], descriptions: [noAddress.summary], source: fromFeed(1) }));
    const again = learner.learn(
      evidence(url, { titles: ['Page Title'], descriptions: [noAddress.summary], source: fromPage(url, 2) }),
    );
    expect(again.outcomes[0]).toMatchObject({ kind: 'linked', addressFilled: false, titleConfirmed: false });
    const record = again.changes.put[0]!;
    expect(record.fields.title).toEqual({ value: 'Page Title', source: fromPage(url, 2) });
    expect(record.fields.url).toEqual({ value: url, source: fromFeed(1) });

    const older = learner.learn(
      evidence(url, { titles: ['Feed Title Again'], descriptions: [noAddress.summary], source: fromFeed(3) }),
    );
    expect(older.changes.put[0]!.fields.title?.value).toBe('Page Title');
  });

  it('keeps an address tied to its article when the page’s description later changes', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    const url = `${BLOG}/the-real-slug`;
    learner.learn(evidence(url, { descriptions: [noAddress.summary] }));
    const { outcomes } = learner.learn(evidence(url, { descriptions: ['Rewritten since.'], published: '2027-01-02' }));
    expect(outcomes).toEqual([
      { kind: 'linked', url, articleId: noAddress.id, by: 'url', addressFilled: false, titleConfirmed: false },
    ]);
    expect(learner.records()).toHaveLength(1);
  });

  it('does not move a linked article to a second page carrying the same summary', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    learner.learn(evidence(`${BLOG}/first`, { descriptions: [noAddress.summary] }));
    const { outcomes, changes } = learner.learn(evidence(`${BLOG}/second`, { descriptions: [noAddress.summary] }));
    expect(outcomes).toEqual([
      {
        kind: 'ambiguous',
        url: `${BLOG}/second`,
        articleIds: [noAddress.id],
        reason: `its article is already linked to ${BLOG}/first`,
      },
    ]);
    expect(changes).toEqual({ put: [], remove: [] });
  });

  it('does not link a near miss: names the closest article, and keeps the page as a new article', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    const url = `${BLOG}/close`;
    const { outcomes, changes } = learner.learn(
      evidence(url, { descriptions: [`${noAddress.summary} Plus one more sentence.`] }),
    );
    expect(outcomes).toEqual([
      {
        kind: 'near-miss',
        url,
        field: 'description',
        closest: { id: noAddress.id, title: noAddress.title, similarity: expect.any(Number) },
      },
      { kind: 'learned', url, id: 'close', isNew: true },
    ]);
    expect(changes.put.map((record) => [record.kind, record.id])).toEqual([['learned', 'close']]);
    expect(learner.records().some((record) => record.id === noAddress.id)).toBe(false);
  });

  it('learns nothing from a near-miss feed item: its page decides, as feeds cut descriptions', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    const url = `${BLOG}/cut-short`;
    const cut = `${noAddress.summary.slice(0, 120)}…`;
    const { outcomes, changes } = learner.learn(evidence(url, { descriptions: [cut], source: fromFeed() }));
    expect(outcomes).toEqual([{ kind: 'read-page', url }]);
    expect(changes).toEqual({ put: [], remove: [] });
    expect(learner.knows(url)).toBe(false);
  });
});

describe('learning a new article', () => {
  it('adds an article page the catalog does not know, with the slug of its address as id', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    const url = `${BLOG}/brand-new-article`;
    const first = learner.learn(
      evidence(url, { titles: ['Brand New'], descriptions: ['Something new.'], source: fromFeed() }),
    );
    expect(first.outcomes).toEqual([{ kind: 'learned', url, id: 'brand-new-article', isNew: true }]);
    expect(first.changes.put[0]).toMatchObject({ kind: 'learned', id: 'brand-new-article' });
    const second = learner.learn(evidence(url, { titles: ['Brand New'], descriptions: ['Something new.'] }));
    expect(second.outcomes).toEqual([{ kind: 'learned', url, id: 'brand-new-article', isNew: false }]);
  });

  it('takes the whole path as id when the last segment is a bundled article’s id', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    const url = `https://webcoderspeed.com/blog/nodejs/${noAddress.id}`;
    const { outcomes } = learner.learn(evidence(url));
    expect(outcomes).toEqual([{ kind: 'learned', url, id: `blog-nodejs-${noAddress.id}`, isNew: true }]);
  });

  it('skips what is not an article page, a page without a title, and a record it cannot validate', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    expect(learner.learn(evidence('https://webcoderspeed.com/tags/redis')).outcomes).toEqual([
      { kind: 'skipped', url: 'https://webcoderspeed.com/tags/redis', reason: 'not an article address' },
    ]);
    expect(learner.learn(evidence(`${BLOG}/untitled`, { titles: [] })).outcomes[0]).toMatchObject({
      kind: 'skipped',
      reason: 'the page names no title',
    });
    const insecure = evidence(`${BLOG}/insecure`, {
      source: { from: 'page', url: 'http://webcoderspeed.com/x', learnedAt: 1 },
    });
    expect(learner.learn(insecure).outcomes[0]).toMatchObject({ kind: 'skipped' });
    expect(learner.records()).toEqual([]);
  });

  it('turns a learned article into a link when its page later carries a bundled summary', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    const url = `${BLOG}/was-unknown`;
    learner.learn(evidence(url, { descriptions: ['Unrelated at first.'] }));
    const { outcomes, changes } = learner.learn(evidence(url, { descriptions: [noAddress.summary] }));
    expect(outcomes[0]).toMatchObject({ kind: 'linked', articleId: noAddress.id });
    expect(changes.remove).toEqual(['was-unknown']);
    expect(learner.records().map((r) => r.kind)).toEqual(['linked']);
  });
});

describe('a summary that fits two pages (ClickHouse)', () => {
  const describing = (url: string) => evidence(url, { descriptions: [clickhouse.summary] });
  const different = (url: string) => evidence(url, { descriptions: ['This page describes itself differently.'] });

  it('waits while only one candidate page is known, then links when the other is known to differ', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    const first = learner.learn(describing(candidateA!.url));
    expect(first.outcomes).toEqual([{ kind: 'waiting', url: candidateA!.url, articleId: clickhouse.id }]);
    expect(first.changes.put[0]).toMatchObject({ kind: 'candidate', candidateFor: clickhouse.id });

    const second = learner.learn(different(candidateB!.url));
    expect(second.outcomes).toEqual([
      { kind: 'learned', url: candidateB!.url, id: 'clickhouse-analytics-backend', isNew: true },
      {
        kind: 'linked',
        url: candidateA!.url,
        articleId: clickhouse.id,
        by: 'description',
        addressFilled: true,
        titleConfirmed: true,
      },
    ]);
    expect(second.changes.remove).toEqual(['clickhouse-analytics-2026']);
    expect(learner.records().map((r) => [r.kind, r.id])).toEqual([
      ['learned', 'clickhouse-analytics-backend'],
      ['linked', clickhouse.id],
    ]);
  });

  it('links at once when the other candidate page is already known to differ (in either order, across sessions)', () => {
    const before = createCatalogLearner(ARTICLES, []);
    before.learn(different(candidateA!.url));
    const after = createCatalogLearner(ARTICLES, before.records());
    expect(after.learn(describing(candidateB!.url)).outcomes).toEqual([
      expect.objectContaining({ kind: 'linked', url: candidateB!.url, articleId: clickhouse.id }),
    ]);
  });

  it('links neither when both candidate pages carry the summary', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    learner.learn(describing(candidateA!.url));
    const { outcomes } = learner.learn(describing(candidateB!.url));
    expect(outcomes).toEqual([
      {
        kind: 'ambiguous',
        url: candidateA!.url,
        articleIds: [clickhouse.id],
        reason: 'both of its candidate pages carry its summary',
      },
    ]);
    expect(learner.records().every((r) => r.kind === 'candidate')).toBe(true);
  });

  it('keeps every record it writes valid against the overlay schema', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    learner.learn(describing(candidateA!.url));
    learner.learn(different(candidateB!.url));
    learner.learn(
      evidence(`${BLOG}/x`, { tags: Array.from({ length: 100 }, (_, i) => `tag-${i}-${'x'.repeat(200)}`) }),
    );
    const records: OverlayRecord[] = learner.records();
    expect(records).toHaveLength(3);
    for (const record of records) expect(overlayRecordSchema.parse(record)).toEqual(record);
  });
});

describe('an article the blog moved to a new address', () => {
  const gone = () => false;
  const text = { titles: ['Vector Clocks Explained'], descriptions: ['Ordering events without a global clock.'] };

  it('moves a learned article only on its exact title and description, from an address no longer listed', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    learner.learn(evidence(`${BLOG}/vector-clocks`, text));
    const near = learner.learn(
      evidence(`${BLOG}/vector-clocks-2`, { ...text, titles: ['Vector Clocks, Explained!!'] }),
      gone,
    );
    expect(near.outcomes).toEqual([expect.objectContaining({ kind: 'learned', id: 'vector-clocks-2', isNew: true })]);
    const listed = learner.learn(evidence(`${BLOG}/vector-clocks-3`, text), (url) => url.endsWith('/vector-clocks'));
    expect(listed.outcomes).toEqual([expect.objectContaining({ kind: 'learned', id: 'vector-clocks-3', isNew: true })]);
  });

  it('moves neither of two learned articles with the same text', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    learner.learn(evidence(`${BLOG}/vector-clocks`, text));
    learner.learn(evidence(`${BLOG}/vector-clocks-again`, text));
    const third = learner.learn(evidence(`${BLOG}/vector-clocks-explained`, text), gone);
    expect(third.outcomes).toEqual([expect.objectContaining({ id: 'vector-clocks-explained', isNew: true })]);
  });

  it('moves a bundled article on its exact summary, not on its title alone', () => {
    const learner = createCatalogLearner(ARTICLES, []);
    learner.learn(evidence(`${BLOG}/linked-old`, { descriptions: [noAddress.summary] }));
    const moved = learner.learn(evidence(`${BLOG}/linked-new`, { descriptions: [noAddress.summary] }), gone);
    expect(moved.outcomes).toEqual([
      expect.objectContaining({
        kind: 'linked',
        articleId: noAddress.id,
        addressFilled: false,
        movedFrom: `${BLOG}/linked-old`,
      }),
    ]);
    expect(moved.changes.put[0]?.fields.url?.value).toBe(`${BLOG}/linked-new`);

    const byTitle = ARTICLES.find((a) => a.titleSource === 'catalog' && !a.url && !a.possibleMatches.length)!;
    learner.learn(evidence(`${BLOG}/titled-old`, { titles: [byTitle.title] }));
    const kept = learner.learn(evidence(`${BLOG}/titled-new`, { titles: [byTitle.title] }), gone);
    expect(kept.outcomes).toEqual([expect.objectContaining({ kind: 'ambiguous', articleIds: [byTitle.id] })]);
  });
});
