import { browser } from 'wxt/browser';
import { type SidePanelView, setSidePanelView } from '@/lib/side-panel/view';

export interface SidePanelTarget {
  tabId?: number;
  windowId?: number;
}

type FirefoxSidebar = { sidebarAction?: { open(): Promise<void> } };

/**
 * Opens Shelf's side panel (Chrome) or sidebar (Firefox). Both require a user gesture, which lasts
 * only until the first `await`: call this synchronously from the click, key or menu handler.
 * Never throws: failures come back as a rejected promise.
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

/**
 * Opens the side panel on `view`: asks for the panel at once (within the user gesture), then sets
 * the view. Resolves to whether the panel opened; the view is set either way, so the panel shows
 * it when the user opens it themselves.
 */
export function showInSidePanel(target: SidePanelTarget, view: SidePanelView): Promise<boolean> {
  const opening = openSidePanel(target).then(
    () => true,
    () => false,
  );
  return Promise.all([opening, setSidePanelView(view)]).then(([opened]) => opened);
}
