import { ReaderContainer } from '@/components/reader/reader-container';
import { StorageGate } from '@/components/storage-gate';
import { getArticleById, getArticleLink } from '@/lib/corpus/catalog';
import type { SavedItem } from '@/lib/db/schema';

/** Shows another item in this tab: its copy in the reader, or without one, its page. */
function openItem(item: SavedItem, hasCopy: boolean) {
  const article = item.articleId ? getArticleById(item.articleId) : undefined;
  if (hasCopy) location.search = `?reader=${encodeURIComponent(item.id)}`;
  else location.href = article ? getArticleLink(article).href : (item.url ?? location.href);
}

/** The full-tab reader (`sidepanel.html?reader=<item id>`): one saved item, nothing else. */
export function ReaderPage({ itemId }: { itemId: string }) {
  return (
    <main className="reader-page">
      <StorageGate>
        <ReaderContainer itemId={itemId} place="tab" onOpenItem={openItem} addressFragment={location.hash} />
      </StorageGate>
    </main>
  );
}
