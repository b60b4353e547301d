import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getBundledRelatedEngine } from '@/lib/related/bundled';
import { loadRealPageText, loadRelatedEvalSet } from '@/scripts/eval/related-set';
import { MISSING_SHARED_REASON, REAL_PAGES_DIR } from '@/scripts/eval/shared-data';

const set = loadRelatedEvalSet();
const engine = getBundledRelatedEngine();

describe('related articles on the public page set (npm run eval prints the figures)', () => {
  it.each(set.pages.map((page) => [page.name, page] as const))(
    '%s: matched, a relevant article in the top 5',
    (_name, page) => {
      const response = engine.related(page);
      expect(response.matched).toBe(true);
      expect(response.results.slice(0, 5).map((r) => r.article.id)).toEqual(
        expect.arrayContaining([expect.toBeOneOf(page.expected)]),
      );
    },
  );

  it.skipIf(!existsSync(REAL_PAGES_DIR))(
    existsSync(REAL_PAGES_DIR) ? 'matches none of the unrelated real pages' : MISSING_SHARED_REASON,
    () => {
      const matched = set.unrelatedRealPages.filter((name) => {
        const page = loadRealPageText(REAL_PAGES_DIR, name);
        return page !== null && engine.related(page).matched;
      });
      expect(matched).toEqual([]);
    },
  );

  it('excludes the article itself, and lists each article’s precomputed related articles', () => {
    const related = engine.relatedToArticle('thundering-herd-service-restart');
    expect(related).toHaveLength(5);
    expect(related.map((a) => a.id)).not.toContain('thundering-herd-service-restart');
    expect(related.map((a) => a.id)).toContain('cache-stampede-when-your-cache-fix-breaks-everything');
    const response = engine.related(
      {
        title: 'Thundering herd on restart',
        text: 'thundering herd restart queued requests overwhelm the new instance',
      },
      { excludeId: 'thundering-herd-service-restart' },
    );
    expect(response.results.map((r) => r.article.id)).not.toContain('thundering-herd-service-restart');
  });

  it('says nothing matches for empty or off-topic text', () => {
    expect(engine.related('').matched).toBe(false);
    expect(
      engine.related('The recipe needs two cups of flour, butter, sugar and a pinch of salt. Bake for 40 minutes.')
        .matched,
    ).toBe(false);
  });
});
