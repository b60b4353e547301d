import {
  getPreference,
  getPreferences,
  PREFERENCES,
  type RelatedPlacement,
  setPreference,
} from '@/lib/settings/preferences';

/**
 * Where the user does not want related articles: sites they said "Don't show on this site" for
 * (or added in Settings), and "nowhere". Preferences in `storage.local`, which content scripts can
 * read without asking the background.
 */

/**
 * The site a user means by what they typed or pasted: a host name, an address, or `host:port`,
 * lower-cased, without `www.`; null when it is not a site at all ("not a site!!").
 */
export function normalizeSite(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
  const isName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(
    host,
  );
  return isIp || (isName && (host.includes('.') || host === 'localhost')) ? host : null;
}

/** Whether `hostname` is `site` or one of its subdomains (example.com covers www.example.com). */
export function isOnSite(hostname: string, site: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === site || host.endsWith(`.${site}`);
}

export function getHiddenSites(): Promise<string[]> {
  return getPreference(PREFERENCES.relatedHiddenSites);
}

/** Adds a site; returns the site as kept, or null when `input` names no site (nothing is stored). */
export async function hideOnSite(input: string): Promise<string | null> {
  const site = normalizeSite(input);
  if (!site) return null;
  const sites = await getHiddenSites();
  if (!sites.includes(site)) await setPreference(PREFERENCES.relatedHiddenSites, [...sites, site].slice(-5000));
  return site;
}

export async function unhideSite(site: string): Promise<void> {
  await setPreference(
    PREFERENCES.relatedHiddenSites,
    (await getHiddenSites()).filter((hidden) => hidden !== site),
  );
}

export async function getRelatedPlacement(): Promise<RelatedPlacement> {
  return getPreference(PREFERENCES.relatedPlacement);
}

/** One read for a content script: may it show related articles on this site? */
export async function mayShowRelatedOn(hostname: string): Promise<boolean> {
  const { relatedPlacement, relatedHiddenSites } = await getPreferences(['relatedPlacement', 'relatedHiddenSites']);
  return relatedPlacement !== 'nowhere' && !relatedHiddenSites.some((site) => isOnSite(hostname, site));
}
