import { SYNC_QUOTAS } from '@/lib/sync/quotas';

/**
 * Keeps Shelf's own writes (`set` and `remove` each count one) under Chrome's write rates, with
 * room to spare for anything else the extension writes: at most `perMinute` in any 61 seconds and
 * `perHour` in any 3,601 (a second more than Chrome's windows, which open at the first write).
 */
const MINUTE = 61_000;
const HOUR = 3_601_000;

export interface WriteLimiter {
  /** The earliest time `count` more writes stay within both limits (`now` when they do already). */
  nextAllowed(now: number, count: number): number;
  record(at: number): void;
}

export function createWriteLimiter({
  perMinute = SYNC_QUOTAS.MAX_WRITE_OPERATIONS_PER_MINUTE - 20,
  perHour = SYNC_QUOTAS.MAX_WRITE_OPERATIONS_PER_HOUR - 300,
} = {}): WriteLimiter {
  const writes: number[] = [];
  const earliest = (now: number, window: number, limit: number, count: number) => {
    const recent = writes.filter((at) => at > now - window);
    const over = recent.length + count - limit;
    // The `over`-th oldest recent write must leave the window first.
    return over <= 0 ? now : (recent[over - 1] as number) + window;
  };
  return {
    nextAllowed(now, count) {
      while (writes.length > 0 && (writes[0] as number) <= now - HOUR) writes.shift();
      return Math.max(earliest(now, MINUTE, perMinute, count), earliest(now, HOUR, perHour, count));
    },
    record(at) {
      writes.push(at);
    },
  };
}
