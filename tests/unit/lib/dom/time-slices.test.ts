import { describe, expect, it, vi } from 'vitest';
import { createWorkMeter, runInSlices, runToEnd, type Steps } from '@/lib/dom/time-slices';

function* countTo(n: number, done: number[], work = () => {}): Steps<number> {
  for (let i = 1; i <= n; i++) {
    work();
    done.push(i);
    yield;
  }
  return n;
}

describe('work in steps', () => {
  it('runs to the end in one go', () => {
    expect(runToEnd(countTo(5, []))).toBe(5);
  });

  it('pauses for the page whenever a slice has run its time, and only then', async () => {
    let time = 0;
    const done: number[] = [];
    const pauses: number[] = [];
    const pause = async () => {
      pauses.push(done.length);
    };
    // Each step costs 3 ms: with 8 ms slices, a pause after every third step.
    const steps = countTo(10, done, () => {
      time += 3;
    });
    const result = await runInSlices(steps, { now: () => time, sliceMs: 8, pause });
    expect(result).toBe(10);
    expect(pauses).toEqual([3, 6, 9]);
  });

  it('gives up at the first pause after its signal is aborted, closing the steps', async () => {
    const done: number[] = [];
    let closed = false;
    function* steps(): Steps<number> {
      try {
        return yield* countTo(10, done);
      } finally {
        closed = true;
      }
    }
    const stale = new AbortController();
    const pause = async () => {
      if (done.length === 4) stale.abort();
    };
    expect(await runInSlices(steps(), { sliceMs: 0, pause, signal: stale.signal })).toBeNull();
    expect(done).toEqual([1, 2, 3, 4]);
    expect(closed).toBe(true);

    // Already stale: nothing runs. Never aborted: the result, as without a signal.
    const none: number[] = [];
    expect(await runInSlices(countTo(3, none), { signal: stale.signal })).toBeNull();
    expect(none).toEqual([]);
    expect(await runInSlices(countTo(3, []), { sliceMs: 0, pause, signal: new AbortController().signal })).toBe(3);
    // Aborted by its last step, with no pause after it: stale all the same.
    const byLastStep = new AbortController();
    const last = countTo(3, [], () => byLastStep.abort());
    expect(await runInSlices(last, { sliceMs: 1e9, pause, signal: byLastStep.signal })).toBeNull();
  });

  it('meters nodes and time, reading the clock every 256 nodes', () => {
    const byNodes = createWorkMeter({ maxNodes: 10, maxMs: 1e9 }, () => 0);
    const spent = Array.from({ length: 12 }, () => byNodes.spend());
    expect(spent.indexOf(true)).toBe(9);
    expect(byNodes.spent).toBe(true);

    let time = 0;
    const clock = vi.fn(() => time);
    const byTime = createWorkMeter({ maxNodes: 1e9, maxMs: 100 }, clock);
    for (let i = 0; i < 255; i++) byTime.spend();
    time = 101;
    expect(byTime.spend()).toBe(true); // the 256th node reads the clock
    expect(clock).toHaveBeenCalledTimes(2); // at the start, and once
  });
});
