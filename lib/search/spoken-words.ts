import everydayDiscountsJson from '@/assets/data/everyday-discounts.json';
import { readDiscounts, type SerializedDiscounts, type WordWorth } from '@/lib/search/word-worth';

let worth: WordWorth | undefined;

/**
 * What words are worth in everyday speech (SUBTLEX-US, `assets/data/everyday-discounts.json`, built by
 * `npm run index`), read at first use.
 */
export function spokenWordWorth(): WordWorth {
  worth ??= readDiscounts(everydayDiscountsJson as SerializedDiscounts);
  return worth;
}

/** Whether everyday speech uses a term (a stem, as the index reads words): "poker", "tank", "mover". */
export function isSpokenWord(term: string): boolean {
  return spokenWordWorth().has(term);
}
