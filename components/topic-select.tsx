import { TOPICS } from '@/lib/corpus/topics';

/** A labelled select of Shelf's topics, with "All topics" for none. */
export function TopicSelect({ value, onChange }: { value: string | null; onChange: (topic: string | null) => void }) {
  return (
    <label>
      Topic{' '}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">All topics</option>
        {TOPICS.map((topic) => (
          <option key={topic.id} value={topic.id}>
            {topic.label}
          </option>
        ))}
      </select>
    </label>
  );
}
