import { afterEach, describe, expect, it } from 'vitest';

/**
 * Zod compiles object parsers with `new Function` unless told not to. Extension pages' CSP (Chrome
 * MV3, Firefox) forbids eval: each attempt logs a CSP violation, and `web-ext lint` reports it.
 * Every schema module gets `z` from lib/zod, which turns that off before any schema is built.
 */
const realFunction = globalThis.Function;

/** Replaces the global `Function` with one that records each call while `run` runs. */
async function functionCallsWhile(run: () => Promise<void>): Promise<unknown[][]> {
  const calls: unknown[][] = [];
  globalThis.Function = new Proxy(realFunction, {
    construct(target, args) {
      calls.push(args);
      return Reflect.construct(target, args);
    },
    apply(target, self, args) {
      calls.push(args);
      return Reflect.apply(target, self, args);
    },
  });
  await run();
  return calls;
}

afterEach(() => {
  globalThis.Function = realFunction;
});

describe('Zod in the extension', () => {
  it('parses messages, classic and mini schemas, without ever calling Function (no eval under the CSP)', async () => {
    const calls = await functionCallsWhile(async () => {
      const { requestSchema } = await import('@/lib/messaging/protocol');
      const { pageCommandSchema } = await import('@/lib/messaging/page-command');
      expect(requestSchema.parse({ type: 'page-state', url: 'https://example.com/a' })).toEqual({
        type: 'page-state',
        url: 'https://example.com/a',
      });
      expect(requestSchema.safeParse({ type: 'page-state', url: 1 }).success).toBe(false);
      expect(pageCommandSchema.safeParse({ type: 'nothing-like-it' }).success).toBe(false);
    });
    expect(calls).toHaveLength(0);
  });
});
