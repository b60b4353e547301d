import everydayThingsJson from '@/assets/data/everyday-things.json';
import everydayWordsJson from '@/assets/data/everyday-words.json';
import manualWordsJson from '@/assets/data/manual-words.json';
import plainWordSynonymsJson from '@/assets/data/plain-word-synonyms.json';
import searchAsideJson from '@/assets/data/search-aside.json';
import indexJson from '@/assets/data/search-index.json';
import wordsTellingHowJson from '@/assets/data/words-telling-how.json';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import { ARTICLES } from '@/lib/corpus/catalog';
import type { SerializedAsideIndex } from '@/lib/search/aside';
import { buildSearchIndex, type SerializedSearchIndex, toSearchDocument } from '@/lib/search/build-index';
import { createSearchEngine, type SearchEngine, type SearchEngineOptions } from '@/lib/search/engine';
import { spokenWordWorth } from '@/lib/search/spoken-words';
import {
  getSynonymTable,
  plainWordEntries,
  type SerializedPlainWordSynonyms,
  type SynonymEntry,
} from '@/lib/search/synonyms';
import { americanSpellingOf, americanStemOf } from '@/lib/search/text';

let engine: SearchEngine | undefined;
let options: SearchEngineOptions | undefined;
let everydayThings: ReadonlySet<string> | undefined;
let manualWords: ReadonlySet<string> | undefined;
let wordsTellingHow: ReadonlySet<string> | undefined;
let synonyms: readonly SynonymEntry[] | undefined;

/**
 * Everyday English words one typo from the index's words, and what words are worth in everyday
 * speech: prebuilt by `npm run index` (scripts/cli/everyday-words.ts); words naming things of everyday
 * life and words of technical writing speech knows too, by `npm run documentation-words`
 * (scripts/cli/everyday-things.ts, scripts/cli/manual-words.ts); adverbs and verbs' past forms, by
 * `npm run index` (scripts/cli/everyday-things.ts); the plain words users say
 * for the articles' terms, by `npm run index` (lib/corpus/plain-words.ts); the aside field, by `npm run
 * index` (lib/search/aside.ts). The bench builds its
 * engines with them too.
 */
export function getEngineOptions(): SearchEngineOptions {
  options ??= {
    everydayWords: new Set(everydayWordsJson.map(americanSpellingOf)),
    wordWorth: spokenWordWorth,
    everydayThings: () => {
      everydayThings ??= new Set(everydayThingsJson.split(' ').map(americanSpellingOf));
      return everydayThings;
    },
    manualWords: () => {
      manualWords ??= new Set(manualWordsJson.split(' ').map(americanStemOf));
      return manualWords;
    },
    wordsTellingHow: () => {
      wordsTellingHow ??= new Set(wordsTellingHowJson.split(' ').map(americanSpellingOf));
      return wordsTellingHow;
    },
    aside: searchAsideJson as SerializedAsideIndex,
    synonyms: () => {
      synonyms ??= [...getSynonymTable(), ...plainWordEntries(plainWordSynonymsJson as SerializedPlainWordSynonyms)];
      return synonyms;
    },
  };
  return options;
}

/** The engine over the bundled articles and the index prebuilt at `npm run catalog` time. */
export function getBundledSearchEngine(): SearchEngine {
  engine ??= createSearchEngine(indexJson as unknown as SerializedSearchIndex, ARTICLES, getEngineOptions());
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
    found = createSearchEngine(index, catalog.articles, getEngineOptions());
    catalogEngines.set(catalog, found);
  }
  return found;
}
