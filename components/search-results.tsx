import { HighlightedText } from '@/components/highlighted-text';
import { SavedBadge } from '@/components/saved-badge';
import type { Article } from '@/lib/corpus/article';
import type { SavedMarker } from '@/lib/db/queries';
import { describeResultTopic } from '@/lib/popup/popup-results';
import { getHighlightRanges } from '@/lib/search/highlight';

interface SearchResultsProps {
  id: string;
  articles: readonly Article[];
  activeIndex: number;
  matchedTerms: ReadonlySet<string>;
  prefix: string | null;
  markers: ReadonlyMap<string, SavedMarker>;
  onActivate: (index: number) => void;
  onChoose: (article: Article) => void;
}

export function getResultOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/** The popup's result list: a listbox driven by the search combobox (focus stays in the input). */
export function SearchResults({
  id,
  articles,
  activeIndex,
  matchedTerms,
  prefix,
  markers,
  onActivate,
  onChoose,
}: SearchResultsProps) {
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
          <span className="result-title">
            <HighlightedText text={article.title} ranges={getHighlightRanges(article.title, matchedTerms, prefix)} />
          </span>
          <span className="result-topic">
            {describeResultTopic(article)}
            <SavedBadge marker={markers.get(article.id)} />
          </span>
          <span className="result-summary">
            <HighlightedText
              text={article.summary}
              ranges={getHighlightRanges(article.summary, matchedTerms, prefix)}
            />
          </span>
        </div>
      ))}
    </div>
  );
}
