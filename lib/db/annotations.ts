import { getDatabase, type ShelfDatabase } from '@/lib/db/database';
import type { Highlight, SavedItem } from '@/lib/db/schema';

/** Reads of what the user added to items: tags in use, and items with tags, notes or highlights. */

export interface AnnotatedItem {
  item: SavedItem;
  highlights: Highlight[];
}

const byCreation = (a: Highlight, b: Highlight) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);
/**
 * As a reader meets them in the text, by where each starts (QA pass: listed and exported in the order
 * they were made, a highlight of the third paragraph came before the first's). One without a position
 * (an import's quote alone) comes after those with one; ties, and those, in the order they were made.
 */
const inReadingOrder = (a: Highlight, b: Highlight) =>
  (a.selectors.position?.start ?? Number.POSITIVE_INFINITY) -
    (b.selectors.position?.start ?? Number.POSITIVE_INFINITY) || byCreation(a, b);

/** Items that have a tag, a note or a highlight, oldest first, each with its highlights in reading order. */
export function getAnnotatedItems(db: ShelfDatabase = getDatabase()): Promise<AnnotatedItem[]> {
  return db.transaction('r', db.items, db.highlights, async () => {
    const [items, highlights] = await Promise.all([db.items.orderBy('addedAt').toArray(), db.highlights.toArray()]);
    const byItem = Map.groupBy(highlights, (highlight) => highlight.itemId);
    return items
      .map((item) => ({ item, highlights: (byItem.get(item.id) ?? []).sort(inReadingOrder) }))
      .filter(({ item, highlights }) => item.tags.length > 0 || item.note.trim() !== '' || highlights.length > 0);
  });
}

/** Every tag the user has put on an item, with how many items have it, by name. */
export async function getTagCounts(db: ShelfDatabase = getDatabase()): Promise<Array<{ tag: string; count: number }>> {
  const counts = new Map<string, number>();
  await db.items.orderBy('tags').eachKey((tag) => {
    const key = String(tag);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag));
}

/** The items the user has tagged: each one's tags, and the bundled article it is, if it is one. */
export async function getTaggedItems(
  db: ShelfDatabase = getDatabase(),
): Promise<Array<{ articleId: string | null; tags: string[] }>> {
  // Through the tags index: only tagged items are read (the popup asks as it opens), each once.
  const items = await db.items.orderBy('tags').distinct().toArray();
  return items.map(({ articleId, tags }) => ({ articleId: articleId ?? null, tags }));
}

/** One item with its highlights in reading order (what the card and the reader list), or undefined when not saved. */
export function getItemAnnotations(
  itemId: string,
  db: ShelfDatabase = getDatabase(),
): Promise<AnnotatedItem | undefined> {
  return db.transaction('r', db.items, db.highlights, async () => {
    const item = await db.items.get(itemId);
    if (!item) return undefined;
    const highlights = await db.highlights.where('itemId').equals(itemId).toArray();
    return { item, highlights: highlights.sort(inReadingOrder) };
  });
}
