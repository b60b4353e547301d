import { browser } from 'wxt/browser';
import { z } from 'zod/mini';

/**
 * Where the user does not want related articles (`storage.local`, which content scripts can read
 * without asking the background): sites they said "Don't show on this site" for, and "nowhere".
 */
const KEY = 'relatedHiddenSites';
const NOWHERE_KEY = 'relatedShownNowhere';
const hiddenSitesSchema = z.array(z.string().check(z.maxLength(255))).check(z.maxLength(5000));

/** The stored list, or none when it is missing or not a list Shelf wrote. */
function parseHiddenSites(value: unknown): string[] {
  const parsed = hiddenSitesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export async function getHiddenSites(): Promise<string[]> {
  return parseHiddenSites((await browser.storage.local.get(KEY))[KEY]);
}

export async function hideOnSite(hostname: string): Promise<void> {
  const site = hostname.trim().toLowerCase().slice(0, 255);
  const sites = await getHiddenSites();
  if (site && !sites.includes(site)) await browser.storage.local.set({ [KEY]: [...sites, site].slice(-5000) });
}

export async function unhideSite(hostname: string): Promise<void> {
  await browser.storage.local.set({ [KEY]: (await getHiddenSites()).filter((site) => site !== hostname) });
}

export async function isRelatedShownNowhere(): Promise<boolean> {
  return (await browser.storage.local.get(NOWHERE_KEY))[NOWHERE_KEY] === true;
}

export async function setRelatedShownNowhere(nowhere: boolean): Promise<void> {
  await browser.storage.local.set({ [NOWHERE_KEY]: nowhere });
}

/** One read for the content script: may it show related articles on this site? */
export async function mayShowRelatedOn(hostname: string): Promise<boolean> {
  const stored = await browser.storage.local.get([KEY, NOWHERE_KEY]);
  return stored[NOWHERE_KEY] !== true && !parseHiddenSites(stored[KEY]).includes(hostname);
}
