import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { finishCatalogUpdateCutShort } from '@/lib/background/catalog-update';
import { handleCommand } from '@/lib/background/commands';
import { handleContextMenuClick, keepContextMenus } from '@/lib/background/context-menu';
import { keepDerivedStateInStep } from '@/lib/background/derived-state';
import { syncRelatedAnywhere } from '@/lib/background/related-anywhere';
import { requestHandlers } from '@/lib/background/request-handlers';
import { reportSavesCutShort } from '@/lib/background/saves-under-way';
import { keepSyncInStep } from '@/lib/background/sync';
import { registerRequestHandlers } from '@/lib/messaging/protocol';

export default defineBackground(() => {
  keepContextMenus();
  // The user can revoke the optional permission in the browser's settings at any time.
  browser.permissions.onRemoved.addListener(() => void syncRelatedAnywhere());
  browser.contextMenus.onClicked.addListener((info, tab) => void handleContextMenuClick(info, tab));
  browser.commands.onCommand.addListener(handleCommand);
  registerRequestHandlers(requestHandlers);
  keepDerivedStateInStep();
  keepSyncInStep();
  void reportSavesCutShort();
  void finishCatalogUpdateCutShort();
});
