import { BLOG_SITE } from '@/lib/catalog-updates/blog-site';
import { readPageFactsFromDocument } from '@/lib/catalog-updates/page-facts';
import { readPageMetadata } from '@/lib/catalog-updates/page-metadata';
import { sendRequest } from '@/lib/messaging/client';

/**
 * Learning while reading: on a blog article the catalog does not know, sends what the page says
 * about itself (title, description, date, tags, canonical address: its own markup, no request).
 * The background validates it (Zod), takes the page's address from the browser rather than from
 * the message, matches it exactly to the catalog and stores what it learned through `lib/db`.
 * Only article addresses (`/blog/<section>/<slug>`) are read; never throws.
 */
export async function learnFromBlogPage(doc: Document): Promise<boolean> {
  try {
    const url = BLOG_SITE.toSiteUrl(doc.URL);
    if (!url || !BLOG_SITE.isArticleUrl(url)) return false;
    const metadata = readPageMetadata(readPageFactsFromDocument(doc), BLOG_SITE);
    if (metadata.titles.length === 0 && metadata.descriptions.length === 0) return false;
    await sendRequest({ type: 'learn-from-page', metadata });
    return true;
  } catch {
    // Learning is a bonus: the box works without it, and the next visit tries again.
    return false;
  }
}
