import { expect, it, vi } from 'vitest';

// tests/unit/setup.ts gives vi.waitFor the budget testing-library's waitFor has: on a busy 2-core
// machine a condition met after its 1 s default failed a test that was right.
it('vi.waitFor keeps asking past its 1 s default', async () => {
  const start = Date.now();
  const waited = await vi.waitFor(() => {
    const elapsed = Date.now() - start;
    if (elapsed < 1_500) throw new Error('not yet');
    return elapsed;
  });
  expect(waited).toBeGreaterThanOrEqual(1_500);
});

it('a test may still name its own, shorter budget', async () => {
  await expect(
    vi.waitFor(
      () => {
        throw new Error('never');
      },
      { timeout: 100 },
    ),
  ).rejects.toThrow('never');
});
