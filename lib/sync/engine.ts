import { createAreaWriter } from '@/lib/sync/area-writer';
import { createChunkEncoder } from '@/lib/sync/chunk-codec';
import { keyHash } from '@/lib/sync/chunk-layout';
import { documentsEqual, EMPTY_DOCUMENT, entityKey, mergeDocuments, type SyncDocument } from '@/lib/sync/document';
import { HIGHLIGHT_KIND, ITEM_KIND, PREFERENCE_KIND } from '@/lib/sync/entity-kinds';
import { LEFT_OUT_KEY } from '@/lib/sync/left-out';
import { type LocalChanges, localChangesFor, observeLocal } from '@/lib/sync/local-state';
import { dropExpiredDeletions } from '@/lib/sync/priority';
import { chromeItemBytes } from '@/lib/sync/quotas';
import { isSyncKey, MANIFEST_KEY, readRemoteState } from '@/lib/sync/remote-state';
import { decodeReplica, encodeReplica, type Replica } from '@/lib/sync/replica';
import type { StorageChange, SyncArea, SyncClock, SyncLocalAdapter } from '@/lib/sync/sync-area';
import { systemClock } from '@/lib/sync/sync-area';
import {
  INITIAL_STATUS,
  problemMessages,
  SYNC_HEARTBEAT_MS,
  type SyncProblem,
  type SyncStatus,
} from '@/lib/sync/sync-status';
import { createWriteLimiter, type WriteLimiter } from '@/lib/sync/write-limiter';
import { planWrite } from '@/lib/sync/write-plan';

/**
 * The sync controller. `syncNow()`: read the area, check it, merge it with this browser's
 * library, store what changed here, then write what the area lacks — in that order, so a failed
 * write leaves both sides whole and is retried. `start()` also syncs after changes on either
 * side (debounced) and retries after errors; `stop()` ends that.
 */
export const DEFAULT_TIMING = {
  /** Wait after a local edit, so a burst of edits goes in one write. */
  localDelay: 5_000,
  /** Wait after the area changes (a browser's write arrives as several changes). */
  remoteDelay: 2_000,
  /** The longest a stream of changes postpones a sync. */
  maxDelay: 30_000,
  /** Retry after an unreadable state, a refused write or a local failure. */
  retryDelay: 60_000,
  /**
   * An unreadable state still there after this long (plus up to a minute, by device, so that two
   * browsers do not write over it at the same moment) is written over with this browser's copy.
   */
  repairAfter: 180_000,
  /** After Chrome says MAX_WRITE_OPERATIONS_PER_MINUTE (its window lasts a minute), doubling. */
  minuteBackoff: 61_000,
  /** After MAX_WRITE_OPERATIONS_PER_HOUR, doubling. */
  hourBackoff: 600_000,
  maxBackoff: 3_600_000,
  /** While a sync runs, how often it says so (a status left 'syncing' by a stopped worker goes stale). */
  heartbeat: SYNC_HEARTBEAT_MS,
};

export interface SyncEngineOptions {
  area: SyncArea;
  local: SyncLocalAdapter;
  /** This browser's id (stable, unique among the user's browsers; it breaks ties between edits). */
  deviceId: string;
  clock?: SyncClock;
  onReport?: (status: SyncStatus) => void;
  timing?: Partial<typeof DEFAULT_TIMING>;
  limiter?: WriteLimiter;
}

export interface SyncEngine {
  syncNow(): Promise<SyncStatus>;
  start(): void;
  stop(): void;
  status(): SyncStatus;
}

