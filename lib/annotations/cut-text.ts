import { isSecondHalfOfPair } from '@/lib/search/code-points';

/**
 * Limits count UTF-16 code units (as the schemas' `.max` does), but a cut must not fall between the
 * two halves of a character outside the BMP: a 63-letter tag and an emoji kept half the emoji, a
 * lone surrogate shown as "�" and refused by `encodeURIComponent` (QA pass).
 */

/** `text` cut to at most `max` code units, one fewer when the cut would split a character. */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, isSecondHalfOfPair(text, max) ? max - 1 : max);
}
