import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { watchBadge } from '@/lib/background/badge';
import { handleCommand } from '@/lib/background/commands';
import { handleContextMenuClick, registerContextMenus } from '@/lib/background/context-menu';
import { syncRelatedAnywhere } from '@/lib/background/related-anywhere';
import { requestHandlers } from '@/lib/background/request-handlers';
import { registerRequestHandlers } from '@/lib/messaging/protocol';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    registerContextMenus();
    void syncRelatedAnywhere();
  });
  // The user can revoke the optional permission in the browser's settings at any time.
  browser.permissions.onRemoved.addListener(() => void syncRelatedAnywhere());
  browser.contextMenus.onClicked.addListener((info, tab) => void handleContextMenuClick(info, tab));
  registerRequestHandlers(requestHandlers);
  browser.commands.onCommand.addListener(handleCommand);
  watchBadge();
});
