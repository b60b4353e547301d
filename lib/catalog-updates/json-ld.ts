import { decodeEntities } from '@/lib/catalog-updates/decode-entities';

/**
 * The article a page describes in its JSON-LD (`BlogPosting`, `Article`, `NewsArticle`,
 * `TechArticle`), found at the top level, in arrays and in `@graph`, or nested (a `WebPage`'s
 * `mainEntity`). JSON-LD is JSON, yet CMSes write HTML entities into its text (`Tom &amp; Jerry&#8217;s
 * guide`): headlines, descriptions, keywords and names are decoded, once.
 */
export interface ArticleJsonLd {
  headline: string | null;
  description: string | null;
  datePublished: string | null;
  keywords: string[];
  authors: string[];
  /** `url`, else `mainEntityOfPage` (a string or an `@id`). */
  url: string | null;
}

export interface JsonLdReading {
  article: ArticleJsonLd | null;
  /** Blocks that were not valid JSON (ignored). */
  invalidBlocks: number;
}

const ARTICLE_TYPES = new Set(['article', 'blogposting', 'newsarticle', 'techarticle']);
const MAX_DEPTH = 6;
const MAX_NODES = 2_000;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `https://schema.org/BlogPosting`, `schema:BlogPosting` and `BlogPosting` are the same type. */
function typeNames(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, '').toLowerCase());
}

function decodedString(value: unknown): string | null {
  const text = firstString(value);
  return text === null ? null : decodeEntities(text).trim() || null;
}

/** A string, or the first in arrays nested at most MAX_DEPTH deep (a page's block may nest them 100,000 deep). */
function firstString(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value) && depth < MAX_DEPTH) {
    for (const item of value) {
      const found = firstString(item, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

function keywordList(value: unknown): string[] {
  // Split first: a comma written as `&#44;` belongs to its keyword.
  if (typeof value === 'string') return value.split(',').map(decodeEntities);
  if (Array.isArray(value)) return value.flatMap((item) => (typeof item === 'string' ? [decodeEntities(item)] : []));
  return [];
}

function authorNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((author) => {
    if (typeof author === 'string') return [decodeEntities(author)];
    if (isObject(author)) {
      const name = decodedString(author.name);
      return name ? [name] : [];
    }
    return [];
  });
}

function pageUrl(node: JsonObject): string | null {
  const url = firstString(node.url);
  if (url) return url;
  const main = node.mainEntityOfPage;
  if (typeof main === 'string') return main;
  return isObject(main) ? (firstString(main['@id']) ?? firstString(main.url)) : null;
}

/** Breadth first, so a top-level article wins over one nested in a list of related posts. */
function findArticleNode(roots: unknown[]): JsonObject | null {
  let level: unknown[] = roots;
  let visited = 0;
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth += 1) {
    const next: unknown[] = [];
    for (const value of level) {
      if (++visited > MAX_NODES) return null;
      if (Array.isArray(value)) {
        next.push(...value);
      } else if (isObject(value)) {
        if (typeNames(value).some((type) => ARTICLE_TYPES.has(type))) return value;
        for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) next.push(child);
      }
    }
    level = next;
  }
  return null;
}

export function readArticleJsonLd(blocks: readonly string[]): JsonLdReading {
  const roots: unknown[] = [];
  let invalidBlocks = 0;
  for (const block of blocks) {
    try {
      // Some sites wrap the JSON in an HTML comment or CDATA section.
      roots.push(JSON.parse(block.replace(/^\s*(<!--|<!\[CDATA\[)|(-->|\]\]>)\s*$/g, '')));
    } catch {
      invalidBlocks += 1;
    }
  }
  const node = findArticleNode(roots);
  if (!node) return { article: null, invalidBlocks };
  return {
    article: {
      headline: decodedString(node.headline) ?? decodedString(node.name),
      description: decodedString(node.description),
      datePublished: firstString(node.datePublished),
      keywords: keywordList(node.keywords),
      authors: authorNames(node.author),
      url: pageUrl(node),
    },
    invalidBlocks,
  };
}
