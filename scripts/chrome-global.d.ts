import type { browser } from 'wxt/browser';

// Code passed to Playwright's `worker.evaluate` runs inside the extension, where `chrome` is global.
declare global {
  const chrome: typeof browser;
}
