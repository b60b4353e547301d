import { comparableAddress } from '@/lib/net/same-page';

/**
 * A web address typed or pasted into search. People paste the address of a page they saved to find
 * it again: the page saved there is the answer, and the parts of an address that say nothing of a
 * page ("https", a query string, ".html") are not searched for (QA pass: "http" found every saved
 * page saying HTTP, "html" every page saying HTML, and https://v8.dev/blog/… listed its own page
 * only as loosely related).
 */

/** Endings of a page's file name that say how it was made, not what it is about. */
const PAGE_FILE_ENDING = /\.(?:html?|shtml|xhtml|php\d?|aspx?|jspx?|cfm|cgi)$/i;
/** A host as people type one without its scheme: names joined by dots, the last of letters only, or an IPv4 address. */
const BARE_HOST =
  /^(?:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(?:[/?#]|$)/i;
const SCHEME = /^https?:\/\//i;

/**
 * The address a query is, in comparable form, when the whole query is one web address: with its
 * scheme ("https://lwn.net/Articles/637114/") or without ("lwn.net/Articles/637114",
 * "www.bbc.com/news/…"). Null for anything else, a word with a dot among others included.
 */
export function addressOfQuery(query: string): string | null {
  const text = query.trim();
  if (text === '' || /\s/.test(text)) return null;
  if (SCHEME.test(text)) return comparableAddress(text);
  return BARE_HOST.test(text) ? comparableAddress(`http://${text}`) : null;
}

/**
 * The query's words with each address in it read as its host and path: without its scheme, query
 * string, #fragment and page-file ending ("https://www.nytimes.com/…/sudan-sanctions.html" is
 * searched for as "www.nytimes.com/…/sudan-sanctions"). Only words written with a scheme are read
 * so: "index.html" alone is a file name someone may be asking about.
 */
export function withoutAddressNoise(text: string): string {
  if (!/https?:\/\//i.test(text)) return text;
  return text.replace(/\bhttps?:\/\/(\S*)/gi, (_, rest: string) => {
    const hostAndPath = rest.split(/[?#]/)[0] ?? '';
    return hostAndPath.replace(/\/+$/, '').replace(PAGE_FILE_ENDING, '');
  });
}
