import { describe, expect, it } from 'vitest';
import { createTopK, isBetter } from '@/lib/search/top-k';
import { createRandom } from '@/scripts/eval/synthetic-corpus';

describe('top-k stage', () => {
  it('keeps the k best, best first, ties in document order', () => {
    const top = createTopK(3);
    for (const [doc, score] of [
      [5, 1],
      [2, 3],
      [9, 3],
      [1, 0.5],
      [0, 2],
      [4, 3],
    ] as const)
      top.offer(doc, score);
    expect(top.items()).toEqual([
      { doc: 2, score: 3 },
      { doc: 4, score: 3 },
      { doc: 9, score: 3 },
    ]);
  });

  it('agrees with sorting everything, on random offers', () => {
    const random = createRandom(7);
    const offers = Array.from({ length: 500 }, (_, doc) => ({ doc, score: Math.floor(random() * 50) }));
    const top = createTopK(20);
    for (const { doc, score } of [...offers].reverse()) top.offer(doc, score);
    const sorted = [...offers].sort((a, b) => (isBetter(a, b) ? -1 : isBetter(b, a) ? 1 : 0)).slice(0, 20);
    expect(top.items()).toEqual(sorted);
  });

  it('keeps nothing for k = 0', () => {
    const top = createTopK(0);
    top.offer(1, 1);
    expect(top.items()).toEqual([]);
  });
});
