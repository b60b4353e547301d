// @vitest-environment node
import { describe, expect, it } from 'vitest';
import manualProfiles from '@/assets/data/manual-profiles.json';
import modelJson from '@/assets/data/related-model.json';
import type { SerializedManualProfiles } from '@/lib/related/manual-profiles';
import { buildManualProfiles, CENTROID_PAGES, percentile, type ScoredPage } from '@/scripts/cli/manual-profiles';

const weighted = (pairs: Array<[string, number]>) => pairs.map(([term, weight]) => ({ term, index: 0, weight }));
const page = (rankScores: number[], confidences: number[], pairs: Array<[string, number]>): ScoredPage => {
  const top = weighted(pairs);
  return { rankScores, confidences, top, norm: Math.sqrt(top.reduce((sum, { weight }) => sum + weight * weight, 0)) };
};

describe('what the manuals say of each article (npm run manual-profiles)', () => {
  it('interpolates a percentile between the sorted values', () => {
    expect(percentile([4, 1, 3, 2, 5], 0.5)).toBe(3);
    expect(percentile([0, 10], 0.97)).toBeCloseTo(9.7, 9);
    expect(percentile([], 0.97)).toBe(0);
  });

  it('builds each article’s noise from its confidences and its centroid from the pages ranking it highest', () => {
    const pages = [
      page(
        [0.9, 0],
        [0.2, 0],
        [
          ['vacuum', 3],
          ['bloat', 4],
        ],
      ),
      page([0.8, 0.1], [0, 0.1], [['vacuum', 1]]),
      // Ranks neither article: in no centroid.
      page([0, 0], [0, 0], [['lemon', 1]]),
    ];
    const built = buildManualProfiles(['a', 'b'], pages);
    expect(built.terms).toEqual(['bloat', 'vacuum']);
    // 97th percentile of 0.2, 0, 0 (sorted 0, 0, 0.2): 0.2 × 0.94.
    expect(built.articles.a?.noise).toBe(Math.round(0.2 * 0.94 * 10000));
    // Unit vectors summed: vacuum 0.6 + 1, bloat 0.8, then made unit length.
    const length = Math.hypot(1.6, 0.8);
    expect(built.articles.a?.centroid).toEqual([
      0,
      Math.round((0.8 / length) * 10000),
      1,
      Math.round((1.6 / length) * 10000),
    ]);
    // Article b is ranked by the second page only.
    expect(built.articles.b?.centroid).toEqual([1, 10000]);
  });

  it('keeps only the pages ranking an article highest', () => {
    const pages = Array.from({ length: CENTROID_PAGES + 1 }, (_, at) =>
      page([at === 0 ? 0.01 : 0.5], [0], [[at === 0 ? 'lowest' : 'kept', 1]]),
    );
    expect(buildManualProfiles(['a'], pages).terms).toEqual(['kept']);
  });

  it('has a profile for every bundled article (rebuild it with npm run manual-profiles after npm run catalog)', () => {
    const profiles = manualProfiles as SerializedManualProfiles;
    expect(Object.keys(profiles.articles).sort()).toEqual([...modelJson.docIds].sort());
  });
});
