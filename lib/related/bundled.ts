import documentationDiscountsJson from '@/assets/data/documentation-discounts.json';
import everydayDiscountsJson from '@/assets/data/everyday-discounts.json';
import manualProfilesJson from '@/assets/data/manual-profiles.json';
import modelJson from '@/assets/data/related-model.json';
import type { EffectiveCatalog } from '@/lib/catalog-updates/effective-catalog';
import { ARTICLES } from '@/lib/corpus/catalog';
import { createRelatedEngine, type RelatedEngine } from '@/lib/related/engine';
import type { SerializedManualProfiles } from '@/lib/related/manual-profiles';
import { rebuildRelatedModel, type SerializedRelatedModel } from '@/lib/related/model';
import { readDiscounts, type SerializedDiscounts, type WordWorth } from '@/lib/search/word-worth';

let wordWorth: WordWorth | undefined;

/**
 * What everyday words and words of every manual are worth when ranking and matching: prebuilt by `npm run index`
 * (scripts/cli/everyday-words.ts) and `npm run documentation-words`.
 */
export function getWordWorth(): WordWorth {
  wordWorth ??= readDiscounts(
    everydayDiscountsJson as SerializedDiscounts,
    documentationDiscountsJson as SerializedDiscounts,
  );
  return wordWorth;
}

/** What the manuals say of each bundled article (`npm run manual-profiles`), by article id. */
const manualProfiles = manualProfilesJson as SerializedManualProfiles;

let engine: RelatedEngine | undefined;

export function getBundledRelatedEngine(): RelatedEngine {
  engine ??= createRelatedEngine(modelJson as SerializedRelatedModel, ARTICLES, getWordWorth(), manualProfiles);
  return engine;
}

const catalogEngines = new WeakMap<EffectiveCatalog, RelatedEngine>();

/**
 * Related articles over the catalog users see (bundled + learned from the blog): the prebuilt
 * model while the searchable text is the bundle's, else a model built from the catalog, so that
 * learned articles are related to and from.
 */
export function relatedEngineFor(catalog: EffectiveCatalog): RelatedEngine {
  let found = catalogEngines.get(catalog);
  if (!found) {
    const bundled = modelJson as SerializedRelatedModel;
    const model = catalog.searchTextChanged ? rebuildRelatedModel(catalog.articles, bundled) : bundled;
    found = createRelatedEngine(model, catalog.articles, getWordWorth(), manualProfiles);
    catalogEngines.set(catalog, found);
  }
  return found;
}
