import { BLOG_SITE, type BlogSite } from '@/lib/catalog-updates/blog-site';
import { type ArticleEvidence, createCatalogLearner, type LearnOutcome } from '@/lib/catalog-updates/learn';
import type { CatalogOverlayStore } from '@/lib/catalog-updates/overlay-schema';
import { METADATA_LIMITS, type PageMetadata } from '@/lib/catalog-updates/page-metadata';
import type { Article } from '@/lib/corpus/article';
import { z } from '@/lib/zod/classic';

/**
 * Learning while reading: the content script reads the blog page's metadata (`readPageMetadata`
 * over `readPageFactsFromDocument`) and sends it; the background validates it with
 * `pageMetadataSchema`, takes the page's address from the sender's tab (not from the message), and
 * calls `learnFromPage`.
 */
const text = (max: number) => z.string().min(1).max(max);

export const pageMetadataSchema = z.strictObject({
  url: z.string().max(2048).nullable(),
  titles: z.array(text(METADATA_LIMITS.maxTitleChars)).max(8),
  descriptions: z.array(text(METADATA_LIMITS.maxDescriptionChars)).max(8),
  published: z.iso.date().nullable(),
  tags: z.array(text(METADATA_LIMITS.maxTagChars)).max(METADATA_LIMITS.maxTags),
  authors: z.array(text(METADATA_LIMITS.maxTitleChars)).max(METADATA_LIMITS.maxTags),
  isArticle: z.boolean(),
  notes: z.array(z.string().max(500)).max(10),
}) satisfies z.ZodType<PageMetadata>;

/** What a page read on the blog (at `pageUrl`) says, as evidence; null if the page is not on the blog. */
export function pageEvidence(
  metadata: PageMetadata,
  pageUrl: string,
  learnedAt: number,
  site: BlogSite = BLOG_SITE,
): ArticleEvidence | null {
  // The page's own address, from the browser (or the fetch), never from its markup: a canonical
  // link naming another article would let any page of the blog rewrite that article's card. (Both
  // name the same article when they agree, as addresses are compared without query or slash.)
  // Without its query string: a tracking or preview token is not kept with what was learned.
  const url = site.toSiteUrl(pageUrl);
  if (!url) return null;
  return {
    url,
    titles: metadata.titles,
    descriptions: metadata.descriptions,
    published: metadata.published,
    tags: metadata.tags,
    source: { from: 'page', url, learnedAt },
  };
}

export interface LearnFromPageOptions {
  articles: readonly Article[];
  store: CatalogOverlayStore;
  now: number;
  site?: BlogSite;
}

/** Learns from one page of the blog and saves what changed; returns what happened, for logging or a test. */
export async function learnFromPage(
  metadata: PageMetadata,
  pageUrl: string,
  options: LearnFromPageOptions,
): Promise<LearnOutcome[]> {
  const site = options.site ?? BLOG_SITE;
  const evidence = pageEvidence(metadata, pageUrl, options.now, site);
  if (!evidence) return [{ kind: 'skipped', url: pageUrl, reason: `not on ${site.hosts[0]}` }];
  const learner = createCatalogLearner(options.articles, await options.store.loadOverlay(), site);
  const { outcomes, changes } = learner.learn(evidence);
  if (changes.put.length > 0 || changes.remove.length > 0) await options.store.saveOverlayChanges(changes);
  return outcomes;
}
