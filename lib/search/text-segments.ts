import type { PlacedTerms } from '@/lib/search/text';

/**
 * Where a saved page's text says a word, coarsely: a bitmask of the stretches (segments) of the text
 * holding it, one 32-bit integer a posting, so that a search can ask whether a page says the query's
 * words near one another without keeping word positions (a long page says any two everyday words
 * somewhere: "fit", "fold" and "sheet" chapters apart in a novella).
 */
export const TEXT_SEGMENTS = 32;
/**
 * The shortest segment, in characters of normalized text: about 200 words of English. A longer text
 * has longer segments (its length over TEXT_SEGMENTS), not wrapped ones: a bit then still says where
 * in the text, and "near" stays near (at 17,000 words, within about 1,100).
 */
export const SEGMENT_CHARS = 1200;
/** A term's mask when a field other than the text holds it (title, tags, note…): near every other word. */
export const IN_EVERY_SEGMENT = -1;
/**
 * A term of the text said in all 32 segments, told apart from one of another field: all but the last
 * (still near every word, through the stretch of the last two segments), so that it counts as one word
 * of the text, which the others must be near as well.
 */
const THROUGHOUT_THE_TEXT = ~(1 << (TEXT_SEGMENTS - 1));

/** Each term's segments of a text (bit s: the term is in segment s). */
export function segmentMasks({ terms, starts, length }: PlacedTerms): Map<string, number> {
  const size = Math.max(SEGMENT_CHARS, Math.ceil(length / TEXT_SEGMENTS));
  const masks = new Map<string, number>();
  terms.forEach((term, at) => {
    const segment = Math.min(TEXT_SEGMENTS - 1, Math.floor((starts[at] as number) / size));
    masks.set(term, (masks.get(term) ?? 0) | (1 << segment));
  });
  for (const [term, mask] of masks) if (mask === IN_EVERY_SEGMENT) masks.set(term, THROUGHOUT_THE_TEXT);
  return masks;
}

/**
 * Whether one stretch of two neighbouring segments (two words at the end of one and the start of the
 * next are near) holds three quarters of these words (each by its mask of segments), two at least: all
 * of two or three, three of four. Two of three let a novella answer "how to fold a fitted sheet" (its
 * "fit" and "fold" in one note, "sheet" pages away); asking all of them lost two of the 48 library
 * queries' pages (`npm run eval`).
 */
export function holdsWordsNear(masks: readonly number[]): boolean {
  const needed = Math.max(2, Math.ceil(masks.length * 0.75));
  for (let segment = 0; segment < TEXT_SEGMENTS; segment++) {
    const stretch = segment === TEXT_SEGMENTS - 1 ? 1 << segment : 3 << segment;
    let count = 0;
    for (const mask of masks) if ((mask & stretch) !== 0) count++;
    if (count >= needed) return true;
  }
  return false;
}
