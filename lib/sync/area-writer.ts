import { quotaNamed } from '@/lib/sync/quotas';
import { isSyncKey } from '@/lib/sync/remote-state';
import type { StorageChange, SyncArea } from '@/lib/sync/sync-area';
import { problemMessages, type SyncProblem } from '@/lib/sync/sync-status';
import type { WriteLimiter } from '@/lib/sync/write-limiter';
import type { WritePlan } from '@/lib/sync/write-plan';

/**
 * Writes plans to the area: within Shelf's own write budget, backing off (a minute, then doubling)
 * when the browser refuses for its write rate, and remembering what it wrote so that its own
 * writes coming back through `onChanged` are not taken for another browser's.
 */
export interface BackoffTiming {
  /** After MAX_WRITE_OPERATIONS_PER_MINUTE (Chrome's window lasts a minute). */
  minuteBackoff: number;
  /** After MAX_WRITE_OPERATIONS_PER_HOUR. */
  hourBackoff: number;
  maxBackoff: number;
  /** After a refusal for room or another error. */
  retryDelay: number;
}

export type WriteOutcome =
  | { kind: 'written' }
  /** Not attempted: Shelf's budget or a back-off says wait until then. */
  | { kind: 'waiting'; until: number }
  /** The browser refused; nothing was written. */
  | { kind: 'refused'; problem: SyncProblem; retryAt: number };

export interface AreaWriter {
  write(plan: WritePlan, now: number): Promise<WriteOutcome>;
  /** Whether a change to the area came from somewhere else than this writer. */
  isFromElsewhere(changes: Record<string, StorageChange>): boolean;
}

export function createAreaWriter(area: SyncArea, limiter: WriteLimiter, timing: BackoffTiming): AreaWriter {
  let blockedUntil = 0;
  let backoffStep = 0;
  /** What this browser last wrote per key (undefined: removed). */
  const written = new Map<string, string | undefined>();

  function refused(error: unknown, now: number): WriteOutcome {
    const quota = quotaNamed(error);
    if (quota === 'MAX_WRITE_OPERATIONS_PER_MINUTE' || quota === 'MAX_WRITE_OPERATIONS_PER_HOUR') {
      const base = quota === 'MAX_WRITE_OPERATIONS_PER_MINUTE' ? timing.minuteBackoff : timing.hourBackoff;
      blockedUntil = now + Math.min(timing.maxBackoff, base * 2 ** backoffStep++);
      const problem = { kind: 'rate', at: now, message: problemMessages.rate(quota, blockedUntil) } as const;
      return { kind: 'refused', problem, retryAt: blockedUntil };
    }
    const message = quota ? problemMessages.quota(quota) : problemMessages.other(error);
    return {
      kind: 'refused',
      problem: { kind: quota ? 'quota' : 'other', at: now, message },
      retryAt: now + timing.retryDelay,
    };
  }

  return {
    async write(plan, now) {
      const allowedAt = Math.max(blockedUntil, limiter.nextAllowed(now, 1));
      if (allowedAt > now) return { kind: 'waiting', until: allowedAt };
      limiter.record(now);
      try {
        await area.set(plan.set);
      } catch (error) {
        return refused(error, now);
      }
      backoffStep = 0;
      for (const [key, value] of Object.entries(plan.set)) written.set(key, JSON.stringify(value));
      if (plan.remove.length > 0 && limiter.nextAllowed(now, 1) <= now) {
        limiter.record(now);
        // Emptied keys hold "", so a failure here costs nothing: the next write removes them.
        await area.remove(plan.remove).then(
          () => {
            for (const key of plan.remove) written.set(key, undefined);
          },
          () => undefined,
        );
      }
      return { kind: 'written' };
    },
    isFromElsewhere(changes) {
      return Object.entries(changes).some(
        ([key, change]) =>
          isSyncKey(key) &&
          (!written.has(key) ||
            written.get(key) !== (change.newValue === undefined ? undefined : JSON.stringify(change.newValue))),
      );
    },
  };
}
