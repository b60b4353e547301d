import { applyOverlay, type CatalogArticle } from '@/lib/catalog-updates/apply-overlay';
import type { OverlayRecord } from '@/lib/catalog-updates/overlay-schema';
import type { Article } from '@/lib/corpus/article';
import { normalizeBlogUrl } from '@/lib/corpus/blog-url';
import { searchableFields } from '@/lib/search/searchable-fields';

/**
 * The articles users see: the bundled catalog with the overlay of what Shelf learned from the blog
 * (`applyOverlay`). Search, cards, "open where it lives" and related articles all read this one
 * object; the search and related engines take it as their input (`searchEngineFor`,
 * `relatedEngineFor`) and reuse the indexes built ahead of time while the searchable text is the
 * bundle's.
 */
export interface EffectiveCatalog {
  articles: readonly CatalogArticle[];
  byId(id: string): CatalogArticle | undefined;
  /** The article a page address points to (either host, any trailing slash, query or hash). */
  byUrl(url: string): CatalogArticle | undefined;
  /**
   * False while every article reads as in the bundle (same ids, titles, tags and summaries): the
   * prebuilt search index and related model still describe it. An address or a date filled in
   * changes nothing searchable.
   */
  searchTextChanged: boolean;
}

export function createEffectiveCatalog(
  bundled: readonly Article[],
  overlay: readonly OverlayRecord[],
): EffectiveCatalog {
  const articles = applyOverlay(bundled, overlay);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const byUrl = new Map(articles.flatMap((article) => (article.url ? [[article.url, article] as const] : [])));
  const searchTextChanged =
    articles.length !== bundled.length ||
    articles.some((article, at) => !sameSearchableText(article, bundled[at] as Article));
  return {
    articles,
    byId: (id) => byId.get(id),
    byUrl(url) {
      // Most addresses are other sites: answer those without parsing.
      if (!/^https?:\/\/(www\.)?webcoderspeed\.com([/?#:]|$)/i.test(url)) return undefined;
      try {
        return byUrl.get(normalizeBlogUrl(url));
      } catch {
        return undefined;
      }
    },
    searchTextChanged,
  };
}

function sameSearchableText(article: Article, bundled: Article): boolean {
  const a = searchableFields(article);
  const b = searchableFields(bundled);
  return article.id === bundled.id && a.title === b.title && a.keywords === b.keywords && a.summary === b.summary;
}

/**
 * A key that changes exactly when the overlay's content does: the catalog is rebuilt only then
 * (the overlay is a few hundred small records at most).
 */
export function overlayKey(overlay: readonly OverlayRecord[]): string {
  return overlay.length === 0 ? '' : JSON.stringify(overlay);
}
