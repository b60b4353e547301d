import articlesJson from '@/assets/data/articles.json';
import type { Article } from '@/lib/corpus/article';
import { isServedByBlog, normalizeBlogUrl } from '@/lib/corpus/blog-url';

/**
 * The bundled articles. The file is generated and validated by `npm run catalog`, and a unit test
 * validates it against `articleSchema`, so it is not re-parsed at runtime (it sits on popup start-up).
 */
export const ARTICLES: readonly Article[] = articlesJson as Article[];

const BY_ID = new Map(ARTICLES.map((article) => [article.id, article]));
const BY_URL = new Map(ARTICLES.flatMap((article) => (article.url ? [[article.url, article] as const] : [])));

export function getArticleById(id: string): Article | undefined {
  return BY_ID.get(id);
}

/** Finds the bundled article a page address points to (either host, any trailing slash, query or hash). */
export function getArticleByUrl(url: string): Article | undefined {
  // Most addresses are other sites: answer those without parsing (imports ask 20,000 times).
  if (!/^https?:\/\/(www\.)?webcoderspeed\.com([/?#:]|$)/i.test(url)) return undefined;
  try {
    return BY_URL.get(normalizeBlogUrl(url));
  } catch {
    return undefined;
  }
}

const SEARCH_LINK_START = 'https://duckduckgo.com/?q=';

/**
 * The bundled article whose own page this is: the blog's, over https on its own port. A copy read
 * from the same path over http or on another port (anyone on the network path, another server) is
 * never kept as the article's, nor speaks for it (red-team pass).
 */
export function getArticleServedAt(url: string): Article | undefined {
  return isServedByBlog(url) ? getArticleByUrl(url) : undefined;
}

/** Where the UI links an article: its page, or a site search when the catalog has no address. */
export function getArticleLink(article: Pick<Article, 'url' | 'title'>): {
  href: string;
  label: string;
  isSearch: boolean;
} {
  if (article.url) return { href: article.url, label: 'Open article', isSearch: false };
  const query = `site:webcoderspeed.com ${article.title}`;
  return {
    href: `${SEARCH_LINK_START}${encodeURIComponent(query)}`,
    label: 'Find on webcoderspeed.com',
    isSearch: true,
  };
}

/**
 * The articles without an address by the search link an export wrote for them, so that Shelf's
 * own CSV or bookmarks file brings them back as themselves (QA pass: each came back as a saved
 * search page, beside the article or in its place). Built on first use, off the popup's start-up.
 */
let bySearchLink: Map<string, Article> | undefined;

/** Whether an address is the site search `getArticleLink` gives an article without an address of its own. */
export function isArticleSearchLink(url: string): boolean {
  return url.startsWith(SEARCH_LINK_START) && getArticleByImportedUrl(url) !== undefined;
}

/** The bundled article an imported record's address names: its page, or the search link an export wrote. */
export function getArticleByImportedUrl(url: string): Article | undefined {
  if (!url.startsWith(SEARCH_LINK_START)) return getArticleByUrl(url);
  bySearchLink ??= new Map(
    ARTICLES.flatMap((article) => (article.url ? [] : [[getArticleLink(article).href, article]])),
  );
  return bySearchLink.get(url);
}
