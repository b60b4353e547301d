import { describe, expect, it } from 'vitest';
import { ARTICLES } from '@/lib/corpus/catalog';
import { termsOfArticle } from '@/lib/related/model';
import { toSearchDocument } from '@/lib/search/build-index';
import { searchableFields } from '@/lib/search/searchable-fields';
import { analyzeField } from '@/lib/search/text';

describe('searchableFields (shared by search and related articles)', () => {
  const article = ARTICLES.find((a) => a.catalogTags && a.catalogTags.length > 0)!;

  it('reads the title, every tag (Shelf’s and the blog’s) with the topic’s label, and the summary', () => {
    const fields = searchableFields(article);
    expect(fields.title).toBe(article.title);
    expect(fields.summary).toBe(article.summary);
    for (const tag of [...article.tags, ...article.catalogTags!]) expect(fields.keywords).toContain(tag);
    expect(fields.keywords).toMatch(/[A-Z]/); // the topic's label, not its id
  });

  it('is what the search index and the related-articles model both read', () => {
    const fields = searchableFields(article);
    expect(toSearchDocument(article)).toEqual({ id: article.id, ...fields });
    const terms = new Set(termsOfArticle(article));
    for (const field of [fields.title, fields.keywords, fields.summary])
      for (const term of analyzeField(field)) expect(terms).toContain(term);
  });
});
