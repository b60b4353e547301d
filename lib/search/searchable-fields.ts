import type { Article } from '@/lib/corpus/article';
import { getTopicLabel } from '@/lib/corpus/topics';

/** What of an article search and related articles read, by how much each part says about it. */
export interface SearchableFields {
  title: string;
  /** Tags (Shelf's and the blog's own) and the topic's label. */
  keywords: string;
  summary: string;
}

/** The one definition of an article's searchable text, shared by the search index and the related-articles model. */
export function searchableFields(article: Article): SearchableFields {
  const tags = [...article.tags, ...(article.catalogTags ?? [])].join(' ');
  return { title: article.title, keywords: `${tags} ${getTopicLabel(article.topic)}`, summary: article.summary };
}
