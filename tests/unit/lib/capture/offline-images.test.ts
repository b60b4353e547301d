import { describe, expect, it, vi } from 'vitest';
import { fetchImagesForCopy, IMAGE_LIMITS, imageAddressesIn } from '@/lib/capture/offline-images';
import { sanitizeArticleHtml } from '@/lib/capture/sanitize';

describe('imageAddressesIn', () => {
  it('reads the sanitizer’s image addresses, decoded, each once, web addresses only', () => {
    const html =
      '<p><img data-shelf-src="https://a.example/x.png?w=1&amp;h=2" alt=""><img data-shelf-src="https://a.example/x.png?w=1&amp;h=2" alt=""></p>' +
      '<img alt="" data-shelf-src="http://b.example/y.jpg"><img data-shelf-src="javascript:alert(1)">';
    expect(imageAddressesIn(html)).toEqual(['https://a.example/x.png?w=1&h=2', 'http://b.example/y.jpg']);
  });

  it('reads only images’ addresses, never a page’s words that spell the attribute (text keeps its quotes)', () => {
    const page =
      '<p>Then data-shelf-src="https://tracker.example/prose.gif" names it.</p>' +
      '<pre><code>&lt;img data-shelf-src="https://tracker.example/code.gif"&gt;</code></pre>' +
      '<svg viewBox="0 0 4 4"><text> data-shelf-src="https://tracker.example/drawing.gif"</text></svg>' +
      '<img alt=\'a > b data-shelf-src="https://tracker.example/alt.gif"\' src="https://a.example/real.png">';
    expect(imageAddressesIn(sanitizeArticleHtml(page))).toEqual(['https://a.example/real.png']);
  });

  // Review: the first ` data-shelf-src="` of the tag was read, so an image whose alt text spelled it was not
  // kept offline (its address read as ` data-shelf-src=`).
  it('reads an image’s address whatever its other attributes’ values spell', () => {
    const page = '<img alt="a data-shelf-src=" src="https://a.example/real.png">';
    expect(imageAddressesIn(sanitizeArticleHtml(page))).toEqual(['https://a.example/real.png']);
  });
});

function image(bytes: number, type = 'image/png', headers: Record<string, string> = {}) {
  return new Response(new Uint8Array(bytes), { headers: { 'content-type': type, ...headers } });
}

describe('fetchImagesForCopy', () => {
  // Chrome before 138 (Shelf runs from 116) writes "<" in an attribute's value as it is: from each "<img" in a
  // title the tag pattern read on to the value's end and back, by the square of their count (20,000: 4 s).
  it('reads a copy whose attribute values spell many "<img" in one pass', () => {
    const html = `<p title="${'<img '.repeat(150_000)}">Words</p><img data-shelf-src="https://a.example/x.png" alt="">`;
    expect(imageAddressesIn(html)).toEqual(['https://a.example/x.png']);
  });

  it('keeps images of allowed sites and image types within the caps; skips the rest', async () => {
    const responses: Record<string, () => Response> = {
      'https://ok.example/a.png': () => image(100),
      'https://ok.example/b.jpg': () => image(50, 'image/jpeg; charset=binary'),
      'https://ok.example/page.html': () => image(10, 'text/html'),
      'https://ok.example/drawing.svg': () => image(10, 'image/svg+xml'),
      'https://ok.example/huge.png': () => image(IMAGE_LIMITS.maxImageBytes + 1),
      'https://ok.example/missing.png': () => new Response('no', { status: 404 }),
      'https://ok.example/broken.png': () => {
        throw new TypeError('network');
      },
      'https://other.example/c.png': () => image(10),
    };
    const fetch = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => responses[String(input)]!());
    const kept = await fetchImagesForCopy(Object.keys(responses), {
      fetch: fetch as unknown as typeof globalThis.fetch,
      mayFetch: async (url) => url.startsWith('https://ok.example/'),
    });
    expect(kept.map((k) => [k.url, k.blob.type, k.blob.size])).toEqual([
      ['https://ok.example/a.png', 'image/png', 100],
      ['https://ok.example/b.jpg', 'image/jpeg', 50],
    ]);
    expect(fetch).not.toHaveBeenCalledWith('https://other.example/c.png', expect.anything());
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ credentials: 'omit' });
  });

  it('stops at the page budget and at the image count', async () => {
    const third = IMAGE_LIMITS.maxPageBytes / 3 + 1;
    const fetch = (async () =>
      image(Math.min(third, IMAGE_LIMITS.maxImageBytes))) as unknown as typeof globalThis.fetch;
    const urls = Array.from({ length: 200 }, (_, i) => `https://ok.example/${i}.png`);
    const kept = await fetchImagesForCopy(urls, { fetch, mayFetch: async () => true });
    const total = kept.reduce((sum, k) => sum + k.blob.size, 0);
    expect(total).toBeLessThanOrEqual(IMAGE_LIMITS.maxPageBytes);
    expect(kept.length).toBeGreaterThan(0);

    const small = (async () => image(1)) as unknown as typeof globalThis.fetch;
    expect(await fetchImagesForCopy(urls, { fetch: small, mayFetch: async () => true })).toHaveLength(
      IMAGE_LIMITS.maxImages,
    );
  });

  // Red team: an "image" sent without end and without a length put 2.6 GB in memory within its 15 s.
  it('stops reading an image past the cap, whatever length the server gives or leaves out', async () => {
    let sent = 0;
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            // Three times the cap stands in for "without end" (a stream read whole would not end here).
            if (sent >= 3 * IMAGE_LIMITS.maxImageBytes) return controller.close();
            sent += 64 * 1024;
            controller.enqueue(new Uint8Array(64 * 1024));
          },
        }),
        { headers: { 'content-type': 'image/png' } },
      );
    const small = image(10);
    const fetch = (async (input: RequestInfo | URL) =>
      String(input).endsWith('endless.png') ? endless() : small) as unknown as typeof globalThis.fetch;
    const kept = await fetchImagesForCopy(['https://ok.example/endless.png', 'https://ok.example/small.png'], {
      fetch,
      mayFetch: async () => true,
    });
    expect(kept.map((k) => k.url)).toEqual(['https://ok.example/small.png']);
    expect(sent).toBeLessThanOrEqual(IMAGE_LIMITS.maxImageBytes + 2 * 64 * 1024);
  });

  // Red team: eight images sending a byte a second held "Saved" for two minutes (15 s each).
  it('fetches no image past the page’s deadline, and ends the one under way', async () => {
    const deadline = new AbortController();
    const calls: string[] = [];
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(String(input));
      if (calls.length === 1) return Promise.resolve(image(10));
      // The second hangs until the deadline, which falls while it waits.
      const waiting = new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
      deadline.abort();
      return waiting;
    }) as unknown as typeof globalThis.fetch;
    const urls = ['a', 'b', 'c', 'd'].map((name) => `https://ok.example/${name}.png`);
    const kept = await fetchImagesForCopy(urls, { fetch, mayFetch: async () => true, pageDeadline: deadline.signal });
    expect(kept.map((k) => k.url)).toEqual(['https://ok.example/a.png']);
    expect(calls).toHaveLength(2);
  });
});
