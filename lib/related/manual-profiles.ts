/**
 * What the manuals Debian ships say of each bundled article, built ahead of time by `npm run
 * manual-profiles` (scripts/cli/manual-profiles.ts) into `assets/data/manual-profiles.json`: how close
 * the article comes to manual pages in general (its noise), and the words of the manual pages it
 * ranks highest (their centroid). Matching reads both (`createRelatedEngine`); an article learned from
 * the blog has none.
 */
export interface SerializedManualProfiles {
  /** The centroids' vocabulary (sorted). */
  terms: string[];
  articles: Record<
    string,
    {
      /** The confidence the article reaches on the NOISE_PERCENTILE of manual pages, × 10000. */
      noise: number;
      /** flat [termIndex, weight × 10000, …]: the unit-length centroid of its top pages' heaviest words. */
      centroid: number[];
    }
  >;
}
