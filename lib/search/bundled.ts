import everydayWordsJson from '@/assets/data/everyday-words.json';
import indexJson from '@/assets/data/search-index.json';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import { ARTICLES } from '@/lib/corpus/catalog';
import { buildSearchIndex, type SerializedSearchIndex, toSearchDocument } from '@/lib/search/build-index';
import { CONFIDENCE } from '@/lib/search/confidence';
import { createSearchEngine, type SearchEngine } from '@/lib/search/engine';

let engine: SearchEngine | undefined;
let everydayWords: ReadonlySet<string> | undefined;

/** Everyday English words one typo from the index's words, prebuilt by `npm run index` (scripts/cli/everyday-words.ts). */
function getEverydayWords(): ReadonlySet<string> {
  everydayWords ??= new Set(everydayWordsJson);
  return everydayWords;
}

/** The engine over the bundled articles and the index prebuilt at `npm run catalog` time. */
export function getBundledSearchEngine(): SearchEngine {
  engine ??= createSearchEngine(
    indexJson as unknown as SerializedSearchIndex,
    ARTICLES,
    CONFIDENCE,
    getEverydayWords(),
  );
  return engine;
}

const catalogEngines = new WeakMap<EffectiveCatalog, SearchEngine>();

/**
 * The engine over the catalog users see (bundled + learned from the blog). While its searchable
 * text is the bundle's it reuses the prebuilt index; once the blog gave titles, tags or new
 * articles, the index is built again from the catalog, once per catalog.
 */
export function searchEngineFor(catalog: EffectiveCatalog): SearchEngine {
  let found = catalogEngines.get(catalog);
  if (!found) {
    const index = catalog.searchTextChanged
      ? buildSearchIndex(catalog.articles.map(toSearchDocument))
      : (indexJson as unknown as SerializedSearchIndex);
    found = createSearchEngine(index, catalog.articles, CONFIDENCE, getEverydayWords());
    catalogEngines.set(catalog, found);
  }
  return found;
}
