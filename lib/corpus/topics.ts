/** Shelf's topic taxonomy: one topic per article, chosen by reading its summary. */
export const TOPICS = [
  { id: 'ai-llms', label: 'AI & LLMs' },
  { id: 'databases', label: 'Databases' },
  { id: 'caching', label: 'Caching & Redis' },
  { id: 'distributed-systems', label: 'Distributed systems & messaging' },
  { id: 'reliability', label: 'Reliability & incidents' },
  { id: 'performance', label: 'Performance & scaling' },
  { id: 'security', label: 'Security & auth' },
  { id: 'architecture', label: 'Architecture & APIs' },
  { id: 'operations', label: 'DevOps, cloud & cost' },
  { id: 'nodejs-typescript', label: 'Node.js & TypeScript' },
  { id: 'python', label: 'Python' },
  { id: 'career', label: 'Career & leadership' },
] as const;

export type TopicId = (typeof TOPICS)[number]['id'];

const LABELS = new Map<string, string>(TOPICS.map((topic) => [topic.id, topic.label]));

export function getTopicLabel(topic: TopicId): string {
  return LABELS.get(topic) ?? topic;
}
