import { learnFromPage } from '@/lib/catalog-updates/learn-from-page';
import type { PageMetadata } from '@/lib/catalog-updates/page-metadata';
import { describeReport } from '@/lib/catalog-updates/report';
import { runCatalogUpdate } from '@/lib/catalog-updates/run-update';
import { ARTICLES } from '@/lib/corpus/catalog';
import { createCatalogOverlayStore } from '@/lib/db/catalog-overlay';
import { PREFERENCES, setPreference } from '@/lib/settings/preferences';

/** Learning while reading: what a blog page says about itself, read by the content script there. */
export async function learnFromBlogPage(metadata: PageMetadata, pageUrl: string): Promise<number> {
  const outcomes = await learnFromPage(metadata, pageUrl, {
    articles: ARTICLES,
    store: createCatalogOverlayStore(),
    now: Date.now(),
  });
  return outcomes.length;
}

let running: Promise<string[]> | undefined;

/**
 * Updates the catalog from the blog (its feed, sitemap and article pages, politely) and keeps the
 * progress and the report in the `catalogUpdateStatus` preference, which Settings shows. One
 * update at a time: asking again while one runs joins it. Resumes where a stopped run left off.
 */
export function updateCatalogFromBlog(fetchImpl: typeof fetch = fetch): Promise<string[]> {
  running ??= (async () => {
    const status = (state: 'running' | 'done', phase: string, done: number, total: number, lines: string[] = []) =>
      setPreference(PREFERENCES.catalogUpdateStatus, { state, phase, done, total, lines, at: Date.now() }).catch(
        () => {},
      );
    await status('running', 'feed', 0, 0);
    const report = await runCatalogUpdate({
      articles: ARTICLES,
      store: createCatalogOverlayStore(),
      fetch: (url, init) => fetchImpl(url, { ...init, credentials: 'omit' }),
      clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
      onProgress: ({ phase, done, total }) => void status('running', phase, done, total),
    });
    const lines = describeReport(report);
    // Everything was deleted or replaced while it ran: Settings starts afresh, without its report.
    if (report.deleted) await setPreference(PREFERENCES.catalogUpdateStatus, null).catch(() => {});
    else await status('done', 'done', 1, 1, lines);
    return lines;
  })().finally(() => {
    running = undefined;
  });
  return running;
}
