import type { FitReport } from '@/lib/sync/write-plan';
import { z } from '@/lib/zod/mini';

/** What Settings shows about sync: when it last ran, how much room it uses, what did not fit, what went wrong. */
export interface SyncStatus {
  state: 'stopped' | 'idle' | 'syncing' | 'waiting';
  /** When a sync last completed (the area and this browser agree up to what fits). */
  lastSyncAt: number | null;
  /** When the next attempt is due, after an error or while waiting for Chrome's write limit. */
  nextAttemptAt: number | null;
  /** What the area holds for Shelf, and what did not fit (stays on this browser only). */
  fit: FitReport | null;
  lastError: SyncProblem | null;
  /**
   * While a sync runs (`state` 'syncing'), when it last said it still runs: the background may be
   * stopped mid-sync (the browser ends a service worker), which leaves 'syncing' stored behind it.
   */
  heartbeatAt?: number;
}

/** How often a sync under way marks itself alive (`heartbeatAt`). */
export const SYNC_HEARTBEAT_MS = 15_000;
/** A 'syncing' status not marked alive for this long was left by a background that stopped mid-sync. */
export const SYNC_HEARTBEAT_STALE_MS = 4 * SYNC_HEARTBEAT_MS;

/** When a status that says a sync runs stops being believed, or null when it says none runs. */
export function syncingUntil(status: SyncStatus | null): number | null {
  if (status?.state !== 'syncing') return null;
  // An earlier version's status has no mark: it is not believed.
  return (status.heartbeatAt ?? Number.NEGATIVE_INFINITY) + SYNC_HEARTBEAT_STALE_MS;
}

/** Whether a sync is under way, by the stored status: 'syncing', and marked alive lately. */
export function isSyncUnderWay(status: SyncStatus | null, now: number): boolean {
  const until = syncingUntil(status);
  // A mark ahead of now (the clock was set back) is believed no longer than one as far behind.
  return until !== null && now < until && (status?.heartbeatAt ?? 0) < now + SYNC_HEARTBEAT_STALE_MS;
}

export type SyncProblemKind =
  /** Another browser runs a newer Shelf: nothing is read or written until this one is updated. */
  | 'newer-version'
  /** The area's state is incomplete or damaged: set aside, retried, then written over. */
  | 'unreadable'
  /** Chrome refused a write for room (QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, MAX_ITEMS). */
  | 'quota'
  /** Chrome refused a write for its write rate (MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR). */
  | 'rate'
  /** Reading or writing this browser's library failed. */
  | 'local'
  | 'other';

export interface SyncProblem {
  kind: SyncProblemKind;
  at: number;
  /** A sentence for Settings. */
  message: string;
}

export const INITIAL_STATUS: SyncStatus = {
  state: 'stopped',
  lastSyncAt: null,
  nextAttemptAt: null,
  fit: null,
  lastError: null,
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const problemMessages = {
  newerVersion: (version: number) =>
    `Another browser saved its shelf with a newer version of Shelf (sync format ${version}). Update Shelf here to sync; nothing was read or written.`,
  unreadable: (reason: string) =>
    `The synced shelf could not be read (${reason}); another browser may be writing it right now. Nothing of it was applied; Shelf tries again shortly.`,
  repaired: (reason: string) =>
    `The synced shelf could still not be read (${reason}), so Shelf wrote this browser's copy over it.`,
  quota: (quota: string) =>
    `The browser's sync storage refused the write (${quota} quota exceeded). Nothing was written; Shelf tries again later.`,
  full: () =>
    'The browser’s sync storage is full with other data: nothing of your shelf fits. Shelf tries again later.',
  rate: (quota: string, until: number) =>
    `The browser's limit on sync writes was reached (${quota}). Shelf waits until ${new Date(until).toLocaleTimeString()} and tries again.`,
  local: (error: unknown) =>
    `This browser's shelf could not be read or updated (${errorText(error)}). Nothing was sent; Shelf tries again later.`,
  other: (error: unknown) => `Sync failed (${errorText(error)}). Shelf tries again later.`,
  refused: (count: number) =>
    `${count === 1 ? 'One entry' : `${count} entries`} of the synced shelf could not be stored here (not valid for this version of Shelf). They were left as they are, on this browser and in the synced shelf.`,
  replicaLost: () =>
    'Shelf’s record of the last sync could not be read, so this sync started afresh: items removed here since then may come back.',
};

const count = z.number().check(z.int(), z.minimum(0));
const time = z.nullable(z.number());

/** The status as the background stores it for Settings (`syncStatus` in lib/settings/preferences.ts). */
export const storedSyncStatusSchema: z.ZodMiniType<SyncStatus | null> = z.nullable(
  z.object({
    state: z.enum(['stopped', 'idle', 'syncing', 'waiting']),
    lastSyncAt: time,
    nextAttemptAt: time,
    fit: z.nullable(
      z.object({
        items: z.object({ synced: count, notSynced: count }),
        preferences: z.object({ synced: count }),
        deletions: z.object({ synced: count, notSynced: count }),
        notSyncedItems: z.array(z.string()),
        tooLarge: z.array(z.string()),
        highlights: z.optional(z.object({ synced: count, notSynced: count })),
        bytesUsed: count,
        bytesQuota: count,
      }),
    ),
    lastError: z.nullable(
      z.object({
        kind: z.enum(['newer-version', 'unreadable', 'quota', 'rate', 'local', 'other']),
        at: z.number(),
        message: z.string().check(z.maxLength(2000)),
      }),
    ),
    heartbeatAt: z.optional(z.number()),
  }),
);
