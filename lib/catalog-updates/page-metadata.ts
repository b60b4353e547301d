import type { BlogSite } from '@/lib/catalog-updates/blog-site';
import { toIsoDate } from '@/lib/catalog-updates/dates';
import { readArticleJsonLd } from '@/lib/catalog-updates/json-ld';
import type { PageFacts } from '@/lib/catalog-updates/page-facts';
import { cleanText } from '@/lib/catalog-updates/text';
import { clip } from '@/lib/search/shown-line';

/** What an article page says about itself, in the blog's own words. */
export interface PageMetadata {
  /** The page's address on the blog: its canonical URL when that is on the blog, else where it was loaded from. */
  url: string | null;
  /** The page's titles, best first: `og:title`, JSON-LD headline, `twitter:title`, `<title>` (site name cut). */
  titles: string[];
  /** Its descriptions, best first: `description`, `og:description`, `twitter:description`, JSON-LD. */
  descriptions: string[];
  published: string | null;
  tags: string[];
  authors: string[];
  /** JSON-LD names an article, or `og:type` is `article`. */
  isArticle: boolean;
  /** What was ignored and why, for the report. */
  notes: string[];
}

export const METADATA_LIMITS = { maxTitleChars: 300, maxDescriptionChars: 1_000, maxTags: 30, maxTagChars: 80 };

function distinct(values: Array<string | null | undefined>, maxChars: number): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const text = value ? clip(cleanText(value), maxChars) : '';
    if (text) seen.add(text);
  }
  return [...seen];
}

/** `Title | Site`, `Title - Site`, `Title — Site`, `Title · Site` → `Title`, for the site's own name only. */
function withoutSiteName(title: string | null, siteName: string | null): string | null {
  if (!title || !siteName) return title;
  const cleaned = cleanText(title);
  const suffix = new RegExp(`\\s+[|\\-–—·:]\\s+${escapeRegExp(cleanText(siteName))}$`, 'i');
  return cleaned.replace(suffix, '') || cleaned;
}

/**
 * The blog's own name as its `<title>`s end ("… | WebCoderSpeed", any case): its host, and the host
 * without its ending. Cut even when the page gives no `og:site_name`.
 */
const blogNames = (site: BlogSite) => [site.hosts[0], site.hosts[0].replace(/\.[^.]+$/, '')];

const titleWithoutNames = (title: string | null, names: ReadonlyArray<string | null>) =>
  names.reduce((cut, name) => withoutSiteName(cut, name), title);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function readPageMetadata(facts: PageFacts, site: BlogSite): PageMetadata {
  const notes: string[] = [];
  const meta = (key: string) => facts.metas.find((m) => m.key === key)?.content ?? null;
  const metaAll = (key: string) => facts.metas.filter((m) => m.key === key).map((m) => m.content);
  const { article, invalidBlocks } = readArticleJsonLd(facts.jsonLd);
  if (invalidBlocks > 0) notes.push(`${invalidBlocks} JSON-LD block(s) are not valid JSON and were ignored`);
  if (facts.truncated) notes.push('the page is very long; only its beginning was read');

  const pageUrl = site.toSiteUrl(facts.url);
  let url = pageUrl;
  const canonical = facts.links.find((link) => link.rel.includes('canonical'));
  if (canonical) {
    const canonicalUrl = site.toSiteUrl(canonical.href, facts.baseUrl);
    if (canonicalUrl) url = canonicalUrl;
    else notes.push(`canonical address not on ${site.hosts[0]}, ignored: ${clip(canonical.href, 200)}`);
  }

  const siteName = meta('og:site_name') ?? meta('application-name');
  const keywordTags = article?.keywords.length ? article.keywords : metaAll('article:tag');
  const tags = keywordTags.length ? keywordTags : (meta('keywords')?.split(',') ?? []);
  const uniqueTags = new Map(distinct(tags, METADATA_LIMITS.maxTagChars).map((tag) => [tag.toLowerCase(), tag]));

  return {
    url,
    titles: distinct(
      [
        meta('og:title'),
        article?.headline,
        meta('twitter:title'),
        titleWithoutNames(facts.title, [siteName, ...blogNames(site)]),
      ],
      METADATA_LIMITS.maxTitleChars,
    ),
    descriptions: distinct(
      [meta('description'), meta('og:description'), meta('twitter:description'), article?.description],
      METADATA_LIMITS.maxDescriptionChars,
    ),
    published:
      toIsoDate(article?.datePublished) ??
      toIsoDate(meta('article:published_time')) ??
      toIsoDate(meta('datepublished')),
    tags: [...uniqueTags.values()].slice(0, METADATA_LIMITS.maxTags),
    authors: distinct([...(article?.authors ?? []), ...metaAll('author')], METADATA_LIMITS.maxTitleChars),
    isArticle: article !== null || meta('og:type')?.trim().toLowerCase() === 'article',
    notes,
  };
}

export interface AdvertisedFeed {
  url: string;
  format: 'rss' | 'atom';
}

/** A Map, not an object: a page's `type="constructor"` would find Object.prototype's member. */
const FEED_TYPES = new Map<string, AdvertisedFeed['format']>([
  ['application/rss+xml', 'rss'],
  ['application/atom+xml', 'atom'],
]);

/**
 * The feeds a page advertises (`<link rel="alternate" type="application/rss+xml|application/atom+xml">`),
 * on the blog only; a feed elsewhere is named in `refused` and never fetched.
 */
export function discoverFeeds(facts: PageFacts, site: BlogSite): { feeds: AdvertisedFeed[]; refused: string[] } {
  const feeds: AdvertisedFeed[] = [];
  const refused: string[] = [];
  for (const link of facts.links) {
    const format = FEED_TYPES.get((link.type ?? '').split(';')[0]?.trim().toLowerCase() ?? '');
    if (!format || !link.rel.includes('alternate')) continue;
    const url = site.toRequestUrl(link.href, facts.baseUrl);
    if (url === null) refused.push(clip(link.href, 200));
    else if (!feeds.some((feed) => feed.url === url)) feeds.push({ url, format });
  }
  return { feeds, refused };
}
