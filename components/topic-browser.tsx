import { ArticleList } from '@/components/article-list';
import { Disclosure } from '@/components/disclosure';
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

/** Every article, grouped by topic, each group a disclosure in its heading; saved ones marked. */
export function TopicBrowser({ articles, onSelect, markers, openTopics, onToggleTopic }: TopicBrowserProps) {
  return (
    <div className="topic-browser">
      {TOPICS.map((topic) => {
        const inTopic = articles
          .filter((article) => article.topic === topic.id)
          .sort((a, b) => a.title.localeCompare(b.title));
        if (inTopic.length === 0) return null;
        return (
          <Disclosure
            key={topic.id}
            className="topic-group"
            inHeading
            label={
              <>
                {topic.label} <span className="muted">({inTopic.length})</span>
              </>
            }
            open={openTopics.has(topic.id)}
            onToggle={(open) => onToggleTopic(topic.id, open)}
          >
            <ArticleList articles={inTopic} label={topic.label} onSelect={onSelect} markers={markers} />
          </Disclosure>
        );
      })}
    </div>
  );
}
