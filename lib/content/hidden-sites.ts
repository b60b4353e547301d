import { browser } from 'wxt/browser';
import { z } from 'zod/mini';

/** Sites where the user asked Shelf not to show related articles (`storage.local`). */
const KEY = 'relatedHiddenSites';
const hiddenSitesSchema = z.array(z.string().check(z.maxLength(255))).check(z.maxLength(5000));

export async function getHiddenSites(): Promise<string[]> {
  const stored = await browser.storage.local.get(KEY);
  const parsed = hiddenSitesSchema.safeParse(stored[KEY]);
  return parsed.success ? parsed.data : [];
}

export async function hideOnSite(hostname: string): Promise<void> {
  const sites = await getHiddenSites();
  if (!sites.includes(hostname)) await browser.storage.local.set({ [KEY]: [...sites, hostname].slice(-5000) });
}

export async function unhideSite(hostname: string): Promise<void> {
  await browser.storage.local.set({ [KEY]: (await getHiddenSites()).filter((site) => site !== hostname) });
}
