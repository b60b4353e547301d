import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Article } from '@/lib/corpus/article';

/** Fuse.js with default options over the articles' searchable fields (the issue's baseline). */
export function createFuseDefaultRanker(articles: readonly Article[]): (query: string) => string[] {
  const fuse = new Fuse(articles, { keys: ['title', 'summary', 'tags', 'topic'] });
  return (query) => fuse.search(query, { limit: 10 }).map((hit) => hit.item.id);
}

/** MiniSearch (BM25, fuzzy 0.2, prefix), the engine Shelf's search must beat. Comparison only. */
export function createMiniSearchRanker(articles: readonly Article[]): (query: string) => string[] {
  const mini = new MiniSearch<{ id: string; title: string; summary: string; tags: string; topic: string }>({
    fields: ['title', 'summary', 'tags', 'topic'],
    searchOptions: { boost: { title: 2, tags: 1.5 }, fuzzy: 0.2, prefix: true },
  });
  mini.addAll(
    articles.map((a) => ({ id: a.id, title: a.title, summary: a.summary, tags: a.tags.join(' '), topic: a.topic })),
  );
  return (query) =>
    mini
      .search(query)
      .slice(0, 10)
      .map((hit) => String(hit.id));
}
