import { describe, expect, it } from 'vitest';
import { createCatalogMatcher, NEAR_MISS_SIMILARITY } from '@/lib/catalog-updates/matcher';
import { matchKey } from '@/lib/catalog-updates/text';
import type { Article } from '@/lib/corpus/article';
import { ARTICLES, getArticleById } from '@/lib/corpus/catalog';

const matcher = createCatalogMatcher(ARTICLES);
const BLOG = 'https://webcoderspeed.com/blog/scaling';
/** Articles whose summary is one article's own description (not cut off, not one of two pages). */
const LINKABLE = ARTICLES.filter((a) => !a.summaryTruncated && a.possibleMatches.length === 0);
const pageUrlOf = (article: Article) => article.url ?? `${BLOG}/page-of-${article.id}`;
const page = (url: string, descriptions: string[], titles: string[] = []) => ({ url, descriptions, titles });

/** Near misses made from a real summary: each is close to it, none is it. */
function nearMisses(summary: string): Record<string, string> {
  const words = summary.split(' ');
  const middle = Math.floor(words.length / 2);
  const changed = [...words];
  changed[middle] = changed[middle] === 'database' ? 'server' : 'database';
  return {
    'one word changed': changed.join(' '),
    truncated: words.slice(0, Math.max(3, Math.ceil(words.length * 0.6))).join(' '),
    'truncated with an ellipsis': `${words.slice(0, Math.ceil(words.length * 0.8)).join(' ')}…`,
    'an extra sentence': `${summary} Read on for the details.`,
    'one letter in another case': summary.replace(/\p{Lu}/u, (letter) => letter.toLowerCase()),
  };
}

