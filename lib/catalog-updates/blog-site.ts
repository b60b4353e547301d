import { BLOG_ORIGIN } from '@/lib/corpus/blog-url';

/**
 * The one site Shelf learns from, under both spellings of its host (the blog serves both). Every
 * address Shelf keeps is normalized to `https://<bare host><path>`, no trailing slash, query or hash,
 * the same form as the bundled catalog's URLs (`normalizeBlogUrl`).
 */
export interface BlogSite {
  origin: string;
  /** The bare host first, then `www.`. */
  hosts: readonly [string, string];
  isOnSite(url: URL): boolean;
  /** `href` resolved against `base`, on the site and http(s), normalized; otherwise null. */
  toSiteUrl(href: string, base?: string): string | null;
  /** An address to request: `href` resolved, on the site, over https, query kept, hash dropped; else null. */
  toRequestUrl(href: string, base?: string): string | null;
  /** `/blog/<section>/<slug>`: an article's address (listing pages `/blog/page/<n>` are not). */
  isArticleUrl(url: string): boolean;
}

const NOT_ARTICLE_SECTIONS = new Set(['page', 'tags', 'tag', 'category', 'categories', 'author', 'authors']);

export function createBlogSite(origin: string = BLOG_ORIGIN): BlogSite {
  const bare = new URL(origin).hostname.replace(/^www\./, '');
  const hosts = [bare, `www.${bare}`] as const;
  const parse = (href: string, base?: string) => {
    try {
      return new URL(href.trim(), base);
    } catch {
      return null;
    }
  };
  const isOnSite = (url: URL) =>
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    (url.hostname === hosts[0] || url.hostname === hosts[1]) &&
    url.port === '' &&
    url.username === '' &&
    url.password === '';
  return {
    origin: `https://${bare}`,
    hosts,
    isOnSite,
    toSiteUrl(href, base) {
      const url = parse(href, base);
      if (!url || !isOnSite(url)) return null;
      return `https://${bare}${url.pathname.replace(/\/+$/, '')}`;
    },
    toRequestUrl(href, base) {
      const url = parse(href, base);
      if (!url || !isOnSite(url)) return null;
      url.protocol = 'https:';
      url.hash = '';
      return url.href;
    },
    isArticleUrl(url) {
      const segments = new URL(url).pathname.split('/').filter(Boolean);
      return segments.length === 3 && segments[0] === 'blog' && !NOT_ARTICLE_SECTIONS.has(segments[1] ?? '');
    },
  };
}

export const BLOG_SITE: BlogSite = createBlogSite();
