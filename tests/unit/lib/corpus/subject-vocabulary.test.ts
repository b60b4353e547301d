import { describe, expect, it } from 'vitest';
import modelJson from '@/assets/data/related-model.json';
import { ARTICLES } from '@/lib/corpus/catalog';
import { SUBJECT_VOCABULARY } from '@/lib/corpus/subject-vocabulary';
import { buildRelatedModel, type SerializedRelatedModel, subjectsFor, termsOfArticle } from '@/lib/related/model';
import { subjectTermsOfArticle } from '@/lib/related/subject-terms';
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

describe('the articles’ subject vocabulary (editorial data)', () => {
  it('covers every bundled article, and names no other', () => {
    expect(Object.keys(SUBJECT_VOCABULARY).sort()).toEqual(ARTICLES.map((article) => article.id).sort());
  });

  it('has 6–12 distinct, lowercase entries of at most three words per article', () => {
    for (const [id, words] of Object.entries(SUBJECT_VOCABULARY)) {
      expect(words.length, id).toBeGreaterThanOrEqual(6);
      expect(words.length, id).toBeLessThanOrEqual(12);
      expect(new Set(words).size, id).toBe(words.length);
      for (const word of words) {
        expect(word, id).toBe(word.toLowerCase());
        expect(word.trim().split(/\s+/).length, `${id}: ${word}`).toBeLessThanOrEqual(3);
      }
    }
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
    expect(buildRelatedModel(ARTICLES, { subjectTermsOf: subjectTermsOfArticle })).toEqual(modelJson);
  });

  it('a model rebuilt at run time keeps the bundled vectors by article, none for a learned article', () => {
    const bundled = modelJson as SerializedRelatedModel;
    const [first, second] = bundled.docIds as [string, string];
    const kept = subjectsFor([second, 'learned-from-the-blog', first], bundled);
    expect(kept.terms).toBe(bundled.subjects.terms);
    expect(kept.vectors).toEqual([bundled.subjects.vectors[1], [], bundled.subjects.vectors[0]]);
    expect(kept.vectors[0]!.length).toBeGreaterThan(0);
  });
});
