import type { WebExtConfig } from 'wxt';
import { findChromium } from './scripts/chromium';

// Chromium cannot open a window without an X11 or Wayland display (a server, a container, SSH):
// `npm run dev` then runs it headless, so the build-and-reload loop still works, and says so.
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

/**
 * `npm run dev` opens this machine's Chromium with Shelf loaded and reloads it on change.
 * WXT loads this file for every command (also `wxt prepare` on `npm ci`, and Firefox builds), so the
 * browser is looked up only when dev mode opens it: a Firefox-only contributor never needs Chromium.
 */
export default {
  binaries: {
    get chrome() {
      return chromiumForDevMode();
    },
  },
  chromiumArgs: [
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Chromium refuses to start as root without it (CI and containers run as root).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(headless ? ['--headless=new'] : []),
  ],
} satisfies WebExtConfig;

function chromiumForDevMode(): string {
  let chromium: string;
  try {
    chromium = findChromium();
  } catch (error) {
    console.error(`\n${(error as Error).message}\nTo develop in Firefox instead: npm run dev:firefox\n`);
    process.exit(1);
  }
  if (headless)
    console.warn(
      '\nNo display ($DISPLAY and $WAYLAND_DISPLAY are unset): Chromium runs headless, so you will not see it.\n' +
        'To see it, run on a desktop, or under a virtual display: xvfb-run -a npm run dev\n',
    );
  return chromium;
}
