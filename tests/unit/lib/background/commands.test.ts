import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { handleCommand, OPEN_SIDE_PANEL_COMMAND } from '@/lib/background/commands';
import { openSidePanel } from '@/lib/side-panel/show';

const tab = {
  id: 4,
  windowId: 9,
  url: 'https://a.test/post',
  index: 0,
  highlighted: true,
  active: true,
  pinned: false,
  incognito: false,
};

describe('keyboard shortcuts', () => {
  it('"open-side-panel" asks for the panel synchronously, while the shortcut still counts as a gesture', () => {
    const open = vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    handleCommand(OPEN_SIDE_PANEL_COMMAND, tab as never);
    expect(open).toHaveBeenCalledWith({ windowId: 9 });
  });

  it('ignores commands it does not know', () => {
    const open = vi.spyOn(browser.sidePanel, 'open').mockResolvedValue(undefined);
    handleCommand('something-else', tab as never);
    expect(open).not.toHaveBeenCalled();
  });
});

describe('Firefox: the side panel is the sidebar', () => {
  it('opens the sidebar through sidebarAction when the browser has no sidePanel API', async () => {
    const sidePanel = browser.sidePanel;
    const sidebarOpen = vi.fn().mockResolvedValue(undefined);
    const target = browser as unknown as { sidePanel?: unknown; sidebarAction?: { open: () => Promise<void> } };
    target.sidePanel = undefined;
    target.sidebarAction = { open: sidebarOpen };
    try {
      await openSidePanel({ windowId: 1 });
      expect(sidebarOpen).toHaveBeenCalledTimes(1);
      target.sidebarAction = undefined;
      await expect(openSidePanel({ windowId: 1 })).rejects.toThrow('this browser has no side panel API');
    } finally {
      target.sidePanel = sidePanel;
      target.sidebarAction = undefined;
    }
  });
});
