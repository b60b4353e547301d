import type { Browser } from 'wxt/browser';
import { savePageAndShow } from '@/lib/background/save-page';
import { openSidePanel } from '@/lib/side-panel/show';

/**
 * Keyboard shortcuts (manifest `commands`). The popup's is `_execute_action` and Firefox's sidebar
 * has `_execute_sidebar_action`, both handled by the browser; these two are Shelf's own.
 */
export const OPEN_SIDE_PANEL_COMMAND = 'open-side-panel';
export const SAVE_PAGE_COMMAND = 'save-page';

export function handleCommand(command: string, tab: Browser.tabs.Tab | undefined): void {
  // A shortcut is a user gesture: the panel must be asked for before anything is awaited.
  const target = { windowId: tab?.windowId, tabId: tab?.id };
  if (command === OPEN_SIDE_PANEL_COMMAND) void openSidePanel(target).catch(() => {});
  else if (command === SAVE_PAGE_COMMAND) void savePageAndShow(tab, target);
}
