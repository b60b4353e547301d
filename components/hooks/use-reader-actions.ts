import { useState } from 'react';
import { getArticleById } from '@/lib/corpus/catalog';
import { getItemIdsWithCopies } from '@/lib/db/copies';
import { setStatus } from '@/lib/db/items';
import { getAllItems } from '@/lib/db/queries';
import type { SavedItem } from '@/lib/db/schema';
import { buildRows, nextInQueue } from '@/lib/reading-list/list-query';

const STATUS_MESSAGES = {
  done: 'Marked as done.',
  archived: 'Archived.',
  reading: 'Back in your reading list.',
} as const;

/**
 * What the end of an article offers: mark it done, archive it, go on to the next item of the
 * queue (`onOpenItem` shows it where the reader is), and a line saying what happened.
 */
export function useReaderActions(itemId: string, onOpenItem: (item: SavedItem, hasCopy: boolean) => void) {
  const [message, setMessage] = useState<string | null>(null);
  return {
    message,
    async setStatusTo(status: 'done' | 'archived' | 'reading') {
      await setStatus([itemId], status);
      setMessage(STATUS_MESSAGES[status]);
    },
    async openNext() {
      const { items, progress } = await getAllItems();
      const next = nextInQueue(buildRows(items, progress, getArticleById), itemId);
      if (!next) {
        setMessage('Nothing else to read in your reading list.');
        return;
      }
      const copies = await getItemIdsWithCopies([next.item.id]);
      onOpenItem(next.item, copies.has(next.item.id));
    },
  };
}
