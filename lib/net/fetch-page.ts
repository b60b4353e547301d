import { readCappedBody } from '@/lib/net/read-capped-body';
import { isWebUrl } from '@/lib/net/web-url';

/**
 * Fetches a public web page the user asked for (a link they saved): a plain GET without cookies
 * or credentials, HTML only, read up to a size cap so a huge or endless response cannot exhaust
 * memory. Throws an error whose message can be shown to the user.
 */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

export interface FetchedPage {
  /** The address the page was served from, after redirects. */
  url: string;
  html: string;
}

export async function fetchPage(
  url: string,
  { fetchImpl = fetch, maxBytes = MAX_PAGE_BYTES }: { fetchImpl?: typeof fetch; maxBytes?: number } = {},
): Promise<FetchedPage> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      credentials: 'omit',
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
  } catch (error) {
    throw new Error(`Shelf could not reach ${hostOf(url)} (${(error as Error).message}).`);
  }
  if (!response.ok) {
    const status = [response.status, response.statusText].filter(Boolean).join(' ');
    throw new Error(`${hostOf(url)} answered ${status}.`);
  }
  if (!isWebUrl(response.url || url)) throw new Error('The link led to a page that is not on the web.');
  const type = response.headers.get('content-type') ?? '';
  if (type && !/\b(text\/html|application\/xhtml\+xml)\b/i.test(type)) {
    throw new Error(`The link is not a web page (it is ${type.split(';')[0]}); Shelf keeps copies of pages only.`);
  }
  const bytes = await readCappedBody(response, maxBytes);
  if (!bytes)
    throw new Error(`The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; Shelf did not keep a copy.`);
  const charset = /charset=([\w-]+)/i.exec(type)?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return { url: response.url || url, html: decoder.decode(bytes) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the site';
  }
}

/** The host permission pattern that lets Shelf fetch `url` (`https://example.org/*`). */
export function originPattern(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${hostname}/*` : null;
  } catch {
    return null;
  }
}
