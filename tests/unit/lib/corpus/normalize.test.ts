import { describe, expect, it } from 'vitest';
import { normalizeBlogUrl } from '@/lib/corpus/blog-url';
import type { CurationEntry } from '@/lib/corpus/curation';
import { buildCatalog, parseCatalogJsonl, type RawCatalogLine, slugify } from '@/lib/corpus/normalize';

const line = (overrides: Partial<RawCatalogLine>): RawCatalogLine => ({
  description: 'Connection pools run dry under load. Here is how to size them and what to monitor.',
  title: null,
  url: null,
  category: null,
  tags: null,
  readMinutes: null,
  published: null,
  evidence: [],
  ...overrides,
});

describe('normalizeBlogUrl', () => {
  it('puts both hosts on https://webcoderspeed.com and drops trailing slashes', () => {
    expect(normalizeBlogUrl('https://www.webcoderspeed.com/blog/scaling/x/')).toBe(
      'https://webcoderspeed.com/blog/scaling/x',
    );
    expect(normalizeBlogUrl('http://webcoderspeed.com/blog/nodejs/y?ref=1#top')).toBe(
      'https://webcoderspeed.com/blog/nodejs/y',
    );
  });

  it('refuses other sites', () => {
    expect(() => normalizeBlogUrl('https://evil.example/blog/scaling/x')).toThrow(/not a webcoderspeed/);
    expect(() => normalizeBlogUrl('https://webcoderspeed.com.evil.example/blog')).toThrow();
  });
});

describe('slugify', () => {
  it('makes lowercase ASCII slugs that keep meaning', () => {
    expect(slugify('Cache Stampede — When Your Cache Fix Breaks Everything')).toBe(
      'cache-stampede-when-your-cache-fix-breaks-everything',
    );
    expect(slugify('The N+1 Query Problem')).toBe('the-n-plus-1-query-problem');
    expect(slugify('Café Déjà Vu')).toBe('cafe-deja-vu');
  });
});

describe('buildCatalog', () => {
  const curation: CurationEntry[] = [
    { topic: 'databases', tags: ['connection-pool', 'postgresql'], title: 'Connection Pool Exhaustion' },
    { topic: 'performance', tags: ['cold-start'] },
  ];

  it('ids from URL slugs, else from titles; written titles are marked; generic tags dropped', () => {
    const [written, real] = buildCatalog(
      [
        line({}),
        line({
          title: 'Cold Start Latency',
          url: 'https://www.webcoderspeed.com/blog/scaling/cold-start-latency',
          tags: ['backend', 'serverless', 'performance'],
          readMinutes: 6,
        }),
      ],
      curation,
    );
    expect(written).toMatchObject({ id: 'connection-pool-exhaustion', titleSource: 'written', url: null });
    expect(real).toMatchObject({
      id: 'cold-start-latency',
      titleSource: 'catalog',
      url: 'https://webcoderspeed.com/blog/scaling/cold-start-latency',
      tags: ['cold-start', 'serverless', 'performance'],
      catalogTags: ['backend', 'serverless', 'performance'],
      readMinutes: 6,
    });
  });

  it('refuses a line with neither a catalog title nor a written one', () => {
    expect(() => buildCatalog([line({}), line({})], [{ topic: 'databases', tags: ['a', 'b'] }, curation[1]!])).toThrow(
      /no catalog title and no written title/,
    );
  });

  it('refuses duplicate ids', () => {
    expect(() =>
      buildCatalog(
        [line({}), line({})],
        [
          { topic: 'databases', tags: ['a', 'b'], title: 'Same' },
          { topic: 'databases', tags: ['a', 'b'], title: 'Same' },
        ],
      ),
    ).toThrow(/duplicate id/);
  });

  it('marks a summary the listing cut off', () => {
    const [article] = buildCatalog([line({ description: 'Poor error handling is the' })], [curation[0]!]);
    expect(article?.summaryTruncated).toBe(true);
  });
});

describe('parseCatalogJsonl', () => {
  it('names the line that does not fit the upstream format', () => {
    const good = JSON.stringify(line({}));
    expect(() => parseCatalogJsonl(`${good}\n{"description": 3}\n`)).toThrow(/line 2/);
  });
});
