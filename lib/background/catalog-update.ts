import { learnFromPage } from '@/lib/catalog-updates/learn-from-page';
import type { PageMetadata } from '@/lib/catalog-updates/page-metadata';
import { describeReport } from '@/lib/catalog-updates/report';
import { runCatalogUpdate } from '@/lib/catalog-updates/run-update';
import { ARTICLES } from '@/lib/corpus/catalog';
import { createCatalogOverlayStore } from '@/lib/db/catalog-overlay';
import { getPreference, PREFERENCES, setPreference } from '@/lib/settings/preferences';

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

export const UPDATE_CUT_SHORT =
  'The last update stopped before it finished (the browser restarted Shelf’s background); the next one continues where it stopped.';

/** Set when the background starts; an update waits for it, so the check never overwrites a live run's progress. */
let leftoverChecked: Promise<void> = Promise.resolve();

/**
 * At the worker's start: a new worker runs no update, so a status still "running" was left by one
 * that died with its worker. Settings would show a frozen progress bar and keep the button disabled.
 */
export function finishCatalogUpdateCutShort(): Promise<void> {
  leftoverChecked = (async () => {
    const status = await getPreference(PREFERENCES.catalogUpdateStatus);
    if (status?.state !== 'running' || running) return;
    await setPreference(PREFERENCES.catalogUpdateStatus, {
      ...status,
      state: 'done',
      phase: 'done',
      lines: [UPDATE_CUT_SHORT],
      at: Date.now(),
    });
  })().catch(() => {});
  return leftoverChecked;
}

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
    await leftoverChecked;
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
