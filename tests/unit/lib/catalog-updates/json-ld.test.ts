import { describe, expect, it } from 'vitest';
import { readArticleJsonLd } from '@/lib/catalog-updates/json-ld';
import { PAGE_LIMITS } from '@/lib/catalog-updates/page-facts';

const block = (value: unknown) => JSON.stringify(value);

describe('readArticleJsonLd', () => {
  it('reads a top-level BlogPosting: headline, description, date, keywords as a string, one author', () => {
    const { article, invalidBlocks } = readArticleJsonLd([
      block({
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        headline: 'Cache Stampede',
        description: 'When the cache expires, everyone hits the database.',
        datePublished: '2026-11-30',
        keywords: 'redis, caching,ttl',
        author: { '@type': 'Person', name: 'Sam' },
        url: 'https://webcoderspeed.com/blog/scaling/cache-stampede',
      }),
    ]);
    expect(invalidBlocks).toBe(0);
    expect(article).toEqual({
      headline: 'Cache Stampede',
      description: 'When the cache expires, everyone hits the database.',
      datePublished: '2026-11-30',
      keywords: ['redis', ' caching', 'ttl'],
      authors: ['Sam'],
      url: 'https://webcoderspeed.com/blog/scaling/cache-stampede',
    });
  });

  it('finds the article inside @graph, an array of blocks, a type list or a full schema.org type URL', () => {
    const graph = {
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        { '@type': ['Thing', 'NewsArticle'], headline: 'In graph' },
      ],
    };
    expect(readArticleJsonLd([block(graph)]).article?.headline).toBe('In graph');
    const list = [{ '@type': 'BreadcrumbList' }, { '@type': 'https://schema.org/Article', name: 'Named only' }];
    expect(readArticleJsonLd([block(list)]).article?.headline).toBe('Named only');
    const nested = { '@type': 'WebPage', mainEntity: { '@type': 'TechArticle', headline: 'Nested' } };
    expect(readArticleJsonLd([block(nested)]).article?.headline).toBe('Nested');
  });

  it('prefers the page’s own article over one listed deeper (related posts)', () => {
    const page = {
      '@type': 'BlogPosting',
      headline: 'This page',
      hasPart: [{ '@type': 'BlogPosting', headline: 'A related post' }],
    };
    const related = { '@type': 'ItemList', itemListElement: [{ item: { '@type': 'BlogPosting', headline: 'Deep' } }] };
    expect(readArticleJsonLd([block(related), block(page)]).article?.headline).toBe('This page');
  });

  it('reads keywords as an array, several authors, and mainEntityOfPage as the address', () => {
    const { article } = readArticleJsonLd([
      block({
        '@type': 'Article',
        headline: ['First headline', 'Second'],
        keywords: ['a', 'b', 3],
        author: ['Ann', { name: 'Bo' }, { '@type': 'Organization' }],
        mainEntityOfPage: { '@id': 'https://webcoderspeed.com/blog/scaling/x' },
      }),
    ]);
    expect(article).toMatchObject({
      headline: 'First headline',
      keywords: ['a', 'b'],
      authors: ['Ann', 'Bo'],
      url: 'https://webcoderspeed.com/blog/scaling/x',
    });
  });

  it('counts invalid blocks, tolerates comment wrappers, and finds nothing where there is no article', () => {
    const wrapped = `<!--${block({ '@type': 'BlogPosting', headline: 'Wrapped' })}-->`;
    expect(readArticleJsonLd(['{ nope', wrapped])).toEqual({
      article: expect.objectContaining({ headline: 'Wrapped' }),
      invalidBlocks: 1,
    });
    expect(readArticleJsonLd([block({ '@type': 'Organization', name: 'X' }), 'null', '42'])).toEqual({
      article: null,
      invalidBlocks: 0,
    });
  });

  it('stops on pathological nesting instead of walking it all', () => {
    let deep: unknown = { '@type': 'BlogPosting', headline: 'Too deep' };
    for (let i = 0; i < 50; i += 1) deep = { child: deep };
    expect(readArticleJsonLd([block(deep)]).article).toBeNull();
    const wide = Array.from({ length: 5_000 }, () => ({ '@type': 'Thing' }));
    expect(readArticleJsonLd([block([...wide, { '@type': 'BlogPosting', headline: 'Late' }])]).article).toBeNull();
  });

  it('reads an article whose text is buried in arrays nested 99,000 deep (a 200,000-character block) as having none', () => {
    // Read recursively, it overflowed the stack: the catalog update stopped at that page, kept first for the next.
    const buried = `${'['.repeat(99_000)}"Buried"${']'.repeat(99_000)}`;
    const page = `{"@type":"BlogPosting","headline":${buried},"description":"Found"}`;
    expect(page.length).toBeLessThanOrEqual(PAGE_LIMITS.maxJsonLdChars);
    expect(readArticleJsonLd([page]).article).toMatchObject({ headline: null, description: 'Found' });
    expect(readArticleJsonLd([block({ '@type': 'BlogPosting', headline: [['Nested']] })]).article?.headline).toBe(
      'Nested',
    );
  });
});

// QA pass: headlines and descriptions kept the entities CMSes write into JSON-LD ("Tom &amp; Jerry&#8217;s guide").
describe('entities in JSON-LD text', () => {
  it('decodes them in the headline, description, keywords and authors', () => {
    const { article } = readArticleJsonLd([
      block({
        '@type': 'BlogPosting',
        headline: 'Tom &amp; Jerry&#8217;s guide',
        description: 'Why &lt;div&gt; soup &mdash; and &#x201C;divitis&#x201D; &hellip;',
        keywords: 'R&amp;D, Q&#38;A',
        author: [{ name: 'Ana &amp; Bo' }, 'Zo&euml;'],
        url: 'https://webcoderspeed.com/blog/a/b?x=1&amp;y=2',
      }),
    ]);
    expect(article).toMatchObject({
      headline: 'Tom & Jerry’s guide',
      description: 'Why <div> soup — and “divitis” …',
      keywords: ['R&D', ' Q&A'],
      authors: ['Ana & Bo', 'Zoë'],
      // An address is not text: kept as written.
      url: 'https://webcoderspeed.com/blog/a/b?x=1&amp;y=2',
    });
  });
});
