import type { Article } from '@/lib/corpus/article';
import { slugify } from '@/lib/corpus/normalize';
import { TOPICS, type TopicId } from '@/lib/corpus/topics';

export interface TopicClues {
  title: string;
  tags: readonly string[];
}

/**
 * A topic for an article the bundle does not have (every article has one): the topic of the bundled
 * articles that share most of its tags, then of its title's words, else the bundle's most common
 * topic. Shelf marks it as guessed; the bundled topics were assigned by reading each summary.
 */
export function createTopicGuesser(articles: readonly Article[]): (clues: TopicClues) => TopicId {
  const tagTopics = new Map<string, Map<TopicId, number>>();
  const wordTopics = new Map<string, Map<TopicId, number>>();
  const add = (index: Map<string, Map<TopicId, number>>, key: string, topic: TopicId) => {
    const counts = index.get(key) ?? new Map<TopicId, number>();
    counts.set(topic, (counts.get(topic) ?? 0) + 1);
    index.set(key, counts);
  };
  const overall = new Map<TopicId, number>();
  for (const article of articles) {
    overall.set(article.topic, (overall.get(article.topic) ?? 0) + 1);
    for (const tag of new Set([...article.tags, ...(article.catalogTags ?? [])])) {
      add(tagTopics, tag, article.topic);
      for (const word of tag.split('-')) if (word.length >= 4) add(wordTopics, word, article.topic);
    }
  }
  const best = (votes: Map<TopicId, number>) => {
    let winner: TopicId | null = null;
    for (const { id } of TOPICS) if ((votes.get(id) ?? 0) > (winner ? (votes.get(winner) ?? 0) : 0)) winner = id;
    return winner;
  };
  const fallback = best(overall) ?? TOPICS[0].id;

  return ({ title, tags }) => {
    const vote = (keys: Iterable<string>, index: Map<string, Map<TopicId, number>>) => {
      const votes = new Map<TopicId, number>();
      for (const key of keys)
        for (const [topic, n] of index.get(key) ?? []) votes.set(topic, (votes.get(topic) ?? 0) + n);
      return best(votes);
    };
    const titleWords = slugify(title)
      .split('-')
      .filter((word) => word.length >= 4);
    return vote(tags.map(slugify), tagTopics) ?? vote(titleWords, wordTopics) ?? fallback;
  };
}
