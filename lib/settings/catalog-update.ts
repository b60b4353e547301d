import { browser } from 'wxt/browser';
import { sendRequest } from '@/lib/messaging/client';
import type { CatalogUpdateStatus } from '@/lib/settings/preferences';

/** The blog's host, both spellings: all a catalog update ever requests. */
export const BLOG_ORIGINS = ['https://webcoderspeed.com/*', 'https://www.webcoderspeed.com/*'];

export type CatalogUpdateOutcome = { ok: true; report: string[] } | { ok: false; message: string };

/**
 * "Update articles from the blog": asks for permission to read the blog (an optional permission,
 * so this must be the click's first call), then has the background read the blog's feed, sitemap
 * and pages. Progress and the report arrive through the `catalogUpdateStatus` preference.
 */
export async function startCatalogUpdate(): Promise<CatalogUpdateOutcome> {
  const granted = await browser.permissions.request({ origins: BLOG_ORIGINS }).catch(() => false);
  if (!granted) {
    return {
      ok: false,
      message: 'Shelf needs your permission to read webcoderspeed.com to update its articles; it was not given.',
    };
  }
  try {
    return { ok: true, report: (await sendRequest({ type: 'update-catalog' })).report };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/**
 * The background writes progress at least once per page it reads (each capped at 20 s). A status
 * still "running" after this long of silence was left by a run that died with its service worker
 * or its browser: the button must not stay disabled for good.
 */
export const STALE_CATALOG_UPDATE_MS = 5 * 60_000;

export function isCatalogUpdateRunning(
  status: CatalogUpdateStatus | null | undefined,
  now: number,
): status is CatalogUpdateStatus & { state: 'running' } {
  return status?.state === 'running' && now - status.at < STALE_CATALOG_UPDATE_MS;
}
