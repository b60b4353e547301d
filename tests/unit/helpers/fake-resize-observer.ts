import { vi } from 'vitest';

/**
 * Puts a ResizeObserver in place (jsdom has none) whose report the test sends: `resize()` calls the
 * callback of the observer made last, until it is disconnected. Undo with `vi.unstubAllGlobals()`.
 */
export function fakeResizeObserver(): { resize: () => void } {
  let report = () => {};
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        report = callback;
      }
      observe() {}
      disconnect() {
        report = () => {};
      }
    },
  );
  return { resize: () => report() };
}
