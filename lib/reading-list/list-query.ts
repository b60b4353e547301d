import type { Article } from '@/lib/corpus/article';
import type { ItemStatus, ReadingProgress, SavedItem } from '@/lib/db/schema';
import { normalizeText } from '@/lib/search/text';

/** A saved item as the reading list shows it: with its article (if bundled) and progress. */
export interface ListRow {
  item: SavedItem;
  article: Article | undefined;
  progress: number;
}

export type ListSort = 'added' | 'updated' | 'progress';

export interface ListQuery {
  status: ItemStatus | 'all';
  topic: string | null;
  tag: string | null;
  text: string;
  sort: ListSort;
}

export const DEFAULT_LIST_QUERY: ListQuery = { status: 'all', topic: null, tag: null, text: '', sort: 'added' };

export function buildRows(
  items: readonly SavedItem[],
  progress: readonly ReadingProgress[],
  getArticle: (id: string) => Article | undefined,
): ListRow[] {
  const fractions = new Map(progress.map((p) => [p.itemId, p.fraction]));
  return items.map((item) => ({
    item,
    article: item.articleId ? getArticle(item.articleId) : undefined,
    progress: fractions.get(item.id) ?? 0,
  }));
}

/** Filters and sorts rows; newest first for dates, furthest first for progress, ids break ties. */
export function queryRows(rows: readonly ListRow[], query: ListQuery): ListRow[] {
  const words = normalizeText(query.text).split(/\s+/).filter(Boolean);
  const filtered = rows.filter(({ item, article }) => {
    if (query.status !== 'all' && item.status !== query.status) return false;
    if (query.topic && article?.topic !== query.topic) return false;
    if (query.tag && !item.tags.includes(query.tag) && !article?.tags.includes(query.tag)) return false;
    if (words.length === 0) return true;
    const haystack = normalizeText(
      `${item.title} ${item.note} ${item.tags.join(' ')} ${article?.tags.join(' ') ?? ''}`,
    );
    return words.every((word) => haystack.includes(word));
  });
  const key = (row: ListRow) =>
    query.sort === 'added' ? row.item.addedAt : query.sort === 'updated' ? row.item.updatedAt : row.progress;
  return filtered.sort((a, b) => key(b) - key(a) || a.item.id.localeCompare(b.item.id));
}

export function countByStatus(rows: readonly ListRow[]): Record<ItemStatus | 'all', number> {
  const counts = { all: rows.length, unread: 0, reading: 0, done: 0, archived: 0 };
  for (const { item } of rows) counts[item.status]++;
  return counts;
}
