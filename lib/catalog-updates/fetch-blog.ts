import type { BlogSite } from '@/lib/catalog-updates/blog-site';
import { decodeBody } from '@/lib/catalog-updates/decode-body';
import { readCappedBody } from '@/lib/net/read-capped-body';

/**
 * The only way the catalog updater reads the network: a plain GET for a public page of the blog,
 * without cookies or referrer, that never follows a redirect off the blog (redirects are handled
 * by hand), reads at most `maxBytes` from the stream, and turns every failure into a sentence.
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface BlogFetchOptions {
  fetch: FetchLike;
  site: BlogSite;
  /** What the caller will parse; a response of another kind is refused before its body is read. */
  expect: 'html' | 'xml';
  maxBytes: number;
  maxRedirects: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

export type FetchFailureKind =
  | 'off-site'
  | 'redirect-off-site'
  | 'redirect-hidden'
  | 'too-many-redirects'
  | 'http-status'
  | 'content-type'
  | 'too-large'
  /** A compressed body that does not inflate. */
  | 'corrupt'
  | 'timeout'
  | 'aborted'
  | 'network';

export interface FetchFailure {
  kind: FetchFailureKind;
  url: string;
  message: string;
}

export type BlogResponse =
  | { ok: true; url: string; text: string; contentType: string | null; requests: number }
  | { ok: false; failure: FetchFailure; requests: number };

const ACCEPT = {
  html: 'text/html,application/xhtml+xml;q=0.9',
  xml: 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1',
};
/** HTML is accepted where XML is expected so the feed reader can say "an HTML page, not a feed". */
const ALLOWED = {
  html: /^(text\/html|application\/xhtml\+xml)$/,
  xml: /^(text\/xml|application\/xml|application\/[\w.-]+\+xml|text\/html|text\/plain)$/,
};

/** Compressed sitemaps (`sitemap-0.xml.gz`) are served as these; only XML is read from them. */
const GZIP = /^application\/(x-)?gzip$/;

