import { useFilterTagChoices } from '@/components/hooks/use-filter-tags';
import { TopicSelect } from '@/components/topic-select';
import { describeFilterTag } from '@/lib/popup/popup-results';

interface SearchFiltersProps {
  topic: string | null;
  tag: string | null;
  onTopicChange: (topic: string | null) => void;
  onTagChange: (tag: string | null) => void;
}

/** Topic and tag filters for the popup's search (the user's own tags among the blog's). */
export function SearchFilters({ topic, tag, onTopicChange, onTagChange }: SearchFiltersProps) {
  const tags = useFilterTagChoices(tag);
  return (
    <div className="search-filters">
      <TopicSelect value={topic} onChange={onTopicChange} />
      <label>
        Tag{' '}
        <select value={tag ?? ''} onChange={(event) => onTagChange(event.target.value || null)}>
          <option value="">All tags</option>
          {tags.map((entry) => (
            <option key={entry[0]} value={entry[0]}>
              {describeFilterTag(entry)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