const hasChanges = (c: LocalChanges) =>
  c.put.length + c.remove.length + c.putHighlights.length + c.removeHighlights.length > 0 ||
  Object.keys(c.preferences).length > 0;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { area, local, deviceId, clock = systemClock, onReport } = options;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const encode = createChunkEncoder();
  let status: SyncStatus = { ...INITIAL_STATUS };
  let replica: Replica | null = null;
  /** The text `replica` was read from or saved as. */
  let replicaText: string | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let started = false;
  let unsubscribe: (() => void)[] = [];
  /** Two timers: one postponed by each change (debounce), one for retries. */
  const timers: Record<'debounce' | 'retry', { handle: unknown; due: number } | null> = { debounce: null, retry: null };
  let firstRequestAt: number | null = null;
  let unreadable: { key: string; since: number } | null = null;
  const repairSpread = (keyHash(deviceId) % 60) * 1_000;
  const writer = createAreaWriter(area, options.limiter ?? createWriteLimiter(), timing);
  /**
   * Where the last complete sync left both sides: when nothing moved since, there is nothing to plan
   * (until `recheckAt`, when this browser's entry in the list of who left highlights out is due).
   */
  let settled: { doc: SyncDocument; area: string; recheckAt: number | null } | null = null;
  const areaSummary = (items: Record<string, unknown>) =>
    JSON.stringify([
      items[MANIFEST_KEY],
      items[LEFT_OUT_KEY],
      Object.entries(items).reduce((sum, [key, value]) => sum + (isSyncKey(key) ? 0 : chromeItemBytes(key, value)), 0),
    ]);

  const report = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    onReport?.(status);
  };

  function setTimer(which: keyof typeof timers, at: number): void {
    const current = timers[which];
    if (current) clock.clearTimeout(current.handle);
    const handle = clock.setTimeout(
      () => {
        timers[which] = null;
        if (which === 'debounce') firstRequestAt = null;
        void syncNow();
      },
      Math.max(0, at - clock.now()),
    );
    timers[which] = { handle, due: at };
  }

  /** Syncs `delay` after the last of a stream of changes, and at most `maxDelay` after the first. */
  function requestSync(delay: number): void {
    if (!started) return;
    const now = clock.now();
    firstRequestAt ??= now;
    setTimer('debounce', Math.min(now + delay, firstRequestAt + timing.maxDelay));
  }

  function retryAt(at: number, problem: SyncProblem | null): void {
    if (started && !(timers.retry && timers.retry.due <= at)) setTimer('retry', at);
    report({ nextAttemptAt: at, lastError: problem });
  }

  async function runOnce(): Promise<void> {
    const now = clock.now();
    report({ state: 'syncing', nextAttemptAt: null, heartbeatAt: now });
    let items: Record<string, unknown>;
    try {
      items = await area.get(null);
    } catch (error) {
      return retryAt(now + timing.retryDelay, { kind: 'other', at: now, message: problemMessages.other(error) });
    }
    const remote = readRemoteState(items);
    let notice: SyncProblem | null = null;
    let merged: SyncDocument;
    try {
      // Loaded each time (decoded only when it changed): the adapter drops a record that no longer
      // describes this library (after "Delete everything"), and sync must then start afresh.
      const text = await local.loadReplica();
      if (!replica || text !== replicaText) {
        replica = decodeReplica(text, now);
        replicaText = text;
        if (!replica && text) notice = { kind: 'local', at: now, message: problemMessages.replicaLost() };
      }
      const readAt = clock.now();
      const snapshot = await local.read();
      // No replica: this is this browser's first sync (or the first since its library was replaced).
      const firstSyncAt = replica?.firstSyncAt ?? now;
      const observed = observeLocal(replica?.doc ?? EMPTY_DOCUMENT, snapshot, deviceId, now, {
        published: remote.kind === 'ok' ? remote.doc : EMPTY_DOCUMENT,
        highlightsComplete: remote.kind === 'ok' && remote.highlightsComplete,
        firstSyncAt,
      });
      merged = dropExpiredDeletions(remote.kind === 'ok' ? mergeDocuments(observed, remote.doc) : observed, now);
      const changes = localChangesFor(merged, snapshot, readAt);
      const applied = hasChanges(changes) ? await local.apply(changes) : undefined;
      // What this library refused is not here: the replica must not say it is (or its absence
      // would read as a removal next time). It stays in the area, and is offered again each sync.
      const refused = [
        ...(applied?.refusedItems ?? []).map((id) => entityKey(ITEM_KIND, id)),
        ...(applied?.refusedHighlights ?? []).map((id) => entityKey(HIGHLIGHT_KIND, id)),
      ];
      // Nor a setting's value it refused, or its own value would read as a newer change and go out over it.
      const refusedPreferences = (applied?.refusedPreferences ?? []).map((name) => entityKey(PREFERENCE_KIND, name));
      replica = { doc: merged, firstSyncAt };
      if (refused.length + refusedPreferences.length > 0) {
        const kept = new Map(merged);
        for (const key of [...refused, ...refusedPreferences]) kept.delete(key);
        replica = { doc: kept, firstSyncAt };
      }
      if (refused.length > 0) notice = { kind: 'local', at: now, message: problemMessages.refused(refused.length) };
      replicaText = encodeReplica(replica);
      await local.saveReplica(replicaText);
    } catch (error) {
      return retryAt(now + timing.retryDelay, { kind: 'local', at: now, message: problemMessages.local(error) });
    }

    if (remote.kind === 'future')
      return report({
        lastError: { kind: 'newer-version', at: now, message: problemMessages.newerVersion(remote.version) },
      });
    if (remote.kind === 'unreadable') {
      const key = `${remote.reason}\n${JSON.stringify(items[MANIFEST_KEY])}`;
      if (unreadable?.key !== key) unreadable = { key, since: now };
      if (now - unreadable.since < timing.repairAfter + repairSpread) {
        const message = problemMessages.unreadable(remote.reason);
        return retryAt(now + timing.retryDelay, { kind: 'unreadable', at: now, message });
      }
      notice = { kind: 'unreadable', at: now, message: problemMessages.repaired(remote.reason) };
    }
    unreadable = null;

    // Planning a library that does not fit takes a while; skip it when neither side moved.
    if (
      !notice &&
      settled?.area === areaSummary(items) &&
      (settled.recheckAt === null || now < settled.recheckAt) &&
      documentsEqual(settled.doc, merged)
    ) {
      settled = { ...settled, doc: merged };
    } else {
      const plan = planWrite({ doc: merged, remote, area: items, deviceId, now, encode });
      report({ fit: plan.report });
      if (!plan.fits)
        return retryAt(now + timing.retryDelay, { kind: 'quota', at: now, message: problemMessages.full() });
      if (plan.needed) {
        const outcome = await writer.write(plan, now);
        if (outcome.kind === 'waiting') return retryAt(outcome.until, status.lastError);
        if (outcome.kind === 'refused') return retryAt(outcome.retryAt, outcome.problem);
      }
      const area = areaSummary(plan.needed ? { ...items, ...plan.set } : items);
      settled = { doc: merged, area, recheckAt: plan.recheckAt };
    }
    if (timers.retry) clock.clearTimeout(timers.retry.handle);
    timers.retry = null;
    report({ lastSyncAt: now, lastError: notice });
  }

  function syncNow(): Promise<SyncStatus> {
    if (running) {
      again = true;
      return running.then(() => status);
    }
    running = (async () => {
      let heartbeat: unknown = null;
      const beat = () => {
        heartbeat = clock.setTimeout(() => {
          report({ heartbeatAt: clock.now() });
          beat();
        }, timing.heartbeat);
      };
      beat();
      try {
        do {
          again = false;
          try {
            await runOnce();
          } catch (error) {
            const now = clock.now();
            retryAt(now + timing.retryDelay, { kind: 'other', at: now, message: problemMessages.other(error) });
          }
        } while (again);
      } finally {
        clock.clearTimeout(heartbeat);
        running = null;
        report({ state: !started ? 'stopped' : status.nextAttemptAt ? 'waiting' : 'idle' });
      }
    })();
    return running.then(() => status);
  }

  const onAreaChanged = (changes: Record<string, StorageChange>) => {
    if (writer.isFromElsewhere(changes)) requestSync(timing.remoteDelay);
  };
  const onLocalChange = () => requestSync(timing.localDelay);

  return {
    syncNow,
    start() {
      if (started) return;
      started = true;
      area.onChanged.addListener(onAreaChanged);
      unsubscribe = [() => area.onChanged.removeListener(onAreaChanged), local.watch(onLocalChange)];
      report({ state: 'idle' });
      requestSync(0);
    },
    stop() {
      if (!started) return;
      started = false;
      for (const off of unsubscribe) off();
      unsubscribe = [];
      for (const which of ['debounce', 'retry'] as const) {
        const current = timers[which];
        if (current) clock.clearTimeout(current.handle);
        timers[which] = null;
      }
      firstRequestAt = null;
      report({ state: 'stopped', nextAttemptAt: null });
    },
    status: () => status,
  };
}