const formatSize = (bytes: number) =>
  bytes >= 1_048_576
    ? `${Math.round((bytes / 1_048_576) * 10) / 10} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;

/** Where to try when the browser hides a redirect's target: the other host spelling, then the other trailing slash. */
function alternatives(url: string, site: BlogSite): string[] {
  const parsed = new URL(url);
  const otherHost = new URL(url);
  otherHost.hostname = parsed.hostname === site.hosts[0] ? site.hosts[1] : site.hosts[0];
  const otherSlash = new URL(url);
  otherSlash.pathname = parsed.pathname.endsWith('/')
    ? parsed.pathname.replace(/\/+$/, '') || '/'
    : `${parsed.pathname}/`;
  return [otherHost.href, otherSlash.href].filter((candidate) => candidate !== url);
}

export async function fetchFromBlog(url: string, options: BlogFetchOptions): Promise<BlogResponse> {
  const { site } = options;
  let requests = 0;
  const fail = (kind: FetchFailureKind, at: string, message: string): BlogResponse => ({
    ok: false,
    failure: { kind, url: at, message },
    requests,
  });
  const start = site.toRequestUrl(url);
  if (!start) return fail('off-site', url, `not on ${site.hosts[0]}; not requested`);
  if (options.signal?.aborted) return fail('aborted', start, 'stopped');

  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let current = start;
  let hiddenAlternatives: string[] | null = null;
  // `current` is a guess at a hidden redirect's target: its error says nothing about the page asked for.
  let guessing = false;
  const hidden = () =>
    fail('redirect-hidden', start, 'redirects to an address the browser does not reveal; not followed');
  try {
    for (let hop = 0; ; hop += 1) {
      if (hop > options.maxRedirects)
        return fail('too-many-redirects', start, `more than ${options.maxRedirects} redirects`);
      requests += 1;
      const response = await options.fetch(current, {
        method: 'GET',
        credentials: 'omit',
        redirect: 'manual',
        referrerPolicy: 'no-referrer',
        cache: 'no-cache',
        headers: { Accept: ACCEPT[options.expect] },
        signal,
      });
      if (response.url && !site.isOnSite(new URL(response.url))) {
        return fail('redirect-off-site', start, `redirected to ${new URL(response.url).host}; refused`);
      }
      if (response.type === 'opaqueredirect') {
        // Browsers hide a manual redirect's target; try the blog's usual variants rather than follow blindly.
        hiddenAlternatives ??= alternatives(start, site);
        const next = hiddenAlternatives.shift();
        if (!next) return hidden();
        current = next;
        guessing = true;
        continue;
      }
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location');
        const target = location ? site.toRequestUrl(location, current) : null;
        if (!target) {
          const where = location ? safeHost(location, current) : 'nowhere';
          return fail('redirect-off-site', start, `redirected to ${where}; refused`);
        }
        current = target;
        guessing = false;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        if (guessing) {
          const next = hiddenAlternatives?.shift();
          if (!next) return hidden();
          current = next;
          continue;
        }
        return fail(
          'http-status',
          current,
          `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        );
      }
      return await readBody(response, current, options, requests, fail);
    }
  } catch (error) {
    if (options.signal?.aborted) return fail('aborted', current, 'stopped');
    if (timeout.aborted) return fail('timeout', current, `no answer within ${Math.round(options.timeoutMs / 1000)} s`);
    return fail('network', current, `network error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function safeHost(location: string, base: string): string {
  try {
    return new URL(location, base).host || location;
  } catch {
    return 'an invalid address';
  }
}

async function readBody(
  response: Response,
  url: string,
  options: BlogFetchOptions,
  requests: number,
  fail: (kind: FetchFailureKind, at: string, message: string) => BlogResponse,
): Promise<BlogResponse> {
  const contentType = response.headers.get('content-type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const gzip = options.expect === 'xml' && GZIP.test(mediaType);
  if (mediaType && !gzip && !ALLOWED[options.expect].test(mediaType)) {
    await response.body?.cancel();
    return fail('content-type', url, `unexpected content type ${mediaType}`);
  }
  const tooLarge = () => fail('too-large', url, `larger than ${formatSize(options.maxBytes)}; not read`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel();
    return tooLarge();
  }
  if (gzip) {
    const inflated = await readGzipBody(response, options.maxBytes);
    if (inflated === 'corrupt') return fail('corrupt', url, 'a compressed file that does not inflate; not read');
    if (!inflated) return tooLarge();
    // The inflated bytes carry no charset of their own: the XML declaration, else UTF-8, says it.
    return { ok: true, url, text: decodeBody(inflated, null), contentType, requests };
  }
  const bytes = await readCappedBody(response, options.maxBytes);
  if (!bytes) return tooLarge();
  return { ok: true, url, text: decodeBody(bytes, contentType), contentType, requests };
}

/**
 * A gzip body inflated, capped on the inflated bytes (a small file can inflate to gigabytes), or
 * null past the cap; 'corrupt' if it is not gzip. An inflate error is the file's, not the network's.
 */
async function readGzipBody(response: Response, maxBytes: number): Promise<Uint8Array | null | 'corrupt'> {
  const body = response.body?.getReader();
  if (!body) return 'corrupt';
  // A failure of the download itself (stopped, timed out, network) is told as such, so it is kept apart.
  let downloadError: { error: unknown } | null = null;
  const download = new ReadableStream<BufferSource>({
    async pull(controller) {
      try {
        const { done, value } = await body.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        downloadError = { error };
        throw error;
      }
    },
    cancel: (reason) => body.cancel(reason),
  });
  try {
    return await readCappedBody(new Response(download.pipeThrough(new DecompressionStream('gzip'))), maxBytes);
  } catch (error) {
    if (downloadError) throw error;
    return 'corrupt';
  }
}