describe('exact matches link', () => {
  it('the catalog’s summaries are distinct under the match key (so an exact match names one article)', () => {
    const keys = ARTICLES.map((a) => matchKey(a.summary));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(LINKABLE.map((a) => [a.id, a] as const))('%s: its own summary links it', (_id, article) => {
    expect(matcher.match(page(pageUrlOf(article), [article.summary]))).toEqual({
      kind: 'linked',
      articleId: article.id,
      by: article.url ? 'url' : 'description',
    });
  });

  it('links through typographic differences only: curly quotes, NBSP, dashes, spacing', () => {
    const article = getArticleById('abuse-of-public-endpoints')!;
    const typeset = article.summary
      .replace(/"([^"]+)"/g, '“$1”')
      .replace(/ /g, '\u00A0')
      .replace(/\. /g, '.  ');
    expect(typeset).not.toBe(article.summary);
    const noUrl = LINKABLE.find((a) => a.url === null && a.summary.includes('—'))!;
    const dashed = noUrl.summary.replace(/—/g, '–');
    expect(matcher.match(page(`${BLOG}/x`, [typeset]))).toMatchObject({ kind: 'ambiguous' });
    expect(matcher.match(page(article.url!, [typeset]))).toEqual({ kind: 'linked', articleId: article.id, by: 'url' });
    expect(matcher.match(page(`${BLOG}/y`, [dashed]))).toEqual({
      kind: 'linked',
      articleId: noUrl.id,
      by: 'description',
    });
  });

  it('links by the blog’s own title, never by a title Shelf wrote', () => {
    const blogTitled = ARTICLES.find((a) => a.titleSource === 'catalog' && a.url === null)!;
    expect(matcher.match(page(`${BLOG}/t`, [], [blogTitled.title]))).toEqual({
      kind: 'linked',
      articleId: blogTitled.id,
      by: 'title',
    });
    const written = ARTICLES.find((a) => a.titleSource === 'written' && !a.possibleMatches.length)!;
    expect(matcher.match(page(`${BLOG}/w`, [], [written.title]))).toEqual({ kind: 'none' });
  });

  it('never links the summary the listing cut off', () => {
    const cut = ARTICLES.find((a) => a.summaryTruncated)!;
    expect(matcher.match(page(`${BLOG}/poor-error-handling`, [cut.summary])).kind).not.toBe('linked');
  });
});

describe('near misses are named, never linked', () => {
  const cases = LINKABLE.flatMap((article) =>
    Object.entries(nearMisses(article.summary)).map(([how, text]) => [article.id, how, text] as const),
  );

  it.each(cases)('%s, %s', (id, _how, text) => {
    const match = matcher.match(page(`${BLOG}/somewhere-new`, [text]));
    expect(match.kind).toBe('near-miss');
    if (match.kind !== 'near-miss') return;
    expect(match.field).toBe('description');
    expect(match.closest.id).toBe(id);
    expect(match.closest.similarity).toBeGreaterThanOrEqual(NEAR_MISS_SIMILARITY);
    expect(match.closest.similarity).toBeLessThan(1.01);
  });

  it('names a near-miss title with its closest blog title', () => {
    const article = ARTICLES.find((a) => a.titleSource === 'catalog' && a.url === null)!;
    const match = matcher.match(page(`${BLOG}/t2`, [], [`${article.title}!`.replace(/ \w+ /, ' Other ')]));
    expect(match).toMatchObject({ kind: 'near-miss', field: 'title', closest: { id: article.id } });
  });

  it('says nothing for unrelated text', () => {
    const unrelated = 'A gardening diary: tomatoes, basil and the slugs that ate them all summer long.';
    expect(matcher.match(page(`${BLOG}/garden`, [unrelated], ['Tomatoes']))).toEqual({ kind: 'none' });
  });
});

describe('ambiguity is reported, never resolved by guessing', () => {
  const twin = (id: string, summary: string): Article => ({ ...ARTICLES[0]!, id, url: null, summary, corpusLine: 0 });

  it('a description that matches two articles links neither', () => {
    const shared = 'One listing text that two catalog entries share.';
    const twins = createCatalogMatcher([twin('first-twin', shared), twin('second-twin', shared)]);
    expect(twins.match(page(`${BLOG}/t`, [shared]))).toEqual({
      kind: 'ambiguous',
      articleIds: ['first-twin', 'second-twin'],
      reason: 'its description matches 2 articles',
    });
  });

  it('text that points at two different articles links neither', () => {
    const [a, b] = LINKABLE.filter((x) => x.url === null && x.titleSource === 'catalog');
    expect(matcher.match(page(`${BLOG}/mixed`, [a!.summary], [b!.title]))).toMatchObject({
      kind: 'ambiguous',
      articleIds: [a!.id, b!.id],
    });
    const withUrl = LINKABLE.find((x) => x.url)!;
    expect(matcher.match(page(withUrl.url!, [a!.summary]))).toMatchObject({
      kind: 'ambiguous',
      articleIds: [withUrl.id, a!.id],
    });
  });

  it('a description of an article that lives at another address does not move it', () => {
    const withUrl = LINKABLE.find((x) => x.url)!;
    expect(matcher.match(page(`${BLOG}/moved-copy`, [withUrl.summary]))).toEqual({
      kind: 'ambiguous',
      articleIds: [withUrl.id],
      reason: `it matches an article whose address is ${withUrl.url}`,
    });
  });

  it('the ClickHouse and database-branching summaries: a candidate page is named as one, any other page is ambiguous', () => {
    for (const article of ARTICLES.filter((a) => a.possibleMatches.length > 0)) {
      const [first, second] = article.possibleMatches;
      expect(matcher.match(page(first!.url, [article.summary], [first!.title]))).toEqual({
        kind: 'candidate',
        articleId: article.id,
        describes: true,
      });
      expect(matcher.match(page(second!.url, ['Some other description.'], [second!.title]))).toEqual({
        kind: 'candidate',
        articleId: article.id,
        describes: false,
      });
      expect(matcher.match(page(`${BLOG}/a-third-page`, [article.summary]))).toMatchObject({
        kind: 'ambiguous',
        articleIds: [article.id],
      });
    }
  });
});
