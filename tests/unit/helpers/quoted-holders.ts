import type { QueryPhrase } from '@/lib/search/phrase';
import type { UserNote } from '@/lib/search/snippet';
import { readQuotedHolders } from '@/lib/search/unified';

/**
 * The items whose copy or notes hold every quoted phrase, as the popup and the reading list read them
 * (`readQuotedHolders`), from these maps and without pauses; undefined when nothing is quoted.
 */
export async function quotedHoldersIn(
  ids: readonly string[],
  texts: ReadonlyMap<string, string>,
  notes: ReadonlyMap<string, readonly UserNote[]>,
  quoted: readonly QueryPhrase[] | undefined,
): Promise<ReadonlySet<string> | undefined> {
  if (!quoted || quoted.length === 0) return undefined;
  const read = async () => ({ texts, notes });
  return (await readQuotedHolders(ids, quoted, read, { pause: () => Promise.resolve() })) ?? undefined;
}
