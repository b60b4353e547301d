export interface Timing {
  median: number;
  p95: number;
  min: number;
  max: number;
  samples: number;
}

/** Median, p95 and range of the samples. No sample, or one that is not a finite number, is a measurement that failed: an error, never a figure. */
export function summarize(samples: readonly number[]): Timing {
  if (samples.length === 0) throw new Error('no timing samples: the measurement failed');
  const failed = samples.find((sample) => !Number.isFinite(sample));
  if (failed !== undefined) throw new Error(`a timing sample is ${failed}: the measurement failed`);
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    median: at(0.5),
    p95: at(0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    samples: sorted.length,
  };
}

export function formatTiming(t: Timing, unit = 'ms'): string {
  // Digits by size, whatever the sign (a run can paint before its floor).
  const f = (n: number) => (Math.abs(n) < 0.1 ? n.toFixed(4) : Math.abs(n) < 10 ? n.toFixed(3) : n.toFixed(1));
  return `median ${f(t.median)} ${unit}  p95 ${f(t.p95)} ${unit}  (min ${f(t.min)}, max ${f(t.max)}, n=${t.samples})`;
}

/**
 * Each run's time above the floor measured in the same run (`times[i] - floors[i]`): the machine's
 * noise of that moment cancels out, which medians of the two lists apart do not do.
 */
export function aboveFloor(times: readonly number[], floors: readonly number[]): number[] {
  if (times.length !== floors.length)
    throw new Error(`${times.length} times and ${floors.length} floors: each run needs both`);
  return times.map((time, run) => time - (floors[run] as number));
}

/** Times `run` once per item, `repeats` times over the list; returns per-call milliseconds. */
export function timeEach<T>(items: readonly T[], repeats: number, run: (item: T) => unknown): number[] {
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    for (const item of items) {
      const started = performance.now();
      run(item);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}
