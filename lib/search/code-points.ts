/**
 * Where a text's characters beyond the first plane (emoji, most of them) stand in its UTF-16 code
 * units. Its own module, without the search's data: anything that cuts text can use it (lib/annotations
 * too, which e2e tests load in Node, where the search's JSON data needs an import attribute).
 */

/** How many code units the character at `at` takes: 2 for a surrogate pair, else 1. */
export function codePointWidth(text: string, at: number): number {
  const code = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Whether `at` is the second half of a surrogate pair (a character beyond the first plane). */
export function isSecondHalfOfPair(text: string, at: number): boolean {
  return at >= 1 && codePointWidth(text, at - 1) === 2;
}
