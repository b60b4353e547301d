import articlesJson from '@/assets/data/articles.json';
import type { Article } from '@/lib/corpus/article';
import { normalizeBlogUrl } from '@/lib/corpus/blog-url';

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

/** Where the UI links an article: its page, or a site search when the catalog has no address. */
export function getArticleLink(article: Pick<Article, 'url' | 'title'>): {
  href: string;
  label: string;
  isSearch: boolean;
} {
  if (article.url) return { href: article.url, label: 'Open article', isSearch: false };
  const query = `site:webcoderspeed.com ${article.title}`;
  return {
    href: `https://duckduckgo.com/?q=${encodeURIComponent(query)}`,
    label: 'Find on webcoderspeed.com',
    isSearch: true,
  };
}
