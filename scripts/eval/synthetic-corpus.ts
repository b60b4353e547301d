import type { Article } from '@/lib/corpus/article';
import { TOPICS } from '@/lib/corpus/topics';

/** Mulberry32: a small deterministic PRNG, so every run benchmarks the same corpus. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A deterministic corpus of `size` articles shaped like the real ones: titles and summaries made of
 * the real articles' words (sampled with their real frequencies) plus invented words, so the
 * vocabulary keeps growing with the corpus as it would with real articles. The real articles come
 * first, so queries about them still have right answers.
 */
export function createSyntheticCorpus(real: readonly Article[], size: number, seed = 42): Article[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const wordStream = real.flatMap((a) => `${a.title} ${a.summary}`.split(/\s+/)).filter(Boolean);
  const tags = [...new Set(real.flatMap((a) => a.tags))];
  const invented = (n: number) =>
    Array.from({ length: n }, () => {
      const letters = 'abcdefghiklmnoprstuvwyz';
      let word = '';
      for (let i = 4 + Math.floor(random() * 6); i > 0; i--) word += pick([...letters]);
      return word;
    });
  const sentence = (words: number) =>
    Array.from({ length: words }, () => (random() < 0.015 ? invented(1)[0] : pick(wordStream))).join(' ');

  const articles: Article[] = [...real].slice(0, size);
  for (let i = articles.length; i < size; i++) {
    const title = sentence(6 + Math.floor(random() * 6));
    articles.push({
      id: `synthetic-${i}`,
      title,
      titleSource: 'written',
      summary: `${sentence(20 + Math.floor(random() * 30))}.`,
      summaryTruncated: false,
      topic: pick(TOPICS).id,
      tags: [pick(tags), pick(tags), ...invented(1)].filter((t, k, all) => all.indexOf(t) === k),
      catalogTags: null,
      category: null,
      url: null,
      possibleMatches: [],
      readMinutes: null,
      published: null,
      corpusLine: i,
    });
  }
  return articles;
}
