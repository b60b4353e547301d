import { toIsoDate } from '@/lib/catalog-updates/dates';
import { feedText } from '@/lib/catalog-updates/html-text';
import { cleanText } from '@/lib/catalog-updates/text';
import { resolveUrl } from '@/lib/catalog-updates/urls';
import { child, childrenNamed, readXmlRecords, type XmlNode, type XmlRoot } from '@/lib/catalog-updates/xml-records';
import { clip } from '@/lib/search/shown-line';

/**
 * RSS 2.0 (and 1.0), Atom 1.0, sitemaps and sitemap indexes, read from XML text into what Shelf
 * learns from: each item's address, title, description, date, categories and authors. A document
 * that is not one of these, or is broken, gives a `FeedProblem` with a sentence for the report.
 */
export interface FeedItem {
  /** The item's link resolved against the feed (or `xml:base`); not yet checked to be on the blog. */
  url: string | null;
  title: string | null;
  description: string | null;
  published: string | null;
  /** Atom's `updated`: when the entry last changed, not when it was published. */
  updated: string | null;
  tags: string[];
  authors: string[];
  /** Whether the item carries the article's full text (`content:encoded`, Atom `content`). */
  hasContent: boolean;
}

export interface SitemapUrl {
  url: string;
  lastmod: string | null;
}

export type FeedDocument =
  | { format: 'rss' | 'atom'; items: FeedItem[]; total: number }
  | { format: 'sitemap'; urls: SitemapUrl[]; total: number }
  | { format: 'sitemap-index'; sitemaps: string[]; total: number };

export type FeedProblemKind = 'empty' | 'html' | 'not-xml' | 'malformed' | 'unknown-format';

export interface FeedProblem {
  kind: FeedProblemKind;
  message: string;
}

export type FeedReading = { ok: true; document: FeedDocument } | { ok: false; problem: FeedProblem };

export interface FeedLimits {
  maxFeedItems: number;
  maxSitemapUrls: number;
  maxChildSitemaps: number;
}

export const NS = {
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  googleSitemap: 'http://www.google.com/schemas/sitemap/0.84',
} as const;

const RSS_NS = ['', NS.rss1, NS.rss090];
const ATOM_NS = [NS.atom, NS.atom03];
const SITEMAP_NS = ['', NS.sitemap, NS.googleSitemap];
const MAX_TEXT = 1_000;

type Format = FeedDocument['format'];

function formatOf(root: XmlRoot): Format | null {
  if (root.name === 'rss' && root.ns === '') return 'rss';
  if (root.name === 'rdf' && root.ns === NS.rdf) return 'rss';
  if (root.name === 'feed' && (ATOM_NS as readonly string[]).includes(root.ns)) return 'atom';
  if (root.name === 'urlset' && SITEMAP_NS.includes(root.ns)) return 'sitemap';
  if (root.name === 'sitemapindex' && SITEMAP_NS.includes(root.ns)) return 'sitemap-index';
  return null;
}

const RECORD_NAME: Record<Format, string> = { rss: 'item', atom: 'entry', sitemap: 'url', 'sitemap-index': 'sitemap' };

const textOf = (node: XmlNode | undefined) => (node ? cleanText(node.text) || null : null);

/**
 * `defaultType` is the type a field has when it declares none: Atom's text constructs are text unless
 * they say otherwise, and so are RSS titles; a `<div>` named there is a word, not markup.
 */
function field(node: XmlNode | undefined, defaultType?: 'text', max = MAX_TEXT): string | null {
  if (!node) return null;
  // Unescaped markup inside the element (Atom `type="xhtml"`, or careless RSS) arrives as child elements.
  const text = node.children.length > 0 ? cleanText(node.allText) : feedText(node.text, node.attrs.type ?? defaultType);
  return text ? clip(text, max) : null;
}

function rssItem(item: XmlNode): FeedItem {
  const guid = child(item, 'guid', RSS_NS);
  const permalink = guid && guid.attrs.ispermalink?.toLowerCase() !== 'false' ? textOf(guid) : null;
  const link = textOf(child(item, 'link', RSS_NS)) ?? permalink ?? item.attrs['rdf:about'] ?? null;
  return {
    url: resolveUrl(link, item.base),
    title: field(child(item, 'title', RSS_NS), 'text'),
    description: field(child(item, 'description', RSS_NS)),
    published: toIsoDate(textOf(child(item, 'pubdate', RSS_NS)) ?? textOf(child(item, 'date', [NS.dc]))),
    updated: null,
    tags: [...childrenNamed(item, 'category', RSS_NS), ...childrenNamed(item, 'subject', [NS.dc])].flatMap(
      (category) => textOf(category) ?? [],
    ),
    authors: [...childrenNamed(item, 'creator', [NS.dc]), ...childrenNamed(item, 'author', RSS_NS)].flatMap(
      (author) => textOf(author) ?? [],
    ),
    hasContent: child(item, 'encoded', [NS.content]) !== undefined,
  };
}

