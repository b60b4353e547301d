import { useLiveQuery } from 'dexie-react-hooks';
import { getBundledCatalog, loadEffectiveCatalog } from '@/lib/catalog-updates/current-catalog';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';

/**
 * The catalog users see (bundled + learned from the blog), live: it changes as soon as Shelf
 * learns from the blog, in any page. Until the overlay is read it is the bundle (`loaded` false),
 * so the first paint never waits for the database.
 */
export function useCatalog(): { catalog: EffectiveCatalog; loaded: boolean } {
  const loaded = useLiveQuery(() => loadEffectiveCatalog(), []);
  return { catalog: loaded ?? getBundledCatalog(), loaded: loaded !== undefined };
}
