/**
 * What words are worth (stem → 0..1, unlisted stems 1): everyday words by how common they are in
 * everyday speech (`npm run index`: assets/data/everyday-discounts.json), words of every manual by
 * how many documentation pages say them (`npm run documentation-words`:
 * assets/data/documentation-discounts.json). Related articles rank and match with both; search tells everyday
 * words from a subject's words with the first.
 */
export type WordWorth = ReadonlyMap<string, number>;

/** As stored: [share, "stem stem …"] pairs, one per share (scripts/cli/everyday-words.ts, documentation-words.ts). */
export type SerializedDiscounts = Array<[number, string]>;

/** Stored discounts as one map; a word listed in several counts the product of its shares. */
export function readDiscounts(...lists: SerializedDiscounts[]): WordWorth {
  const discounts = new Map<string, number>();
  for (const pairs of lists)
    for (const [share, stems] of pairs)
      for (const stem of stems.split(' ')) discounts.set(stem, (discounts.get(stem) ?? 1) * share);
  return discounts;
}
