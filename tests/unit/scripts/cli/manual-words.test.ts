// @vitest-environment node
import { describe, expect, it } from 'vitest';
import manualWordsJson from '@/assets/data/manual-words.json';
import { buildManualWords } from '@/scripts/cli/manual-words';

/** A manual of `total` words saying each given stem `count` times. */
const manual = (total: number, counts: Record<string, number>) => ({ total, counts: new Map(Object.entries(counts)) });

describe('words of technical writing that speech knows too (npm run documentation-words)', () => {
  // Speech of a million words besides stop words ("the" is not counted): "vendor" 2 per million with its
  // plural, "deli" 2, "heart" 300.
  const speech = [
    { word: 'the', count: 5_000_000 },
    { word: 'filler', count: 1_000_000 - 304 },
    { word: 'vendor', count: 1 },
    { word: 'Vendors', count: 1 },
    { word: 'deli', count: 2 },
    { word: 'heart', count: 300 },
    { word: "don't", count: 50 },
  ];

  it('lists the stems most manuals say at least as often as speech, every form counted', () => {
    // Per million words of each manual: "vendor" 3, 1 and 2 (two of three at speech's 2), "deli" 1, 1
    // and 0, "heart" 200 in one manual alone.
    const manuals = [
      manual(1_000_000, { vendor: 3, deli: 1, heart: 200 }),
      manual(2_000_000, { vendor: 2, deli: 2 }),
      manual(1_000_000, { vendor: 2 }),
    ];
    expect(buildManualWords(manuals, speech)).toEqual(['vendor']);
    // One manual's own jargon, however often it says it, is not enough; nor half of them.
    expect(buildManualWords([manual(1_000_000, { vendor: 500 }), manual(1_000_000, {})], speech)).toEqual([]);
    // A little less in the manuals than in speech: not a word of technical writing.
    expect(buildManualWords([manual(1_000_000, { vendor: 1.9 })], speech)).toEqual([]);
    expect(buildManualWords([], speech)).toEqual([]);
  });

  it('the committed list holds words of technical writing, never a thing of everyday life', () => {
    const committed = new Set(manualWordsJson.split(' '));
    for (const stem of ['previou', 'vendor', 'info', 'reus', 'queue', 'client'])
      expect(committed.has(stem), stem).toBe(true);
    for (const stem of ['deli', 'dispens', 'crochet', 'sourdough', 'heart', 'bank', 'coach', 'night'])
      expect(committed.has(stem), stem).toBe(false);
    // Words one manual says all the time: SQLite's Lemon parser, git's octopus merge and squash,
    // PostgreSQL's GIN indexes (a review found them listed when the manuals' rates were averaged).
    for (const stem of ['lemon', 'octopu', 'squash', 'cherri', 'gin']) expect(committed.has(stem), stem).toBe(false);
  });
});
