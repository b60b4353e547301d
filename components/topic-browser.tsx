import { useId } from 'react';
import { ArticleList } from '@/components/article-list';
import type { Article } from '@/lib/corpus/article';
import { TOPICS } from '@/lib/corpus/topics';
import type { SavedMarker } from '@/lib/db/queries';

interface TopicBrowserProps {
  articles: readonly Article[];
  onSelect: (article: Article) => void;
  markers?: ReadonlyMap<string, SavedMarker>;
  /** The open groups, kept by the caller: Back from an article's card finds them open. */
  openTopics: ReadonlySet<string>;
  onToggleTopic: (topic: string, open: boolean) => void;
}

/**
 * Every article, grouped by topic, each group a disclosure; saved ones marked. A button in the
 * group's heading, not `<summary>`: a summary is no button to some screen readers and test tools,
 * which then found no control to open a group with (accessibility pass).
 */
export function TopicBrowser({ articles, onSelect, markers, openTopics, onToggleTopic }: TopicBrowserProps) {
  const idPrefix = useId();
  return (
    <div className="topic-browser">
      {TOPICS.map((topic) => {
        const inTopic = articles
          .filter((article) => article.topic === topic.id)
          .sort((a, b) => a.title.localeCompare(b.title));
        if (inTopic.length === 0) return null;
        const open = openTopics.has(topic.id);
        const groupId = `${idPrefix}-${topic.id}`;
        return (
          <div key={topic.id} className="topic-group">
            <h3 className="topic-heading">
              <button
                type="button"
                className="topic-toggle"
                aria-expanded={open}
                aria-controls={groupId}
                onClick={() => onToggleTopic(topic.id, !open)}
              >
                {topic.label} <span className="muted">({inTopic.length})</span>
              </button>
            </h3>
            <div id={groupId} hidden={!open}>
              <ArticleList articles={inTopic} label={topic.label} onSelect={onSelect} markers={markers} />
            </div>
          </div>
        );
      })}
    </div>
  );
}
