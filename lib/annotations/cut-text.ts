/**
 * Limits count UTF-16 code units (as the schemas' `.max` does), but a cut must not fall between the
 * two halves of a character outside the BMP: a 63-letter tag and an emoji kept half the emoji, a
 * lone surrogate shown as "�" and refused by `encodeURIComponent` (QA pass).
 */

/** Whether the code unit at `index` is the second half of a surrogate pair. */
export function isInsidePair(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const at = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

/** `text` cut to at most `max` code units, one fewer when the cut would split a character. */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, isInsidePair(text, max) ? max - 1 : max);
}
