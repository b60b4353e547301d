import { useLiveQuery } from 'dexie-react-hooks';
import { getTaggedItems } from '@/lib/db/annotations';
import { filterTagChoices } from '@/lib/popup/popup-results';

/** The popup's tag filter choices: the blog's tags and the user's own, kept in step with the items. */
export function useFilterTagChoices(chosen: string | null): ReadonlyArray<readonly [string, number]> {
  const taggedItems = useLiveQuery(() => getTaggedItems(), []);
  return filterTagChoices(taggedItems ?? [], chosen);
}