function atomEntry(entry: XmlNode): FeedItem {
  const links = childrenNamed(entry, 'link', ATOM_NS);
  const alternate =
    links.find(
      (link) => (link.attrs.rel ?? 'alternate').toLowerCase() === 'alternate' && /html|^$/.test(link.attrs.type ?? ''),
    ) ?? links.find((link) => (link.attrs.rel ?? 'alternate').toLowerCase() === 'alternate');
  return {
    url: resolveUrl(alternate?.attrs.href ?? null, alternate?.base ?? entry.base),
    title: field(child(entry, 'title', ATOM_NS), 'text'),
    description: field(child(entry, 'summary', ATOM_NS), 'text'),
    published: toIsoDate(textOf(child(entry, 'published', ATOM_NS)) ?? textOf(child(entry, 'issued', ATOM_NS))),
    updated: toIsoDate(textOf(child(entry, 'updated', ATOM_NS)) ?? textOf(child(entry, 'modified', ATOM_NS))),
    tags: childrenNamed(entry, 'category', ATOM_NS).flatMap(
      (c) => cleanText(c.attrs.term ?? c.attrs.label ?? '') || [],
    ),
    authors: childrenNamed(entry, 'author', ATOM_NS).flatMap((a) => textOf(child(a, 'name', ATOM_NS)) ?? []),
    hasContent: child(entry, 'content', ATOM_NS) !== undefined,
  };
}

function limitFor(format: Format, limits: FeedLimits): number {
  if (format === 'sitemap') return limits.maxSitemapUrls;
  if (format === 'sitemap-index') return limits.maxChildSitemaps;
  return limits.maxFeedItems;
}

/** Reads a feed or sitemap; never throws. `documentUrl` resolves relative links. */
export function readFeedDocument(text: string, documentUrl: string, limits: FeedLimits): FeedReading {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start) return problem('empty', 'the response is empty');
  if (/^<!doctype\s+html|^<html[\s>]/i.test(start)) return problem('html', 'an HTML page, not a feed or sitemap');
  if (!start.startsWith('<')) return problem('not-xml', 'not XML (it does not start with a tag)');

  let format: Format | null = null;
  const read = readXmlRecords(start, {
    documentUrl,
    recordsOf(root) {
      format = formatOf(root);
      return format ? { name: RECORD_NAME[format], max: limitFor(format, limits) } : null;
    },
  });
  if (!read.root) return problem('not-xml', 'not XML (no root element)');
  if (read.root.name === 'html') return problem('html', 'an HTML page, not a feed or sitemap');
  const found = format as Format | null;
  if (!found) {
    const ns = read.root.ns ? ` in namespace ${read.root.ns}` : '';
    return problem('unknown-format', `not RSS, Atom or a sitemap (its root element is <${read.root.name}>${ns})`);
  }
  if (read.faults.length > 0) return problem('malformed', `malformed XML: ${read.faults.join('; ')}`);

  const { records, total } = read;
  if (found === 'rss') return { ok: true, document: { format: found, items: records.map(rssItem), total } };
  if (found === 'atom') return { ok: true, document: { format: found, items: records.map(atomEntry), total } };
  if (found === 'sitemap') {
    const urls = records.flatMap((record) => {
      const url = resolveUrl(textOf(child(record, 'loc', SITEMAP_NS)), documentUrl);
      return url ? [{ url, lastmod: toIsoDate(textOf(child(record, 'lastmod', SITEMAP_NS))) }] : [];
    });
    return { ok: true, document: { format: found, urls, total } };
  }
  const sitemaps = records.flatMap((record) => resolveUrl(textOf(child(record, 'loc', SITEMAP_NS)), documentUrl) ?? []);
  return { ok: true, document: { format: found, sitemaps, total } };
}

function problem(kind: FeedProblemKind, message: string): FeedReading {
  return { ok: false, problem: { kind, message } };
}
