import { describe, expect, it } from 'vitest';
import { readCappedBody } from '@/lib/net/read-capped-body';

/** A streamed answer of `chunks`, recording how far the reader pulled and whether it cancelled. */
function streamed(chunks: Uint8Array[]) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[seen.pulled++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { response: new Response(body), seen };
}

describe('readCappedBody', () => {
  it('joins the chunks of a body within the cap, byte for byte', async () => {
    const { response } = streamed([new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array([4, 5, 6])]);
    expect([...((await readCappedBody(response, 6)) ?? [])]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('stops at the first chunk past the cap, cancels the download and says so with null', async () => {
    const chunks = Array.from({ length: 100 }, () => new Uint8Array(1024));
    const { response, seen } = streamed(chunks);
    expect(await readCappedBody(response, 10 * 1024)).toBeNull();
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(20);
  });

  it('reads a body-less answer as empty', async () => {
    expect((await readCappedBody(new Response(null), 10))?.byteLength).toBe(0);
  });
});
