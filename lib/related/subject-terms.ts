import type { Article } from '@/lib/corpus/article';
import { DOCUMENTATION_NEIGHBOURS } from '@/lib/corpus/documentation-neighbours';
import { SUBJECT_VOCABULARY } from '@/lib/corpus/subject-vocabulary';
import { analyzeField } from '@/lib/search/text';

/**
 * An article's subject-vocabulary terms, word by word as the model reads them ("schema file" is
 * "schema" and "file"; a word many vocabularies share weighs little by its idf). None for an article
 * learned from the blog. Build time only (`npm run index`): the extension ships the vectors, not the
 * vocabulary.
 */
export function subjectTermsOfArticle(article: Pick<Article, 'id'>): string[] {
  return analyzeField((SUBJECT_VOCABULARY[article.id] ?? []).join(', '));
}

/** An article's documentation-neighbour terms, read as the subject vocabulary is. Build time only. */
export function neighbourTermsOfArticle(article: Pick<Article, 'id'>): string[] {
  return analyzeField((DOCUMENTATION_NEIGHBOURS[article.id] ?? []).join(', '));
}
