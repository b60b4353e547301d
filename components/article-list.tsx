import { SavedBadge } from '@/components/saved-badge';
import { TopicLabel } from '@/components/topic-label';
import type { Article } from '@/lib/corpus/article';
import type { SavedMarker } from '@/lib/db/queries';

interface ArticleListProps {
  articles: readonly Article[];
  label: string;
  onSelect: (article: Article) => void;
  showTopic?: boolean;
  /** Saved articles, marked "Saved", "Reading · 40%", "Done"… */
  markers?: ReadonlyMap<string, SavedMarker>;
}

/** A plain list of articles; choosing one shows its card. */
export function ArticleList({ articles, label, onSelect, showTopic = false, markers }: ArticleListProps) {
  return (
    <ul className="article-list" aria-label={label}>
      {articles.map((article) => (
        <li key={article.id}>
          <button
            type="button"
            className="article-list-item"
            data-article-id={article.id}
            onClick={() => onSelect(article)}
          >
            <span className="article-list-title">
              {article.title}
              <SavedBadge marker={markers?.get(article.id)} />
            </span>
            {showTopic && <TopicLabel topic={article.topic} />}
          </button>
        </li>
      ))}
    </ul>
  );
}
