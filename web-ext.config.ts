import { defineWebExtConfig } from 'wxt';
import { findChromium } from './scripts/chromium';

// `npm run dev` opens this machine's Chromium with Shelf loaded and reloads it on change.
export default defineWebExtConfig({
  binaries: { chrome: findChromium() },
  chromiumArgs: [
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Chromium refuses to start as root without it (CI and containers run as root).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
