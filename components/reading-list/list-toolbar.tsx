import type { Ref } from 'react';
import { TopicSelect } from '@/components/topic-select';
import { ITEM_STATUSES, type ItemStatus } from '@/lib/db/schema';
import type { ListQuery, ListSort } from '@/lib/reading-list/list-query';

interface ListToolbarProps {
  query: ListQuery;
  counts: Record<ItemStatus | 'all', number>;
  tags: readonly string[];
  onChange: (patch: Partial<ListQuery>) => void;
  searchRef: Ref<HTMLInputElement>;
}

/** The reading list's filters (status, topic, tag), its order and its search. */
export function ListToolbar({ query, counts, tags, onChange, searchRef }: ListToolbarProps) {
  return (
    <div className="list-toolbar">
      <label>
        Status{' '}
        <select value={query.status} onChange={(e) => onChange({ status: e.target.value as ListQuery['status'] })}>
          <option value="all">All ({counts.all})</option>
          {ITEM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status} ({counts[status]})
            </option>
          ))}
        </select>
      </label>
      <TopicSelect value={query.topic} onChange={(topic) => onChange({ topic })} />
      <label>
        Tag{' '}
        <select value={query.tag ?? ''} onChange={(e) => onChange({ tag: e.target.value || null })}>
          <option value="">All tags</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sort{' '}
        <select value={query.sort} onChange={(e) => onChange({ sort: e.target.value as ListSort })}>
          <option value="added">Recently added</option>
          <option value="updated">Recently updated</option>
          <option value="progress">Progress</option>
        </select>
      </label>
      <input
        ref={searchRef}
        type="search"
        aria-label="Search saved articles"
        placeholder="Search saved… (/)"
        value={query.text}
        onChange={(e) => onChange({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
        }}
      />
    </div>
  );
}
