import { useLiveQuery } from 'dexie-react-hooks';
import { useCatalog } from '@/components/hooks/use-catalog';
import { getTaggedItems } from '@/lib/db/annotations';
import { filterTagChoices } from '@/lib/popup/popup-results';

/**
 * The popup's tag filter choices: the tags of the articles users see (with those learned from the
 * blog) and the user's own, kept in step with the items.
 */
export function useFilterTagChoices(chosen: string | null): ReadonlyArray<readonly [string, number]> {
  const taggedItems = useLiveQuery(() => getTaggedItems(), []);
  const { catalog } = useCatalog();
  return filterTagChoices(taggedItems ?? [], chosen, catalog);
}
