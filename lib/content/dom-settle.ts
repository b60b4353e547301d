/** How long a page's DOM must stay unchanged to count as rendered, and the longest wait for that. */
export interface SettleTiming {
  quietMs: number;
  maxSettleMs: number;
}

/**
 * Resolves once `doc`'s DOM has been still for `quietMs`, or after `maxSettleMs` (a page that never
 * stops changing: a clock, a feed), or at once when `signal` aborts. With `afterChange`, the quiet
 * is counted from the DOM's first change: for a page that has not started rendering yet.
 */
export function whenDomSettles(
  doc: Document,
  { quietMs, maxSettleMs }: SettleTiming,
  signal: AbortSignal,
  { afterChange = false }: { afterChange?: boolean } = {},
): Promise<void> {
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      changes.disconnect();
      clearTimeout(quiet);
      clearTimeout(cap);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const cap = setTimeout(done, maxSettleMs);
    const changes = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    if (signal.aborted) return done();
    signal.addEventListener('abort', done);
    // Waiting for a page to start rendering, content it reveals (`hidden` or a class taken off) counts too.
    changes.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      ...(afterChange && { attributeFilter: ['hidden', 'class'] }),
    });
    if (!afterChange) quiet = setTimeout(done, quietMs);
  });
}
