// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BLOG_SITE } from '@/lib/catalog-updates/blog-site';
import { type BlogFetchOptions, type FetchLike, fetchFromBlog } from '@/lib/catalog-updates/fetch-blog';
import { createFakeFetch, endlessBody, HTML, ORIGIN } from '../../../fixtures/catalog-updates/fake-blog';

function options(fetch: FetchLike, overrides: Partial<BlogFetchOptions> = {}): BlogFetchOptions {
  return { fetch, site: BLOG_SITE, expect: 'html', maxBytes: 1_000, maxRedirects: 3, timeoutMs: 5_000, ...overrides };
}

describe('fetchFromBlog', () => {
  it('asks only for addresses on the blog, over https', async () => {
    const fake = createFakeFetch({ [`${ORIGIN}/blog/a`]: { headers: HTML, body: 'ok' } });
    expect(await fetchFromBlog('https://elsewhere.example/', options(fake.fetch))).toEqual({
      ok: false,
      failure: {
        kind: 'off-site',
        url: 'https://elsewhere.example/',
        message: 'not on webcoderspeed.com; not requested',
      },
      requests: 0,
    });
    expect(await fetchFromBlog('http://webcoderspeed.com/blog/a#top', options(fake.fetch))).toMatchObject({
      ok: true,
      url: `${ORIGIN}/blog/a`,
      text: 'ok',
    });
    expect(fake.requests.map((r) => r.url)).toEqual([`${ORIGIN}/blog/a`]);
  });

  it('follows at most maxRedirects redirects on the blog', async () => {
    const loop = createFakeFetch({
      [`${ORIGIN}/a`]: { status: 301, headers: { location: '/b' } },
      [`${ORIGIN}/b`]: { status: 301, headers: { location: '/a' } },
    });
    expect(await fetchFromBlog(`${ORIGIN}/a`, options(loop.fetch))).toMatchObject({
      ok: false,
      failure: { kind: 'too-many-redirects', message: 'more than 3 redirects' },
      requests: 4,
    });
  });

  it('refuses a response that says it came from another host (a fetch that followed a redirect anyway)', async () => {
    const followed: FetchLike = async () => {
      const response = new Response('x', { headers: HTML });
      Object.defineProperty(response, 'url', { value: 'https://evil.example/landing' });
      return response;
    };
    expect(await fetchFromBlog(`${ORIGIN}/`, options(followed))).toMatchObject({
      ok: false,
      failure: { kind: 'redirect-off-site', message: 'redirected to evil.example; refused' },
    });
  });

  it('gives up on a hidden redirect after trying the other host spelling and trailing slash', async () => {
    const hidden = createFakeFetch({
      [`${ORIGIN}/blog/a`]: { opaqueRedirect: true },
      'https://www.webcoderspeed.com/blog/a': { opaqueRedirect: true },
      [`${ORIGIN}/blog/a/`]: { opaqueRedirect: true },
    });
    expect(await fetchFromBlog(`${ORIGIN}/blog/a`, options(hidden.fetch))).toMatchObject({
      ok: false,
      failure: { kind: 'redirect-hidden' },
      requests: 3,
    });
  });

  // QA pass: a page redirecting elsewhere (the browser hides where) was reported as "HTTP 404" under
  // its own address, because the first guess at the target, the other host spelling, answered 404.
  it('takes a guess’s error for a wrong guess: tries the next, then says the redirect is hidden', async () => {
    const hidden = createFakeFetch({ [`${ORIGIN}/blog/a`]: { opaqueRedirect: true } });
    expect(await fetchFromBlog(`${ORIGIN}/blog/a`, options(hidden.fetch))).toEqual({
      ok: false,
      failure: {
        kind: 'redirect-hidden',
        url: `${ORIGIN}/blog/a`,
        message: 'redirects to an address the browser does not reveal; not followed',
      },
      requests: 3,
    });
    const slash = createFakeFetch({
      [`${ORIGIN}/blog/a`]: { opaqueRedirect: true },
      [`${ORIGIN}/blog/a/`]: { headers: HTML, body: 'ok' },
    });
    expect(await fetchFromBlog(`${ORIGIN}/blog/a`, options(slash.fetch))).toMatchObject({ ok: true, text: 'ok' });
  });

  it('reports a redirect target’s error under the target’s address', async () => {
    const moved = createFakeFetch({ [`${ORIGIN}/blog/a`]: { status: 301, headers: { location: '/blog/b' } } });
    expect(await fetchFromBlog(`${ORIGIN}/blog/a`, options(moved.fetch))).toMatchObject({
      ok: false,
      failure: { kind: 'http-status', url: `${ORIGIN}/blog/b`, message: 'HTTP 404' },
    });
  });

  it('refuses an unexpected content type before reading it', async () => {
    const json = createFakeFetch({ [`${ORIGIN}/`]: { headers: { 'content-type': 'application/json' }, body: '{}' } });
    expect(await fetchFromBlog(`${ORIGIN}/`, options(json.fetch))).toMatchObject({
      ok: false,
      failure: { kind: 'content-type', message: 'unexpected content type application/json' },
    });
    const feedAsHtml = createFakeFetch({ [`${ORIGIN}/rss.xml`]: { headers: HTML, body: '<html/>' } });
    expect(await fetchFromBlog(`${ORIGIN}/rss.xml`, options(feedAsHtml.fetch, { expect: 'xml' }))).toMatchObject({
      ok: true,
    });
  });

  it('reads at most maxBytes from the stream, and cancels it', async () => {
    const endless = endlessBody(100_000, 256);
    const big = createFakeFetch({ [`${ORIGIN}/`]: { headers: HTML, body: endless.stream } });
    expect(await fetchFromBlog(`${ORIGIN}/`, options(big.fetch))).toMatchObject({
      ok: false,
      failure: { kind: 'too-large', message: 'larger than 1 kB; not read' },
    });
    expect(endless.pulled()).toBeLessThanOrEqual(1_000 + 2 * 256);
  });

  it('names network errors, timeouts and a stop asked for by the caller', async () => {
    const broken: FetchLike = async () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await fetchFromBlog(`${ORIGIN}/`, options(broken))).toMatchObject({
      ok: false,
      failure: { kind: 'network', message: 'network error: Failed to fetch' },
    });
    const silent: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        if (init.signal?.aborted) reject(init.signal.reason);
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    expect(await fetchFromBlog(`${ORIGIN}/`, options(silent, { timeoutMs: 20 }))).toMatchObject({
      ok: false,
      failure: { kind: 'timeout', message: 'no answer within 0 s' },
    });
    const controller = new AbortController();
    controller.abort();
    expect(await fetchFromBlog(`${ORIGIN}/`, options(silent, { signal: controller.signal }))).toMatchObject({
      ok: false,
      failure: { kind: 'aborted' },
      requests: 0,
    });
  });

  // QA pass: a sitemap index listing sitemap-0.xml.gz had it refused as "unexpected content type".
  describe('a compressed sitemap', () => {
    const xml = '<?xml version="1.0"?><urlset><url><loc>https://webcoderspeed.com/blog/a/b</loc></url></urlset>';
    const gzipped = (bytes: Uint8Array | string) => new Blob([new Uint8Array(gzipSync(bytes))]).stream();
    const at = `${ORIGIN}/sitemap-0.xml.gz`;

    it('is inflated where XML is expected, served as application/gzip or application/x-gzip', async () => {
      for (const type of ['application/gzip', 'application/x-gzip']) {
        const fake = createFakeFetch({ [at]: { headers: { 'content-type': type }, body: gzipped(xml) } });
        expect(await fetchFromBlog(at, options(fake.fetch, { expect: 'xml' }))).toMatchObject({ ok: true, text: xml });
      }
    });

    it('is refused where a page is expected', async () => {
      const fake = createFakeFetch({ [at]: { headers: { 'content-type': 'application/gzip' }, body: gzipped(xml) } });
      expect(await fetchFromBlog(at, options(fake.fetch))).toMatchObject({
        ok: false,
        failure: { kind: 'content-type', message: 'unexpected content type application/gzip' },
      });
    });

    it('is capped on its inflated bytes: a small file that inflates past the cap is not read', async () => {
      const bomb = gzipped(new Uint8Array(10_000_000));
      const fake = createFakeFetch({ [at]: { headers: { 'content-type': 'application/gzip' }, body: bomb } });
      expect(await fetchFromBlog(at, options(fake.fetch, { expect: 'xml' }))).toMatchObject({
        ok: false,
        failure: { kind: 'too-large', message: 'larger than 1 kB; not read' },
      });
    });

    it('that does not inflate is reported as such, not as a network failure', async () => {
      const fake = createFakeFetch({ [at]: { headers: { 'content-type': 'application/gzip' }, body: xml } });
      expect(await fetchFromBlog(at, options(fake.fetch, { expect: 'xml' }))).toMatchObject({
        ok: false,
        failure: { kind: 'corrupt', message: 'a compressed file that does not inflate; not read' },
      });
    });
  });
});
