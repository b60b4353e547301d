import type { Browser } from 'wxt/browser';
import { handleSaveClick, SAVE_MENU_ID } from '@/lib/background/context-menu';
import { openSidePanel } from '@/lib/background/side-panel';

/**
 * Keyboard shortcuts (manifest `commands`). The popup's is `_execute_action` and Firefox's sidebar
 * has `_execute_sidebar_action`, both handled by the browser; these two are Shelf's own.
 */
export const OPEN_SIDE_PANEL_COMMAND = 'open-side-panel';
export const SAVE_PAGE_COMMAND = 'save-page';

export function handleCommand(command: string, tab: Browser.tabs.Tab | undefined): void {
  if (command === OPEN_SIDE_PANEL_COMMAND) {
    // A shortcut is a user gesture: the panel must be asked for before anything is awaited.
    void openSidePanel({ windowId: tab?.windowId, tabId: tab?.id }).catch(() => {});
  } else if (command === SAVE_PAGE_COMMAND) {
    void handleSaveClick({ menuItemId: SAVE_MENU_ID, editable: false, pageUrl: tab?.url }, tab);
  }
}
