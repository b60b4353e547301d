// @vitest-environment node
import { describe, expect, it } from 'vitest';
import documentationDiscounts from '@/assets/data/documentation-discounts.json';
import everydayDiscounts from '@/assets/data/everyday-discounts.json';
import { readDiscounts, type SerializedDiscounts } from '@/lib/related/engine';
import { buildDocumentationDiscounts, EVERY_MANUAL_SHARE } from '@/scripts/cli/documentation-words';

const page = (text: string) => ({ title: '', text, truncated: false });

describe('words of every manual (npm run index)', () => {
  it('discounts a word by the share of pages that say it, each package counting the same', () => {
    const built = readDiscounts(
      buildDocumentationDiscounts([
        // "return" on every page of both; "table" on all of one package's many pages, none of the other's.
        [page('return table vacuum'), page('return table'), page('return table'), page('return table')],
        [page('return thread'), page('return socket'), page('return lock'), page('return signal')],
      ]),
    );
    expect(built.get('return')).toBe(0);
    expect(built.get('tabl')).toBe(Math.round((Math.log(2) / Math.log(1 / EVERY_MANUAL_SHARE)) * 100) / 100);
    // "vacuum" is on one page in eight: a topic word, it counts fully (unlisted).
    expect(built.has('vacuum')).toBe(false);
    expect(built.has('thread')).toBe(false);
  });

  it('builds nothing from no pages', () => {
    expect(buildDocumentationDiscounts([])).toEqual([]);
    expect(buildDocumentationDiscounts([[], []])).toEqual([]);
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
