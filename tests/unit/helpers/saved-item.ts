import type { SavedItem } from '@/lib/db/schema';

/** A saved item as the database holds it: a page saved unread at time 0, untagged, with `fields` over that. */
export function savedItem(fields: Pick<SavedItem, 'id'> & Partial<SavedItem>): SavedItem {
  return {
    kind: 'page',
    articleId: null,
    url: null,
    title: fields.id,
    status: 'unread',
    tags: [],
    note: '',
    addedAt: 0,
    updatedAt: 0,
    changedAt: { status: 0, title: 0, tags: 0, note: 0 },
    ...fields,
  };
}
