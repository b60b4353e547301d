/**
 * What the manuals Debian ships say of each bundled article (`SerializedManualProfiles`), written to
 * `assets/data/manual-profiles.json` by `npm run manual-profiles` (~30 s; after `npm run index` and
 * `npm run documentation-words`, whose outputs it reads; without the manuals it writes nothing and says
 * what to install). Each page of the five manuals of `DOCUMENTATION_PACKAGES` is read as the extension
 * reads it (Markdown without its code blocks) and scored against every article as a page is:
 *
 * - an article's noise is the confidence it reaches on the NOISE_PERCENTILE of the pages (0 where it
 *   shares none of its own words), how close it comes to manual pages whatever their subject;
 * - its centroid is the mean of the unit vectors of the RANKING_TERMS heaviest words of the
 *   CENTROID_PAGES pages that rank it highest, its CENTROID_TERMS heaviest words kept, unit length:
 *   what a manual page on its subject says (pseudo-relevance feedback, at build time).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import modelJson from '@/assets/data/related-model.json';
import { ARTICLES } from '@/lib/corpus/catalog';
import { getWordWorth } from '@/lib/related/bundled';
import { createRelatedEngine, type WeightedTerm } from '@/lib/related/engine';
import type { SerializedManualProfiles } from '@/lib/related/manual-profiles';
import type { SerializedRelatedModel } from '@/lib/related/model';
import { manualsOrSayMissing } from '@/scripts/cli/documentation-words';
import { isMainModule } from '@/scripts/cli/is-main';

/** The share of manual pages an article's noise is above (0.97 chosen with 0.99; see README). */
export const NOISE_PERCENTILE = 0.97;
/** How many of the pages ranking an article highest make its centroid (5, 10 and 20 measured). */
export const CENTROID_PAGES = 10;
/** How many of the centroid's heaviest words are kept. */
export const CENTROID_TERMS = 50;

/** A manual page as the engine scores it (`scoresOfEveryArticle`). */
export interface ScoredPage {
  rankScores: readonly number[];
  confidences: readonly number[];
  top: readonly WeightedTerm[];
  norm: number;
}

/** The value at this share of the sorted values, interpolated between neighbours. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const at = share * (sorted.length - 1);
  const below = Math.floor(at);
  const low = sorted[below] as number;
  return low + ((sorted[Math.min(below + 1, sorted.length - 1)] as number) - low) * (at - below);
}

export function buildManualProfiles(docIds: readonly string[], pages: readonly ScoredPage[]): SerializedManualProfiles {
  const units = pages.map(({ top, norm }) => top.map(({ term, weight }) => [term, weight / norm] as const));
  const built = docIds.map((_, doc) => {
    const noise = percentile(
      pages.map(({ confidences }) => confidences[doc] as number),
      NOISE_PERCENTILE,
    );
    const ranked = pages
      .map(({ rankScores }, page) => ({ page, score: rankScores[doc] as number }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score || a.page - b.page)
      .slice(0, CENTROID_PAGES);
    const sum = new Map<string, number>();
    for (const { page } of ranked)
      for (const [term, weight] of units[page] ?? []) sum.set(term, (sum.get(term) ?? 0) + weight);
    const kept = [...sum]
      .filter(([, weight]) => weight > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, CENTROID_TERMS);
    const length = Math.sqrt(kept.reduce((total, [, weight]) => total + weight * weight, 0)) || 1;
    return { noise, centroid: kept.map(([term, weight]) => [term, weight / length] as const) };
  });
  const terms = [...new Set(built.flatMap(({ centroid }) => centroid.map(([term]) => term)))].sort();
  const termIndex = new Map(terms.map((term, index) => [term, index]));
  const articles: SerializedManualProfiles['articles'] = {};
  built.forEach(({ noise, centroid }, doc) => {
    articles[docIds[doc] as string] = {
      noise: Math.round(noise * 10000),
      centroid: centroid
        .map(([term, weight]) => [termIndex.get(term) as number, Math.round(weight * 10000)] as const)
        .sort((a, b) => a[0] - b[0])
        .flat(),
    };
  });
  return { terms, articles };
}

if (isMainModule(import.meta.filename)) {
  const manuals = manualsOrSayMissing({ keepCode: false });
  if (manuals) {
    const model = modelJson as SerializedRelatedModel;
    // The extension's discounts, without profiles: they change whether a text matches, never the scores read here.
    const engine = createRelatedEngine(model, ARTICLES, getWordWorth());
    const pages: ScoredPage[] = [];
    for (const manual of manuals) for (const page of manual) pages.push(engine.scoresOfEveryArticle(page));
    const profiles = buildManualProfiles(model.docIds, pages);
    const target = resolve('assets/data/manual-profiles.json');
    writeFileSync(target, `${JSON.stringify(profiles)}\n`);
    console.log(`wrote what ${pages.length} manual pages say of ${model.docIds.length} articles to ${target}`);
  }
}
