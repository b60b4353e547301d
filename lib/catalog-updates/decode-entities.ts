/**
 * HTML entities in text that is not HTML: CMSes write them into JSON-LD (`Tom &amp; Jerry&#8217;s
 * guide`). A small table, not htmlparser2's (`decodeHtmlEntities` in html-text.ts, which the
 * background's feed reading uses), since the blog's content script reads JSON-LD too and stays light:
 * numeric references, the punctuation CMSes write, and Latin-1's letters. A name not listed stays as
 * written.
 */
const PUNCTUATION: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
};
const ACCENTS: Record<string, string> = {
  grave: '\u0300',
  acute: '\u0301',
  circ: '\u0302',
  tilde: '\u0303',
  uml: '\u0308',
  ring: '\u030A',
  cedil: '\u0327',
};

let named: Map<string, string> | undefined;
/** Built on first use, not at import. Latin-1's accented letters (`&eacute;`, `&Ouml;`): letter and mark, composed. */
function namedEntities(): Map<string, string> {
  if (named) return named;
  named = new Map(Object.entries(PUNCTUATION));
  for (const letter of 'aeiouycnAEIOUYCN') {
    for (const [accent, mark] of Object.entries(ACCENTS)) {
      const composed = `${letter}${mark}`.normalize('NFC');
      if (composed.length === 1 && composed.charCodeAt(0) <= 0xff) named.set(`${letter}${accent}`, composed);
    }
  }
  return named;
}

function codePoint(digits: string, radix: number): string {
  const code = Number.parseInt(digits, radix);
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : '\uFFFD';
}

/** One pass, so `&amp;amp;` is `&amp;`, as a browser would show it. Names are case-sensitive, as in HTML. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (entity, decimal, hex, name) => {
    if (decimal) return codePoint(decimal, 10);
    if (hex) return codePoint(hex, 16);
    return namedEntities().get(name) ?? entity;
  });
}
