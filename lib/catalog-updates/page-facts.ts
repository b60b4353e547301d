/**
 * What a page says about itself, read the same way from a live `Document` (the content script on
 * the blog) or from raw HTML (`page-facts-html.ts`, for the service worker, which has no DOM).
 * `page-metadata.ts` turns these facts into metadata; nothing here interprets them.
 */
export interface PageFacts {
  /** The address the page was loaded from. */
  url: string;
  /** Where its relative links resolve: `<base href>`, else `url`. */
  baseUrl: string;
  /** The first `<title>` outside SVG, as written. */
  title: string | null;
  /** `<meta>` with a `name`, `property` or `itemprop` (lowercased) and a `content`. */
  metas: PageMeta[];
  links: PageLink[];
  /** The text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** True when the page was longer than `MAX_PAGE_CHARS` and only its start was read. */
  truncated: boolean;
}

export interface PageMeta {
  key: string;
  content: string;
}

export interface PageLink {
  /** Lowercased `rel` tokens. */
  rel: string[];
  href: string;
  type: string | null;
  title: string | null;
}

/** Bounds on what a page can make Shelf read: the metadata of an article page sits far below them. */
export const PAGE_LIMITS = {
  maxChars: 3_000_000,
  maxMetas: 400,
  maxLinks: 400,
  maxJsonLdBlocks: 20,
  maxJsonLdChars: 200_000,
  /**
   * Elements open at once: the HTML parser's stack costs time quadratic in it (600,000 unclosed
   * `<div>`s, 3 MB, held the service worker for minutes). A page's facts sit a few levels deep.
   */
  maxDepth: 10_000,
  /**
   * The sum of the depths elements open at: the parser shifts its whole stack at each element opened and
   * closed, so 9,990 open `<div>`s then 420,000 empty elements inside them (3 MB) took 5 s a page, and an
   * update reads up to 40 (review). A real page's facts cost well under a million.
   */
  maxNestingWork: 100_000_000,
} as const;

export function isJsonLdType(type: string | null | undefined): boolean {
  return (type ?? '').split(';')[0]?.trim().toLowerCase() === 'application/ld+json';
}

export function metaKey(attributes: { name?: string | null; property?: string | null; itemprop?: string | null }) {
  return (attributes.name || attributes.property || attributes.itemprop || '').trim().toLowerCase();
}

export function relTokens(rel: string | null | undefined): string[] {
  return (rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** Reads the facts of a live page (the content script's `document`). */
export function readPageFactsFromDocument(doc: Document, url: string = doc.URL): PageFacts {
  const metas: PageMeta[] = [];
  for (const meta of doc.querySelectorAll('meta')) {
    if (metas.length >= PAGE_LIMITS.maxMetas) break;
    const key = metaKey({
      name: meta.getAttribute('name'),
      property: meta.getAttribute('property'),
      itemprop: meta.getAttribute('itemprop'),
    });
    const content = meta.getAttribute('content');
    if (key && content !== null) metas.push({ key, content });
  }
  const links: PageLink[] = [];
  for (const link of doc.querySelectorAll('link[href]')) {
    if (links.length >= PAGE_LIMITS.maxLinks) break;
    links.push({
      rel: relTokens(link.getAttribute('rel')),
      href: link.getAttribute('href') ?? '',
      type: link.getAttribute('type'),
      title: link.getAttribute('title'),
    });
  }
  const jsonLd = [...doc.querySelectorAll('script')]
    .filter((script) => isJsonLdType(script.getAttribute('type')))
    .slice(0, PAGE_LIMITS.maxJsonLdBlocks)
    .map((script) => (script.textContent ?? '').slice(0, PAGE_LIMITS.maxJsonLdChars));
  const title = [...doc.getElementsByTagName('title')].find((element) => !element.closest('svg'));
  return {
    url,
    baseUrl: doc.baseURI || url,
    title: title?.textContent ?? null,
    metas,
    links,
    jsonLd,
    truncated: false,
  };
}
