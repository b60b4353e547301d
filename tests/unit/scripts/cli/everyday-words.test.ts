// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import everydayDiscounts from '@/assets/data/everyday-discounts.json';
import everydayWords from '@/assets/data/everyday-words.json';
import { readDiscounts, type SerializedDiscounts } from '@/lib/search/word-worth';
import { buildEverydayDiscounts, isFingerSlip, wordsNearIndex } from '@/scripts/cli/everyday-words';

const index = {
  words: ['type', 'knows', 'abort', 'snapshot', 'server', 'retries'],
  terms: ['type', 'know', 'abort', 'snapshot', 'server', 'retri'],
};

describe('everyday words near the index (npm run index)', () => {
  it('keeps English words one typo from an index word, not the index words or their forms', () => {
    expect(wordsNearIndex(index, ['tyre', 'knots', 'type', 'types', 'snapshots', 'tap', 'cake', 'Tyre'])).toEqual([
      'tyre',
      'knots',
    ]);
  });

  it('leaves out everyday words that are a slip of the fingers for an index word ("sever", "retires")', () => {
    expect(wordsNearIndex(index, ['sever', 'retires', 'tyre'])).toEqual(['tyre']);
  });

  it('tells a slip of the fingers: a letter left out or added, neighbours swapped, a neighbouring key', () => {
    expect(isFingerSlip('sever', 'server')).toBe(true); // left out
    expect(isFingerSlip('serverr', 'server')).toBe(true); // added
    expect(isFingerSlip('retires', 'retries')).toBe(true); // swapped
    expect(isFingerSlip('explode', 'explore')).toBe(true); // d is next to r
    expect(isFingerSlip('tyre', 'type')).toBe(false); // r is far from p
    expect(isFingerSlip('knots', 'knows')).toBe(false);
    expect(isFingerSlip('server', 'server')).toBe(false);
    expect(isFingerSlip('sevens', 'server')).toBe(false); // two edits
  });

  it('the committed list is exactly what the bundled index and the dictionaries build (never stale)', {
    timeout: 300_000,
  }, () => {
    const printed = execFileSync(join('node_modules', '.bin', 'tsx'), ['scripts/cli/everyday-words.ts'], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(JSON.parse(printed)).toEqual(everydayWords);
    // Everyday words, but not rare ones that are more likely a typo ("abord" for "abort"), nor slips.
    expect(everydayWords).toEqual(expect.arrayContaining(['tyre', 'knots']));
    expect(everydayWords).not.toContain('abord');
    expect(everydayWords).not.toContain('sever');
  });
});

describe("everyday words' worth when ranking related articles (npm run index)", () => {
  it('the committed table is exactly what the word frequencies build (never stale)', () => {
    expect(buildEverydayDiscounts()).toEqual(everydayDiscounts);
    const shares = readDiscounts(everydayDiscounts as SerializedDiscounts);
    // Common words count about half; words of the blog's topics are rare in speech and count fully.
    expect(shares.get('name')).toBeLessThan(0.6);
    expect(shares.get('new')).toBeLessThan(0.6);
    expect(shares.get('version')).toBeLessThan(0.9);
    for (const topical of ['timezon', 'asyncio', 'idempot', 'backpressur']) expect(shares.has(topical)).toBe(false);
  });
});
