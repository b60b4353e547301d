import { TopicSelect } from '@/components/topic-select';
import { ARTICLES } from '@/lib/corpus/catalog';

let tagCounts: Array<[string, number]> | undefined;

/** Tags used by at least two articles, with counts; computed on first render, not at import. */
function getTagCounts(): Array<[string, number]> {
  tagCounts ??= [
    ...ARTICLES.flatMap((a) => a.tags).reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<string, number>()),
  ]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => a[0].localeCompare(b[0]));
  return tagCounts;
}

interface SearchFiltersProps {
  topic: string | null;
  tag: string | null;
  onTopicChange: (topic: string | null) => void;
  onTagChange: (tag: string | null) => void;
}

/** Topic and tag filters for the popup's search. */
export function SearchFilters({ topic, tag, onTopicChange, onTagChange }: SearchFiltersProps) {
  return (
    <div className="search-filters">
      <TopicSelect value={topic} onChange={onTopicChange} />
      <label>
        Tag{' '}
        <select value={tag ?? ''} onChange={(event) => onTagChange(event.target.value || null)}>
          <option value="">All tags</option>
          {getTagCounts().map(([name, count]) => (
            <option key={name} value={name}>
              {name} ({count})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
