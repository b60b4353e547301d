import { createEffectiveCatalog, type EffectiveCatalog, overlayKey } from '@/lib/catalog-updates/effective-catalog';
import type { OverlayRecord } from '@/lib/catalog-updates/overlay-schema';
import { ARTICLES } from '@/lib/corpus/catalog';
import { getCatalogOverlay } from '@/lib/db/catalog-overlay';

let bundled: EffectiveCatalog | undefined;

/** The catalog before anything is learned: what the first paint shows while the overlay is read. */
export function getBundledCatalog(): EffectiveCatalog {
  bundled ??= createEffectiveCatalog(ARTICLES, []);
  return bundled;
}

let last: { key: string; catalog: EffectiveCatalog } | undefined;

/**
 * The one function that answers "which articles are there": the bundle plus the overlay stored in
 * IndexedDB. The same object comes back while the overlay is unchanged, so the engines built for it
 * (`searchEngineFor`, `relatedEngineFor`) are built once. Where IndexedDB is unavailable (Firefox's
 * private windows) it is the bundle.
 */
export async function loadEffectiveCatalog(
  readOverlay: () => Promise<OverlayRecord[]> = getCatalogOverlay,
): Promise<EffectiveCatalog> {
  let overlay: OverlayRecord[];
  try {
    overlay = await readOverlay();
  } catch {
    return getBundledCatalog();
  }
  const key = overlayKey(overlay);
  if (key === '') return getBundledCatalog();
  if (last?.key !== key) last = { key, catalog: createEffectiveCatalog(ARTICLES, overlay) };
  return last.catalog;
}
