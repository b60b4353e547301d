import { sendRequest } from '@/lib/messaging/client';
import { PREFERENCES, setPreference } from '@/lib/settings/preferences';
import { isSyncUnderWay, type SyncStatus } from '@/lib/sync/sync-status';

/** Turns sync on or off here; the background follows the setting (lib/background/sync.ts). */
export function setSyncEnabled(enabled: boolean): Promise<void> {
  return setPreference(PREFERENCES.syncEnabled, enabled);
}

/** "Sync now": the background syncs and replies with the outcome, or a sentence on why not. */
export async function requestSyncNow(): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await sendRequest({ type: 'sync-now' });
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `Sync did not run: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const number = (n: number) => n.toLocaleString('en');

/** How many of the items left out Settings names (the rest are counted). */
export const NOT_SYNCED_NAMED = 20;

/** The items left out of sync, those too big to sync even alone first, as Settings names them. */
export function notSyncedItemIds(status: SyncStatus | null): string[] {
  const fit = status?.state === 'stopped' ? null : status?.fit;
  return fit ? [...fit.tooLarge, ...fit.notSyncedItems] : [];
}

/**
 * What Settings says about sync, a sentence each: when it last ran, what it holds, what did not fit.
 * "Syncing…" only while the sync under way marks itself alive: a background stopped mid-sync leaves
 * that status behind (QA pass), and then the last finished sync is what holds.
 */
export function describeSyncStatus(
  status: SyncStatus | null,
  formatTime: (at: number) => string,
  now: number = Date.now(),
): string[] {
  if (!status || status.state === 'stopped') return ['Sync is off: this shelf stays on this browser.'];
  const underWay = isSyncUnderWay(status, now);
  const lines = [
    underWay ? 'Syncing…' : status.lastSyncAt ? `Last synced ${formatTime(status.lastSyncAt)}.` : 'Not synced yet.',
  ];
  if (status.state === 'syncing' && !underWay)
    lines.push(
      'The last sync stopped before it finished (the browser stopped Shelf’s background): it runs again when that next starts, or with “Sync now”.',
    );
  const fit = status.fit;
  if (fit) {
    const items = fit.items.synced + fit.items.notSynced;
    lines.push(
      `Synced: ${number(fit.items.synced)} of ${number(items)} saved ${items === 1 ? 'item' : 'items'} and ${number(fit.preferences.synced)} settings.`,
      `Room used: ${number(fit.bytesUsed)} of ${number(fit.bytesQuota)} bytes.`,
    );
    // An item too big even alone (a very long note) is not left out for room: said apart (QA pass).
    const tooLarge = fit.tooLarge.length;
    const leftForRoom = fit.items.notSynced - tooLarge;
    if (tooLarge > 0)
      lines.push(
        `${number(tooLarge)} ${tooLarge === 1 ? 'item is' : 'items are'} too big to sync even alone (a very long note, say) and ${tooLarge === 1 ? 'stays' : 'stay'} on this browser only.`,
      );
    if (leftForRoom > 0)
      lines.push(
        `${number(leftForRoom)} ${leftForRoom === 1 ? 'item does' : 'items do'} not fit in the browser’s sync storage and stay on this browser only: your reading queue syncs first, then your other items, the most recently changed first.`,
      );
    const highlightsLeft = fit.highlights?.notSynced ?? 0;
    if (highlightsLeft > 0)
      lines.push(
        `${number(highlightsLeft)} ${highlightsLeft === 1 ? 'highlight does' : 'highlights do'} not fit in the browser’s sync storage and stay on this browser only (items sync before highlights, the most recent first).`,
      );
  }
  if (status.nextAttemptAt && !underWay) lines.push(`Next attempt ${formatTime(status.nextAttemptAt)}.`);
  return lines;
}
