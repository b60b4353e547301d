import { describe, expect, it } from 'vitest';
import modelJson from '@/assets/data/related-model.json';
import { ARTICLES } from '@/lib/corpus/catalog';
import { DOCUMENTATION_NEIGHBOURS } from '@/lib/corpus/documentation-neighbours';
import { SUBJECT_VOCABULARY } from '@/lib/corpus/subject-vocabulary';
import {
  buildRelatedModel,
  keptFor,
  rebuildRelatedModel,
  type SerializedRelatedModel,
  termsOfArticle,
} from '@/lib/related/model';
import { neighbourTermsOfArticle, subjectTermsOfArticle } from '@/lib/related/subject-terms';
import { analyzeField } from '@/lib/search/text';

/** Words any technical page uses, whatever its subject: an entry made only of them would tie its article to every manual. */
const GENERIC_TECHNICAL_WORDS = [
  'function',
  'class',
  'object',
  'module',
  'type',
  'value',
  'method',
  'file',
  'data',
  'system',
  'error',
  'api',
  'performance',
  'production',
  'server',
  'application',
  'code',
  'service',
  'user',
  'request',
  'example',
  'default',
  'option',
  'interface',
  'support',
  'version',
  'library',
  'framework',
  'python',
  'javascript',
  'typescript',
  'node',
  'tool',
  'use',
  'run',
  'build',
  'scale',
  'design',
  'issue',
  'problem',
];
const generic = new Set(GENERIC_TECHNICAL_WORDS.flatMap((word) => analyzeField(word)));

/** Each article's entries: `min` to `max` of them, distinct, lowercase, of at most three words, each also as `expectOfEach` says. */
function expectEntries(
  table: Record<string, readonly string[]>,
  min: number,
  max: number,
  expectOfEach: (id: string, word: string) => void = () => {},
) {
  for (const [id, words] of Object.entries(table)) {
    expect(words.length, id).toBeGreaterThanOrEqual(min);
    expect(words.length, id).toBeLessThanOrEqual(max);
    expect(new Set(words).size, id).toBe(words.length);
    for (const word of words) {
      expect(word, id).toBe(word.toLowerCase());
      expect(word.trim().split(/\s+/).length, `${id}: ${word}`).toBeLessThanOrEqual(3);
      expectOfEach(id, word);
    }
  }
}

describe('the articles’ documentation neighbours (editorial data)', () => {
  it('covers every bundled article, and names no other', () => {
    expect(Object.keys(DOCUMENTATION_NEIGHBOURS).sort()).toEqual(ARTICLES.map((article) => article.id).sort());
  });

  it('has 15–20 distinct, lowercase entries of at most three words per article, none only generic words', () => {
    expectEntries(DOCUMENTATION_NEIGHBOURS, 15, 20, (id, word) =>
      expect(
        analyzeField(word).every((term) => generic.has(term)),
        `${id}: ${word}`,
      ).toBe(false),
    );
  });

  it('gives the model each entry word by word, and nothing for an article learned from the blog', () => {
    const article = ARTICLES.find((a) => a.id === 'product-launch-no-load-testing')!;
    expect(neighbourTermsOfArticle(article)).toEqual(expect.arrayContaining(analyzeField('pgbench')));
    expect(termsOfArticle(article)).not.toContain(analyzeField('pgbench')[0]);
    expect(neighbourTermsOfArticle({ id: 'learned-from-the-blog' })).toEqual([]);
  });
});

describe('the articles’ subject vocabulary (editorial data)', () => {
  it('covers every bundled article, and names no other', () => {
    expect(Object.keys(SUBJECT_VOCABULARY).sort()).toEqual(ARTICLES.map((article) => article.id).sort());
  });

  it('has 6–12 distinct, lowercase entries of at most three words per article', () => {
    expectEntries(SUBJECT_VOCABULARY, 6, 12);
  });

  it('has no entry made only of words any technical page uses ("function", "api versioning")', () => {
    const found = Object.entries(SUBJECT_VOCABULARY).flatMap(([id, words]) =>
      words.filter((word) => analyzeField(word).every((term) => generic.has(term))).map((word) => `${id}: ${word}`),
    );
    expect(found).toEqual([]);
  });

  it('gives the model each entry word by word ("schema file" is "schema" and "file")', () => {
    const article = ARTICLES.find((a) => (SUBJECT_VOCABULARY[a.id] ?? []).includes('schema file'))!;
    expect(subjectTermsOfArticle(article)).toEqual(expect.arrayContaining(analyzeField('schema file')));
  });

  it('is read apart from the article’s own words, which it does not change', () => {
    const article = ARTICLES.find((a) => a.id === 'memory-leaks-in-production-node-js-diagnose-profile-and-fix')!;
    expect(subjectTermsOfArticle(article)).toEqual(expect.arrayContaining(analyzeField('garbage collection')));
    expect(termsOfArticle(article)).not.toContain(analyzeField('garbage')[0]);
    expect(subjectTermsOfArticle({ id: 'learned-from-the-blog' })).toEqual([]);
  });

  it('the committed related model is exactly what the articles and their vocabulary build (never stale)', () => {
    expect(
      buildRelatedModel(ARTICLES, { subjectTermsOf: subjectTermsOfArticle, neighbourTermsOf: neighbourTermsOfArticle }),
    ).toEqual(modelJson);
  });

  it('a model rebuilt at run time keeps the bundled vectors by article, none for a learned article', () => {
    const bundled = modelJson as SerializedRelatedModel;
    const [first, second] = bundled.docIds as [string, string];
    const kept = keptFor([second, 'learned-from-the-blog', first], bundled, bundled.subjects);
    expect(kept.terms).toBe(bundled.subjects.terms);
    expect(kept.vectors).toEqual([bundled.subjects.vectors[1], [], bundled.subjects.vectors[0]]);
    expect(kept.vectors[0]!.length).toBeGreaterThan(0);
  });

  it('a model rebuilt at run time keeps the bundled documentation neighbours too (rebuildRelatedModel)', () => {
    const bundled = modelJson as SerializedRelatedModel;
    const [first, second] = ARTICLES as [(typeof ARTICLES)[number], (typeof ARTICLES)[number]];
    const learned = { ...first, id: 'learned-from-the-blog', url: 'https://example.test/learned' };
    const rebuilt = rebuildRelatedModel([second, learned, first], bundled, { withRelated: false });
    const row = (id: string) => bundled.docIds.indexOf(id);
    expect(rebuilt.neighbours.terms).toBe(bundled.neighbours.terms);
    expect(rebuilt.neighbours.vectors).toEqual([
      bundled.neighbours.vectors[row(second.id)],
      [],
      bundled.neighbours.vectors[row(first.id)],
    ]);
    expect(rebuilt.neighbours.vectors[0]?.length).toBeGreaterThan(0);
  });
});
