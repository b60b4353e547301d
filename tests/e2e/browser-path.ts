import { chromium } from '@playwright/test';
import { findChromium } from '@/scripts/chromium';

/** $CHROME_PATH, else Playwright's own Chromium if one was installed, else the system's. */
export function findTestChromium(): string {
  let playwrightOwn: string | undefined;
  try {
    playwrightOwn = chromium.executablePath();
  } catch {
    playwrightOwn = undefined;
  }
  return findChromium([playwrightOwn]);
}
