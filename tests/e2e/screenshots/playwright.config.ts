import { defineConfig } from '@playwright/test';

/**
 * Retakes the README's screenshots (not part of `npm test`): `npx wxt build && npx playwright test
 * -c tests/e2e/screenshots`. They are written to assets/screenshots/, or to $SHOTS_DIR.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.shots.ts',
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
});
