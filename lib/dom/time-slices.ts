/**
 * Long DOM work written once as steps (a generator that yields between small pieces of work) and
 * run two ways: to the end in one go (Node, the CLI, imports of saved files), or in short slices
 * with pauses between them, so the page it runs in keeps answering its user.
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A slice well under the 50 ms at which the browser counts a task as long. */
export const SLICE_MS = 8;

/**
 * A pause that lets the page handle input and paint: `scheduler.yield()` where the browser has
 * it, else a message to ourselves. Not a timer: browsers run timers in background tabs at most
 * once a second, and a page saved from a popup in a tab of its own is a background tab.
 */
export function pauseForPage(): Promise<void> {
  const { scheduler } = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SliceOptions {
  now?: () => number;
  /** How long to work before pausing (0: after each step). */
  sliceMs?: number;
  /** What runs between slices; by default the next task, so that input and paints come first. */
  pause?: () => Promise<void>;
}

/** Steps in slices of `sliceMs`, with a pause between them. */
export function runInSlices<T>(steps: Steps<T>, options?: SliceOptions & { signal?: undefined }): Promise<T>;
/**
 * The same, given up (null) once `signal` is aborted: checked before the first step, after each pause
 * (when other work has run) and at the end.
 */
export function runInSlices<T>(steps: Steps<T>, options: SliceOptions & { signal?: AbortSignal }): Promise<T | null>;
export async function runInSlices<T>(
  steps: Steps<T>,
  {
    now = () => performance.now(),
    sliceMs = SLICE_MS,
    pause = pauseForPage,
    signal,
  }: SliceOptions & { signal?: AbortSignal } = {},
): Promise<T | null> {
  if (signal?.aborted) return null;
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return signal?.aborted ? null : step.value;
    if (now() - sliceStart >= sliceMs) {
      await pause();
      if (signal?.aborted) {
        steps.return(undefined as T);
        return null;
      }
      sliceStart = now();
    }
  }
}

/**
 * What a long walk may spend: nodes visited, and time since it started (pauses included: the
 * budget is how long the user may wait). `spend()` for each node says when the walk must stop.
 */
export interface WorkMeter {
  /** Counts one node; true when the budget is spent. */
  spend(): boolean;
  readonly spent: boolean;
  /** Nodes counted so far. */
  readonly nodes: number;
}

export function createWorkMeter(
  { maxNodes, maxMs }: { maxNodes: number; maxMs: number },
  now: () => number,
): WorkMeter {
  const started = now();
  let nodes = 0;
  let spent = false;
  return {
    spend() {
      nodes++;
      // The clock is read every 256 nodes only: reading it costs more than visiting a node.
      if (nodes >= maxNodes || ((nodes & 255) === 0 && now() - started > maxMs)) spent = true;
      return spent;
    },
    get spent() {
      return spent;
    },
    get nodes() {
      return nodes;
    },
  };
}
