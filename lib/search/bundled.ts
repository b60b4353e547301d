import indexJson from '@/assets/data/search-index.json';
import { ARTICLES } from '@/lib/corpus/catalog';
import type { SerializedSearchIndex } from '@/lib/search/build-index';
import { createSearchEngine, type SearchEngine } from '@/lib/search/engine';

let engine: SearchEngine | undefined;

/** The engine over the bundled articles and the index prebuilt at `npm run catalog` time. */
export function getBundledSearchEngine(): SearchEngine {
  engine ??= createSearchEngine(indexJson as unknown as SerializedSearchIndex, ARTICLES);
  return engine;
}
