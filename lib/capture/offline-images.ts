import { readCappedBody } from '@/lib/net/read-capped-body';

/**
 * "Keep images offline": the images a saved copy names are fetched once, when it is saved, and
 * kept with it (lib/db/images.ts), so the reader never fetches them again. Runs where the saving
 * runs (the background), which holds the host permission the user gave in Settings.
 */
export const IMAGE_LIMITS = {
  /** One image larger than this is not kept (it stays a placeholder). */
  maxImageBytes: 5 * 1024 * 1024,
  /** All images of one page together; images past this are not kept. */
  maxPageBytes: 25 * 1024 * 1024,
  /** Images of one page (a gallery of hundreds is cut here). */
  maxImages: 100,
  /** How long one image may take to arrive. */
  timeoutMs: 15_000,
  /**
   * How long all images of one page may take: "Saved" waits for them (red team: eight images sending a
   * byte a second held it for two minutes, a hundred would for 25).
   */
  pageTimeoutMs: 30_000,
} as const;

/**
 * Image types kept, each served back under this exact type. No SVG: an SVG document opened from
 * its object URL would run in the extension's origin.
 */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>', '&#39;': "'" };

/**
 * An `<img>` start tag as HTML serialization writes it: each attribute's value in double quotes with
 * `"` escaped, so a `>` or a name inside a value never ends the tag or starts an attribute. No name
 * holds `<` (the sanitizer keeps none such): Chrome before 138 writes `<` in a value as it is, and
 * from each `<img` a value spells the pattern read on over the ones after it, by their count squared.
 */
const IMG_TAG = /<img((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*)\s*\/?>/g;
/** One attribute of IMG_TAG's, its name and value: read one by one, so that no value is taken for a name. */
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;

/**
 * The image addresses of a sanitized copy, in order, each once. The copy is the sanitizer's own
 * serialization (attributes in double quotes, `&` and `"` escaped; `<` escaped in text), so this
 * needs no DOM, which the service worker does not have. Only an `<img>` tag's attribute counts: a
 * text node keeps `"` as it is, and a page's words `data-shelf-src="https://…"` were fetched as an
 * image of its copy.
 */
export function imageAddressesIn(html: string): string[] {
  const found = new Set<string>();
  for (const [, attributes] of html.matchAll(IMG_TAG)) {
    // The first of its name (as a browser reads a repeated attribute); an `alt` spelling ` data-shelf-src="` is a value.
    const value = [...(attributes ?? '').matchAll(ATTRIBUTE)].find(([, name]) => name === 'data-shelf-src')?.[2];
    const url = (value ?? '').replace(/&(?:amp|quot|lt|gt|#39);/g, (entity) => ENTITIES[entity] ?? entity);
    if (/^https?:\/\//i.test(url) && url.length <= 4096) found.add(url);
  }
  return [...found];
}

export interface KeptImage {
  url: string;
  blob: Blob;
}

export interface ImageFetching {
  fetch: typeof fetch;
  /** Whether Shelf may fetch from this address (the user's host permission). */
  mayFetch: (url: string) => Promise<boolean>;
  /** Ends the page's fetching (by default after IMAGE_LIMITS.pageTimeoutMs). */
  pageDeadline?: AbortSignal;
}

async function fetchImage(url: string, fetch: ImageFetching['fetch'], budget: number, pageDeadline: AbortSignal) {
  const response = await fetch(url, {
    credentials: 'omit',
    redirect: 'follow',
    signal: AbortSignal.any([AbortSignal.timeout(IMAGE_LIMITS.timeoutMs), pageDeadline]),
  });
  if (!response.ok) return null;
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!IMAGE_TYPES.has(type)) return null;
  const cap = Math.min(IMAGE_LIMITS.maxImageBytes, budget);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > cap) {
    await response.body?.cancel();
    return null;
  }
  // Read only up to the cap: a server may send no length, or a false one (red team: an endless "image"
  // put 2.6 GB in memory within the 15 s it had, 1.8 GB in the extension's renderer at once).
  const bytes = await readCappedBody(response, cap);
  if (!bytes || bytes.byteLength === 0) return null;
  return { url, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type }) };
}

/**
 * Fetches a copy's images within IMAGE_LIMITS, one at a time (a page's images are not a reason to
 * flood its server), until the page's deadline. An image that fails, is not an image, is too large or is not allowed is
 * skipped: the copy shows its placeholder there.
 */
export async function fetchImagesForCopy(urls: readonly string[], env: ImageFetching): Promise<KeptImage[]> {
  const kept: KeptImage[] = [];
  const pageDeadline = env.pageDeadline ?? AbortSignal.timeout(IMAGE_LIMITS.pageTimeoutMs);
  let budget: number = IMAGE_LIMITS.maxPageBytes;
  for (const url of urls.slice(0, IMAGE_LIMITS.maxImages)) {
    if (budget <= 0 || pageDeadline.aborted) break;
    if (!(await env.mayFetch(url).catch(() => false))) continue;
    const image = await fetchImage(url, env.fetch, budget, pageDeadline).catch(() => null);
    if (!image) continue;
    kept.push(image);
    budget -= image.blob.size;
  }
  return kept;
}
