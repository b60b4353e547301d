import type { Article } from '@/lib/corpus/article';
import { getTopicLabel } from '@/lib/corpus/topics';

interface SearchResultsProps {
  id: string;
  articles: readonly Article[];
  activeIndex: number;
  onActivate: (index: number) => void;
  onChoose: (article: Article) => void;
}

export function getResultOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/** The popup's result list: a listbox driven by the search combobox (focus stays in the input). */
export function SearchResults({ id, articles, activeIndex, onActivate, onChoose }: SearchResultsProps) {
  return (
    <div id={id} role="listbox" aria-label="Search results" className="search-results">
      {articles.map((article, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox owns the keyboard (aria-activedescendant).
        // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant.
        <div
          key={article.id}
          id={getResultOptionId(id, index)}
          role="option"
          aria-selected={index === activeIndex}
          className="search-result"
          onMouseMove={() => index !== activeIndex && onActivate(index)}
          onClick={() => onChoose(article)}
        >
          <span className="result-title">{article.title}</span>
          <span className="result-topic">{getTopicLabel(article.topic)}</span>
          <span className="result-summary">{article.summary}</span>
        </div>
      ))}
    </div>
  );
}
