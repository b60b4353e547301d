import { browser } from 'wxt/browser';
import { countUnread } from '@/lib/db/queries';
import { getPreference, PREFERENCES } from '@/lib/settings/preferences';

export function getBadgeText(unread: number, showBadge: boolean): string {
  if (!showBadge || unread === 0) return '';
  return unread > 999 ? '999+' : String(unread);
}

/**
 * Sets the toolbar badge to the number of unread saved items. Computed only here, in the
 * background: it runs on start, when the "show badge" preference changes, and when any page
 * signals a database change (`data-changed`, which wakes a sleeping service worker).
 */
export async function refreshBadge(): Promise<void> {
  const [unread, showBadge] = await Promise.all([countUnread(), getPreference(PREFERENCES.showBadge)]);
  // Firefox's Manifest V2 build has `browserAction` where Chrome has `action`.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: getBadgeText(unread, showBadge) });
  await action.setBadgeBackgroundColor({ color: '#2459d6' });
}
