import { browser } from 'wxt/browser';

export interface SidePanelTarget {
  tabId?: number;
  windowId?: number;
}

type FirefoxSidebar = { sidebarAction?: { open(): Promise<void> } };

/**
 * Opens Shelf's side panel (Chrome) or sidebar (Firefox). Both require a user gesture, so callers
 * must call this before their first `await`. Never throws: failures come back as a rejected promise.
 */
export function openSidePanel(target: SidePanelTarget): Promise<void> {
  try {
    if (browser.sidePanel?.open) {
      if (target.windowId !== undefined) return browser.sidePanel.open({ windowId: target.windowId });
      if (target.tabId !== undefined) return browser.sidePanel.open({ tabId: target.tabId });
      return Promise.reject(new Error('no window or tab to open the side panel in'));
    }
    const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
    if (sidebar?.open) return sidebar.open();
    return Promise.reject(new Error('this browser has no side panel API'));
  } catch (error) {
    return Promise.reject(error);
  }
}
