import { useRef, useState } from 'react';
import { loadEffectiveCatalog } from '@/lib/catalog-updates/current-catalog';
import { hasCopy } from '@/lib/db/copies';
import { setStatus } from '@/lib/db/items';
import { getAllItems } from '@/lib/db/queries';
import type { ItemStatus, SavedItem } from '@/lib/db/schema';
import { buildRows, type ListOrder, nextInList } from '@/lib/reading-list/list-query';

const STATUS_MESSAGES = {
  done: 'Marked as done.',
  archived: 'Archived.',
  reading: 'Back in your reading list.',
} as const;

/**
 * What the end of an article offers: mark it done, archive it, go on to the next item of the
 * queue, or of `list` (the reading list it was opened from, as the user left it; `onOpenItem` shows
 * it where the reader is), and a line saying what happened.
 */
export function useReaderActions(
  itemId: string,
  onOpenItem: (item: SavedItem, hasCopy: boolean) => void,
  list?: ListOrder,
) {
  const [message, setMessage] = useState<{ text: string; status?: ItemStatus } | null>(null);
  const inQueueBefore = useRef<'unread' | 'reading' | null>(null);
  return {
    /**
     * The line for the item's status now: what a status change here said holds only while the
     * status is still the one it set (another window may have changed it since).
     */
    messageFor(status: ItemStatus): string | null {
      return message && (!message.status || message.status === status) ? message.text : null;
    },
    /**
     * `reading` is "back in the list": to the status the item had before Done or Archive was pressed
     * here (QA pass: an unread page marked done by mistake came back as being read, at 0%).
     */
    async setStatusTo(status: 'done' | 'archived' | 'reading') {
      const next = status === 'reading' ? (inQueueBefore.current ?? 'reading') : status;
      // As stored when it changed (the view may not show reading's own change from unread yet).
      const before = (await setStatus([itemId], next)).previous.get(itemId);
      if (status !== 'reading' && (before === 'unread' || before === 'reading')) inQueueBefore.current = before;
      setMessage({ text: STATUS_MESSAGES[status], status: next });
    },
    async openNext() {
      const [{ items, progress }, catalog] = await Promise.all([getAllItems(), loadEffectiveCatalog()]);
      // The catalog the list reads: an article learned from the blog has its topic and tags there too.
      const next = nextInList(
        buildRows(items, progress, (id) => catalog.byId(id)),
        itemId,
        list,
      );
      if (!next) {
        setMessage({ text: 'Nothing else to read in your reading list.' });
        return;
      }
      onOpenItem(next.item, await hasCopy(next.item.id));
    },
  };
}
