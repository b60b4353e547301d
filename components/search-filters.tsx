import { ARTICLES } from '@/lib/corpus/catalog';
import { TOPICS } from '@/lib/corpus/topics';

const TAG_COUNTS = [
  ...ARTICLES.flatMap((a) => a.tags).reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<string, number>()),
]
  .filter(([, count]) => count >= 2)
  .sort((a, b) => a[0].localeCompare(b[0]));

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
      <label>
        Topic{' '}
        <select value={topic ?? ''} onChange={(event) => onTopicChange(event.target.value || null)}>
          <option value="">All topics</option>
          {TOPICS.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag{' '}
        <select value={tag ?? ''} onChange={(event) => onTagChange(event.target.value || null)}>
          <option value="">All tags</option>
          {TAG_COUNTS.map(([name, count]) => (
            <option key={name} value={name}>
              {name} ({count})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
