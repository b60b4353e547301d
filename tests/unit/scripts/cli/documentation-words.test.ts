// @vitest-environment node
import { describe, expect, it } from 'vitest';
import documentationDiscounts from '@/assets/data/documentation-discounts.json';
import everydayDiscounts from '@/assets/data/everyday-discounts.json';
import { readDiscounts, type SerializedDiscounts } from '@/lib/search/word-worth';
import { buildDocumentationDiscounts, countManualWords, EVERY_MANUAL_SHARE } from '@/scripts/cli/documentation-words';

const page = (text: string) => ({ title: '', text, truncated: false });

describe('words of every manual (npm run documentation-words)', () => {
  it('discounts a word by the share of pages that say it, each package counting the same', () => {
    const built = readDiscounts(
      buildDocumentationDiscounts(
        [
          // "return" on every page of both; "table" on every page of the larger package, none of the
          // smaller one's: 0.5 averaged per package (pooled, 4 pages of 5 would make it 0.8).
          [page('return table vacuum'), page('return table'), page('return table'), page('return table')],
          [page('return thread')],
        ].map(countManualWords),
      ),
    );
    expect(built.get('return')).toBe(0);
    expect(built.get('tabl')).toBe(Math.round((Math.log(1 / 0.5) / Math.log(1 / EVERY_MANUAL_SHARE)) * 100) / 100);
    // "vacuum" is on a quarter of one package's pages, none of the other's: 0.125, a topic word (unlisted).
    expect(built.has('vacuum')).toBe(false);
  });

  it('counts how many pages say each word and how often, in stems', () => {
    const manual = countManualWords([page('tables and locks'), page('table table')]);
    expect(manual.pages).toBe(2);
    expect(manual.pagesWith.get('tabl')).toBe(2);
    expect(manual.counts.get('tabl')).toBe(3);
    expect(manual.total).toBe(4); // "and" is a stop word
  });

  it('builds nothing from no pages', () => {
    expect(buildDocumentationDiscounts([])).toEqual([]);
    expect(buildDocumentationDiscounts([countManualWords([]), countManualWords([])])).toEqual([]);
  });

  it('the committed list discounts the words of every manual, never a topic word', () => {
    const committed = readDiscounts(documentationDiscounts as SerializedDiscounts);
    for (const word of ['return', 'argument', 'name', 'default', 'option'])
      expect(committed.get(word), word).toBeLessThan(0.6);
    for (const word of ['thread', 'lock', 'vacuum', 'replic', 'timezon', 'backpressur'])
      expect(committed.has(word), word).toBe(false);
    // A package's own name is on all of its pages, a fifth of the share: it counts a little less.
    expect(committed.get('docker')).toBeGreaterThan(0.8);
  });

  it('a word both everyday and of every manual counts the product of its shares', () => {
    const both = readDiscounts(everydayDiscounts as SerializedDiscounts, documentationDiscounts as SerializedDiscounts);
    const everyday = readDiscounts(everydayDiscounts as SerializedDiscounts).get('name') as number;
    const manual = readDiscounts(documentationDiscounts as SerializedDiscounts).get('name') as number;
    expect(both.get('name')).toBeCloseTo(everyday * manual, 10);
    expect(both.get('name')).toBeLessThan(Math.min(everyday, manual));
  });
});
