import { describe, expect, it } from 'vitest';
import { ARTICLES } from '@/lib/corpus/catalog';
import { SUBJECT_VOCABULARY } from '@/lib/corpus/subject-vocabulary';
import { subjectTermsOfArticle, termsOfArticle } from '@/lib/related/model';
import { analyzeField } from '@/lib/search/text';

/** Words any technical page uses, whatever its subject: in a vocabulary they would tie an article to every manual. */
const GENERIC = [
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

describe('the articles’ subject vocabulary (editorial data)', () => {
  it('covers every bundled article, and names no other', () => {
    expect(Object.keys(SUBJECT_VOCABULARY).sort()).toEqual(ARTICLES.map((article) => article.id).sort());
  });

  it('has 6–12 distinct, lowercase terms of at most three words per article', () => {
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

  it('never lists a word that any manual uses ("function", "module")', () => {
    const generic = new Set(GENERIC.flatMap((word) => analyzeField(word)));
    const found = Object.entries(SUBJECT_VOCABULARY).flatMap(([id, words]) =>
      words.filter((word) => generic.has(analyzeField(word).join(' '))).map((word) => `${id}: ${word}`),
    );
    expect(found).toEqual([]);
  });

  it('is read by the related-articles model apart from the article’s own words, which it does not change', () => {
    const article = ARTICLES.find((a) => a.id === 'memory-leaks-in-production-node-js-diagnose-profile-and-fix')!;
    expect(subjectTermsOfArticle(article)).toEqual(expect.arrayContaining(analyzeField('garbage collection')));
    expect(termsOfArticle(article)).not.toContain(analyzeField('garbage')[0]);
    // An article learned from the blog has no vocabulary yet.
    expect(subjectTermsOfArticle({ ...article, id: 'learned-from-the-blog' })).toEqual([]);
  });
});
