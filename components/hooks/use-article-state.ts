import { useLiveQuery } from 'dexie-react-hooks';
import { getItemIdsWithCopies } from '@/lib/db/copies';
import { articleItemId } from '@/lib/db/ids';
import { getArticleState } from '@/lib/db/queries';

/**
 * What the user keeps of a bundled article, live: its saved item and progress, and whether it has
 * a readable copy (one imported from Omnivore, say). Undefined until read.
 */
export function useArticleState(articleId: string) {
  return useLiveQuery(async () => {
    const [state, copies] = await Promise.all([
      getArticleState(articleId),
      getItemIdsWithCopies([articleItemId(articleId)]),
    ]);
    return { ...state, hasCopy: state.item !== undefined && copies.has(state.item.id) };
  }, [articleId]);
}
