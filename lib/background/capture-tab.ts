import { browser } from 'wxt/browser';
import { z } from 'zod';
import { capturedPageSchema } from '@/lib/capture/schema';
import { getArticleByUrl } from '@/lib/corpus/catalog';
import { savePage } from '@/lib/db/repository';
import type { SavedItem } from '@/lib/db/schema';

export interface TabToSave {
  id?: number;
  url?: string;
  title?: string;
}

/**
 * Captures a tab's page and saves it (activeTab, granted by the click, shortcut or menu that asked
 * for it). The captured copy comes from the page, so it is validated here before it is stored.
 */
export async function captureTab(tab: TabToSave): Promise<SavedItem> {
  if (tab.id === undefined || !tab.url || !/^https?:\/\//.test(tab.url)) {
    throw new Error('Shelf can save web pages (http and https) only.');
  }
  let result: unknown;
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/capture.js'] });
    result = injection?.result;
  } catch (error) {
    throw new Error(`The browser did not let Shelf read this page (${(error as Error).message}).`);
  }
  const parsed = capturedPageSchema.safeParse(result);
  if (!parsed.success) throw new Error(`The page could not be captured: ${z.prettifyError(parsed.error)}`);
  return savePage(
    { url: tab.url, title: tab.title ?? parsed.data.title, bundledArticleId: getArticleByUrl(tab.url)?.id },
    parsed.data,
  );
}

/** Saves a link the user has not opened: an unread item without a copy, captured when opened. */
export function saveLink(url: string, title: string): Promise<SavedItem> {
  if (!/^https?:\/\//.test(url)) return Promise.reject(new Error('Shelf can save web links (http and https) only.'));
  return savePage({ url, title: title.trim() || url, bundledArticleId: getArticleByUrl(url)?.id }, null);
}

const WEB_PAGE = /^https?:\/\//;

/**
 * The tab the popup's "Save this page" means: the active tab of the window, or when that is not a
 * web page (the popup opened in a tab of its own), the web page used last in that window.
 */
export async function getTabToSave(): Promise<TabToSave | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.url && WEB_PAGE.test(active.url)) return active;
  const tabs = await browser.tabs.query({ currentWindow: true });
  return tabs
    .filter((tab) => tab.url && WEB_PAGE.test(tab.url))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
