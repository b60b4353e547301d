import { browser } from 'wxt/browser';
import { isWebUrl } from '@/lib/net/web-url';

/**
 * The tab the popup's "Save this page" means: the active tab of the popup's window, or when that
 * is not a web page (the popup opened in a tab of its own), the web page used last in that window.
 */
export async function getTabToSave(): Promise<{ id?: number; url?: string } | undefined> {
  const inWindow = { currentWindow: true };
  const [active] = await browser.tabs.query({ active: true, ...inWindow });
  if (active?.url && isWebUrl(active.url)) return active;
  const tabs = await browser.tabs.query(inWindow);
  return tabs
    .filter((tab) => tab.url && isWebUrl(tab.url))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
