import type { SyncClock } from '@/lib/sync/sync-area';

/** A clock whose time moves only when a test says, running the timers that fall due in order. */
export interface TestClock extends SyncClock {
  /** Moves time forward by `ms`, running each timer due on the way and letting its work finish. */
  advance(ms: number): Promise<void>;
  /** Lets pending promise chains finish without moving time. */
  settle(): Promise<void>;
  pendingTimers(): number;
}

/**
 * Real macrotask turns: enough for promise chains (sync runs, event deliveries) to finish. Both kinds of
 * turn: fake-indexeddb steps on immediates, and how many of them one timer turn lets run depends on how
 * long the turn took: on a busy machine five timer turns alone could end before a sync run's last
 * write (once, in a full run beside other work, hostile-area's report was missing; not reproduced alone).
 */
async function drain(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export function createTestClock(start = Date.UTC(2026, 4, 1, 9)): TestClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout(run, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), run });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms) {
      const end = now + ms;
      await drain();
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
        await drain();
      }
      now = end;
      await drain();
    },
    settle: drain,
    pendingTimers: () => timers.size,
  };
}
