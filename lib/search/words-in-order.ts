import { compareCodeUnits, lowerBoundBy } from '@/lib/search/sorted';

/** How many words added since the last sort are read one by one before they are merged in. */
const MAX_UNSORTED = 4096;

function isSorted(texts: readonly string[]): boolean {
  for (let at = 1; at < texts.length; at++) if ((texts[at - 1] as string) > (texts[at] as string)) return false;
  return true;
}

/**
 * The words a prefix begins, in a list that only grows (a library's typo words, whose ids are their
 * positions, so the list itself is never sorted): ids in the order of their texts, and the ones added
 * since read one by one until there are MAX_UNSORTED of them, then merged in. A list stored in order
 * (a snapshot's) is taken as it is, without a sort.
 */
export function createWordsInOrder(texts: readonly string[], isLive: (id: number) => boolean) {
  const storedInOrder = isSorted(texts);
  let order = new Int32Array(storedInOrder ? texts.length : 0);
  // A loop: an iterator over 200,000 keys takes 20 ms of a restore.
  for (let id = 0; id < order.length; id++) order[id] = id;
  let sortedUpTo = storedInOrder ? texts.length : 0;

  const byText = (a: number, b: number) => compareCodeUnits(texts[a] as string, texts[b] as string);

  function mergeNewer(): void {
    const newer = Int32Array.from({ length: texts.length - sortedUpTo }, (_, at) => sortedUpTo + at).sort(byText);
    const merged = new Int32Array(order.length + newer.length);
    let old = 0;
    let added = 0;
    let at = 0;
    while (old < order.length && added < newer.length)
      merged[at++] =
        byText(order[old] as number, newer[added] as number) <= 0
          ? (order[old++] as number)
          : (newer[added++] as number);
    merged.set(order.subarray(old), at);
    merged.set(newer.subarray(added), at + order.length - old);
    order = merged;
    sortedUpTo = texts.length;
  }

  /** Up to `limit` words in use that begin with `prefix`: the sorted ones in order, then the newer ones. */
  function wordsBeginning(prefix: string, limit: number): string[] {
    if (texts.length - sortedUpTo > MAX_UNSORTED) mergeNewer();
    const found: string[] = [];
    const first = lowerBoundBy(order.length, (at) => texts[order[at] as number] as string, prefix);
    for (let at = first; at < order.length && found.length < limit; at++) {
      const id = order[at] as number;
      const word = texts[id] as string;
      if (!word.startsWith(prefix)) break;
      if (isLive(id)) found.push(word);
    }
    for (let id = sortedUpTo; id < texts.length && found.length < limit; id++)
      if ((texts[id] as string).startsWith(prefix) && isLive(id)) found.push(texts[id] as string);
    return found;
  }

  return { wordsBeginning };
}
