/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese), as the
 * body of a regular-expression class: search reads each of their characters as a word (`tokenize`),
 * and a copy's reading time reads them by script (`lib/capture/reading-time.ts`). No imports: capture
 * and the reader use it as well as search.
 */
export const UNSPACED_SCRIPTS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';

/** Whether a text holds a character of such a script. */
export const UNSPACED = new RegExp(`[${UNSPACED_SCRIPTS}]`, 'u');

/** How many runs between spaces a text has: its words, in scripts written with spaces. */
export function countSpacedWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
