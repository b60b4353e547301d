import type { TopicId } from '@/lib/corpus/topics';
import { getTopicLabel } from '@/lib/corpus/topics';

export function TopicLabel({ topic }: { topic: TopicId }) {
  return <span className="topic-label">{getTopicLabel(topic)}</span>;
}
