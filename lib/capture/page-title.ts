/**
 * A page's title as Readability's next release reads it from `<title>`. Readability 0.6.0 takes " – "
 * and " — " for words, not separators: "Lorem ipsum – My website" kept the site's name, and "Evolve:
 * Shared Mutable History — …" was cut at its colon instead. Upstream now reads en and em dashes as it
 * reads " | " and " - " (mozilla/readability#960, commit 59689fa "Handle en and em dashes in titles");
 * this is that rule, until Shelf's Readability has it.
 */

/** The separators between a title's parts, upstream's list (| - – — \ / > »), to go in a character class. */
const SEPARATORS = '|\\-–—\\\\/>»';
const SEPARATOR = new RegExp(`\\s[${SEPARATORS}]\\s`, 'g');
const DASH_SEPARATOR = /\s[–—]\s/;
/** Separators of a path ("Docs / Guide"): a title cut to a few words there may still be whole. */
const HIERARCHICAL_SEPARATOR = /\s[\\/>»]\s/;
/** Readability's names of meta tags holding a title (0.6.0's patterns), whose content it keeps as written. */
const META_PROPERTY_TITLE = /\s*(article|dc|dcterm|og|twitter)\s*:\s*title\s*/i;
const META_NAME_TITLE = /^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?title\s*$/i;

const wordCount = (text: string) => text.split(/\s+/).length;

/**
 * Whether Readability may take the title from the page's metadata rather than its `<title>`: a meta tag
 * it reads, or JSON-LD (left to Readability whether or not it names the article).
 */
function hasMetadataTitle(doc: Document): boolean {
  for (const meta of doc.getElementsByTagName('meta')) {
    if (!meta.getAttribute('content')) continue;
    if (META_PROPERTY_TITLE.test(meta.getAttribute('property') ?? '')) return true;
    if (META_NAME_TITLE.test(meta.getAttribute('name') ?? '')) return true;
  }
  return [...doc.getElementsByTagName('script')].some(
    (script) => script.getAttribute('type') === 'application/ld+json',
  );
}

/**
 * Upstream's reading of a `<title>` with separators (`_getArticleTitle`): the last part dropped, or the
 * first (up to a separator between words) when that leaves fewer than three words; the whole title when four words or fewer are left
 * (unless only a path's last step was dropped).
 */
export function titleBySeparators(documentTitle: string): string {
  const whole = documentTitle.trim();
  const separators = [...whole.matchAll(SEPARATOR)];
  const last = separators.at(-1);
  if (!last) return whole;
  let title = whole.slice(0, last.index);
  // After the first separator between words: upstream cuts at the first separator character, which in
  // "Built-in Types — Python 3.11.2 documentation" is the hyphen of "Built-in" (QA pass: "in Types — …").
  const first = separators[0] as RegExpExecArray;
  if (wordCount(title) < 3) title = whole.slice(first.index + first[0].length);
  title = title.trim().replace(/\s{2,}/g, ' ');
  const words = wordCount(title);
  const hierarchical = HIERARCHICAL_SEPARATOR.test(whole);
  if (words <= 4 && (!hierarchical || words !== wordCount(whole.replace(SEPARATOR, '')) - 1)) return whole;
  return title;
}

/**
 * The title upstream's rule gives a page whose `<title>` has an en or em dash between words, where
 * Readability reads the title from `<title>` (no metadata title); null where 0.6.0 and upstream agree.
 * Read before Readability runs: it removes the page's scripts, JSON-LD among them.
 */
export function dashSeparatedTitle(doc: Document): string | null {
  const documentTitle = doc.title;
  if (typeof documentTitle !== 'string' || !DASH_SEPARATOR.test(documentTitle)) return null;
  return hasMetadataTitle(doc) ? null : titleBySeparators(documentTitle);
}

/**
 * The whole `<title>` of a page whose only ": " is inside brackets, where Readability keeps what follows
 * its last colon (QA pass on texinfo manuals: "Primitive Types (libffi: the portable foreign function
 * interface library)" was saved as "the portable foreign function interface library)"); null otherwise,
 * and where a metadata title or a separator decides.
 */
export function bracketedColonTitle(doc: Document): string | null {
  const documentTitle = typeof doc.title === 'string' ? doc.title.trim().replace(/\s+/g, ' ') : '';
  if (!documentTitle.includes(': ') || new RegExp(SEPARATOR.source).test(documentTitle)) return null;
  const outside = documentTitle.replace(/\([^()]*\)|\[[^[\]]*\]/g, '');
  if (outside.includes(':') || hasMetadataTitle(doc)) return null;
  return documentTitle;
}
