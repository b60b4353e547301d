import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Two browsers at a time, each test in its own Chromium and profile: on the 2-core CI machine the
  // suite took 756 s with one worker and 681 s with two (each test slower, but never idle waiting).
  workers: 2,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  // Budgets catch hangs, not slowness: on a 2-core machine shared with another run, Chromium with the
  // extension starts and paints several times slower than alone (30 s / 5 s failed there, and with
  // two whole suites at once, 60 s / 10 s did). A passing test never waits for a budget.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  // Traces are recorded on the retry only: recording every action of every run cost CPU the
  // 2-core CI machine does not have (a failure's retry still leaves its trace).
  use: { trace: 'on-first-retry' },
});
