import { beforeEach, describe, expect, it } from 'vitest';
import { CONFIDENCE } from '@/lib/search/confidence';
import type { LibraryDocument } from '@/lib/search/library-index';
import { libraryFigures, loadLibraryQueries, questionFigures, savedSharedPages } from '@/scripts/eval/library-report';
import { MISSING_SHARED_REASON, realPageNames } from '@/scripts/eval/shared-data';

// Floors under what `npm run eval` prints for saved pages (README, "Saved pages: knowing when
// nothing matches"): everyday queries find nothing among real pages saved, while the queries users
// write to find one again still do.
const hasPages = realPageNames().length > 0;

let pages: Map<string, LibraryDocument> | undefined;
const saved = () => {
  pages ??= savedSharedPages();
  return pages;
};

/** The pages the library queries name that this folder of real pages lacks (another folder than ../shared's). */
const absentPages = () => {
  const names = new Set(realPageNames());
  return [...new Set(loadLibraryQueries().flatMap(({ page }) => (names.has(page) ? [] : [page])))];
};
const otherFolderReason = () =>
  `skipped: this folder of real pages lacks ${absentPages().length} the library queries name (${absentPages().slice(0, 5).join(', ')}…)`;

describe(hasPages ? 'search among the shared real pages saved' : MISSING_SHARED_REASON, () => {
  beforeEach((context) => context.skip(!hasPages, MISSING_SHARED_REASON));

  // The queries were written for the 22 pages of ../shared: a folder of other pages lacks some or all of
  // theirs (skipped, naming them), and each figure below counts only the queries whose page it holds.
  it('names only shared pages in its queries', (context) => {
    context.skip(absentPages().length > 0, otherFolderReason());
    expect(absentPages()).toEqual([]);
  });

  // A figure of the 22 pages it was measured on. With 108 other real pages saved (Readability's test
  // pages: a novella, an encyclopedia's article on a country, fan fiction, of up to 17,000 words), 260
  // were answered (477 when words a page's text says far apart counted as near; the blog's rules: 707):
  // the words of an everyday query are somewhere in such texts, and often near enough (README, "Known
  // limits of search").
  it('answers few everyday queries with the shared pages saved', { timeout: 120_000 }, (context) => {
    context.skip(absentPages().length > 0, otherFolderReason());
    const library = saved();
    const figures = libraryFigures(library, library.size);
    // 38 of 811 answered when measured (94 when words far apart counted as near; the blog's rules: 336).
    expect(figures.offTopicAnswered).toBeLessThanOrEqual(45);
    // The rules the library had before: every word a possible slip, the blog's shares, words apart near.
    const before = libraryFigures(library, library.size, {
      tuning: CONFIDENCE,
      meantAsWritten: () => false,
      wordsNear: false,
    });
    expect(before.offTopicAnswered).toBeGreaterThan(figures.offTopicAnswered * 2);
  });

  it('finds the page a query is for, with every page saved', { timeout: 120_000 }, () => {
    const library = saved();
    const figures = libraryFigures(library, library.size);
    // 46 of 48 pages listed, 44 first, when measured.
    // Shares, not counts: another folder holds the pages of only some queries, or none.
    expect(figures.listed).toBeGreaterThanOrEqual(Math.ceil(figures.queries * (45 / 48)));
    expect(figures.first).toBeGreaterThanOrEqual(Math.ceil(figures.queries * (43 / 48)));
  });

  it('leaves the blog its answers to its questions with every page saved, in the one list', {
    timeout: 300_000,
  }, () => {
    const figures = questionFigures(saved().values());
    // 671 of 823 first (673 with no page saved), 773 in the top five (775) when measured; a page found
    // by words its long text holds here and there came first for 161 questions before (477 of 783 first).
    // With 108 other real pages saved, 658 and 774: the more pages saved, the more of them a question's
    // words name by right (a title on Node.js for a question on node, a passage holding the question),
    // so there the margin is a share of the questions (2.5%: 21); on the shared pages it was measured on,
    // the 3 lost then, and a few more.
    const lostAtMost = absentPages().length === 0 ? 8 : Math.ceil(figures.questions * 0.025);
    expect(figures.firstWithPages).toBeGreaterThanOrEqual(figures.first - lostAtMost);
    expect(figures.topFiveWithPages).toBeGreaterThanOrEqual(figures.topFive - 8);
  });
});
