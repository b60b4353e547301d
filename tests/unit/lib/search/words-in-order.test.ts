import { describe, expect, it } from 'vitest';
import { createWordsInOrder } from '@/lib/search/words-in-order';

/** Deterministic pseudo-random words over a small alphabet, so that many share their first letters. */
function wordsFrom(seed: number, count: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 3 + (next() % 6) }, () => 'abcde'[next() % 5]).join(''),
  );
}

const everyWordBeginning = (texts: readonly string[], live: (id: number) => boolean, prefix: string) =>
  texts.filter((word, id) => live(id) && word.startsWith(prefix)).sort();

describe('words in order', () => {
  it('finds every word in use a prefix begins, as words are added past the merge point and others fall out of use', () => {
    const texts: string[] = [];
    const unused = new Set<number>();
    const live = (id: number) => !unused.has(id);
    const words = createWordsInOrder(texts, live);
    const added = [...new Set(wordsFrom(7, 12000))];
    for (const [at, word] of added.entries()) {
      texts.push(word);
      if (at % 7 === 0) unused.add(at);
      if (at % 997 === 0 || at === added.length - 1)
        for (const prefix of ['a', 'ab', 'cde', 'eeee', 'bad', 'z'])
          expect(words.wordsBeginning(prefix, 100000).sort(), `${prefix} after ${at + 1} words`).toEqual(
            everyWordBeginning(texts, live, prefix),
          );
    }
    expect(words.wordsBeginning('a', 3)).toHaveLength(3);
  });

  it('takes a list stored in order as it is, and one stored out of order is sorted before it is searched', () => {
    for (const texts of [[...new Set(wordsFrom(3, 6000))].sort(), [...new Set(wordsFrom(3, 6000))]]) {
      const words = createWordsInOrder(texts, () => true);
      texts.push('abba', 'aaaaaaaa');
      expect(words.wordsBeginning('ab', 100000).sort()).toEqual(everyWordBeginning(texts, () => true, 'ab'));
    }
  });
});
