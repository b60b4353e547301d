import { performance as nodePerformance } from 'node:perf_hooks';
import * as webStreams from 'node:stream/web';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Unit tests run in one jsdom per worker (vitest's vmThreads pool: each file still gets fresh
// modules, without paying ~1 s to build a jsdom per file). That jsdom window lacks some globals
// browsers and Node have: the web streams (which fetch's Response and the capture code use) and
// performance.mark/measure (the bench marks). Lend Node's.
const globals = globalThis as unknown as Record<string, unknown>;
for (const [name, value] of Object.entries(webStreams)) {
  if (!(name in globals)) globals[name] = value;
}
if (typeof performance.mark !== 'function') {
  Object.defineProperty(globalThis, 'performance', { value: nodePerformance, configurable: true, writable: true });
}

// findBy*/waitFor give up after 1 s by default: too little for IndexedDB and React on a 2-core
// machine shared with other runs. A budget catches hangs; speed is measured by npm run bench.
configure({ asyncUtilTimeout: 20_000 });
// Vitest's own vi.waitFor has the same 1 s default and no setting for it: a worker-stop test waiting
// for 35 copies to be read timed out while other jobs ran. The same budget, unless a test names one.
export const WAIT_FOR_TIMEOUT_MS = 20_000;
const waitFor = vi.waitFor;
vi.waitFor = (callback, options) =>
  waitFor(callback, typeof options === 'number' ? options : { timeout: WAIT_FOR_TIMEOUT_MS, ...options });

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});
