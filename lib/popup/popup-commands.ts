import { browser } from 'wxt/browser';
import type { Article } from '@/lib/corpus/article';
import { getArticleLink } from '@/lib/corpus/catalog';
import type { ItemStatus } from '@/lib/db/schema';
import { sendRequest } from '@/lib/messaging/client';
import { rememberOpened } from '@/lib/popup/popup-state';
import { showInSidePanel } from '@/lib/side-panel/show';
import type { SidePanelView } from '@/lib/side-panel/view';
import { getTabToSave } from '@/lib/tabs/tab-to-save';

/** What the popup's buttons and keys do outside the popup. Each closes the popup when it is done. */

/** Opens the article (or the site search for it) in a new tab and remembers it as recently opened. */
export async function openInNewTab(article: Article, closePopup: () => void = () => window.close()): Promise<void> {
  await Promise.all([browser.tabs.create({ url: getArticleLink(article).href }), rememberOpened(article.id)]);
  closePopup();
}

/**
 * Shows `view` in the side panel of the popup's window, then closes the popup. Call it right in the
 * click or key handler: the panel opens only within the user's gesture.
 */
export function showFromPopup(
  windowId: number | undefined,
  view: SidePanelView,
  closePopup: () => void = () => window.close(),
): void {
  void showInSidePanel({ windowId }, view)
    .then((opened) => opened && closePopup())
    .catch((error: unknown) => console.warn('Shelf: could not open the side panel', error));
}

/**
 * Asks the background to capture and save the page the popup was opened on (it finishes even if
 * the popup closes); returns what to tell the user.
 */
export async function saveCurrentPage(): Promise<{ ok: boolean; message: string }> {
  const tab = await getTabToSave();
  if (tab?.id === undefined) return { ok: false, message: 'There is no web page to save in this window.' };
  try {
    const { title, again, status } = await sendRequest({ type: 'save-tab', tabId: tab.id });
    return { ok: true, message: describePageSaved(title, again, status) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

const STATUS_WORDS: Record<ItemStatus, string> = {
  unread: 'unread',
  reading: 'being read',
  done: 'marked done',
  archived: 'archived',
};

/**
 * What "Save this page" says it did. Saved again, the page was already kept (QA pass: it said
 * "Saved … for offline reading" as if for the first time, and nothing said the page was already in the
 * reading list, marked done).
 */
export function describePageSaved(title: string, again: boolean, status: ItemStatus): string {
  if (!again) return `Saved “${title}” for offline reading.`;
  return `Saved again: “${title}” was already in your reading list (${STATUS_WORDS[status]}); its copy is up to date.`;
}
