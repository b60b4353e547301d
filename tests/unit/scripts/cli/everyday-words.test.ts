// @vitest-environment node
import { describe, expect, it } from 'vitest';
import everydayWords from '@/assets/data/everyday-words.json';
import indexJson from '@/assets/data/search-index.json';
import { buildEverydayWords, wordsNearIndex } from '@/scripts/cli/everyday-words';

const index = { words: ['type', 'knows', 'abort', 'snapshot'], terms: ['type', 'know', 'abort', 'snapshot'] };

describe('everyday words near the index (npm run index)', () => {
  it('keeps English words one typo from an index word, not the index words or their forms', () => {
    expect(wordsNearIndex(index, ['tyre', 'knots', 'type', 'types', 'snapshots', 'tap', 'cake', 'Tyre'])).toEqual([
      'tyre',
      'knots',
    ]);
  });

  it('the committed list is exactly what the bundled index and the dictionaries build (never stale)', {
    timeout: 300_000,
  }, () => {
    const built = buildEverydayWords(indexJson);
    expect(built).toEqual(everydayWords);
    // Everyday words, but not rare ones that are more likely a typo ("abord" for "abort").
    expect(built).toEqual(expect.arrayContaining(['tyre', 'knots']));
    expect(built).not.toContain('abord');
  });
});
