import Fuse from 'fuse.js';
import type { Article } from '@/lib/corpus/article';

export interface SearchHit {
  article: Article;
  /** 0 = perfect match, 1 = no match (Fuse's convention). */
  score: number;
}

/**
 * A plain Fuse.js search over title, tags, topic and summary. The search issue replaces this with a
 * ranked engine; the interface stays.
 */
export function createSimpleSearch(articles: readonly Article[]) {
  const fuse = new Fuse(articles, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'tags', weight: 2 },
      { name: 'topic', weight: 1 },
      { name: 'summary', weight: 1 },
    ],
    ignoreLocation: true,
    threshold: 0.4,
    includeScore: true,
    useExtendedSearch: false,
  });
  return {
    search(query: string, limit = 20): SearchHit[] {
      const text = query.trim();
      if (!text) return [];
      return fuse.search(text, { limit }).map((hit) => ({ article: hit.item, score: hit.score ?? 1 }));
    },
  };
}
