import { useLiveQuery } from 'dexie-react-hooks';
import { ReaderContainer } from '@/components/reader/reader-container';
import { articleItemId } from '@/lib/db/ids';
import { getItem } from '@/lib/db/queries';
import type { SavedItem } from '@/lib/db/schema';

/**
 * An article this browser's catalog does not have. Saved, it is one Shelf learned from the blog on
 * another browser (sync brings the item, not what was learned): it opens as any saved page without
 * a copy here, with "Capture now", its tags, note and highlights. Otherwise it is gone.
 */
export function MissingArticle({
  articleId,
  onOpenItem,
}: {
  articleId: string;
  onOpenItem: (item: SavedItem, hasCopy: boolean) => void;
}) {
  const saved = useLiveQuery(async () => (await getItem(articleItemId(articleId))) ?? null, [articleId]);
  if (saved === undefined) return <p aria-busy="true">Opening…</p>;
  if (saved) return <ReaderContainer key={saved.id} itemId={saved.id} place="panel" onOpenItem={onOpenItem} />;
  return (
    <p className="notice" role="alert">
      This article is no longer in Shelf’s library.
    </p>
  );
}
