import type { Ref } from 'react';
import { TopicSelect } from '@/components/topic-select';
import { LIST_VIEWS, type ListCounts, type ListQuery, type ListSort } from '@/lib/reading-list/list-query';

const VIEW_LABELS = { queue: 'Queue', all: 'All', done: 'Done', archived: 'Archived' } as const;

interface ListToolbarProps {
  query: ListQuery;
  counts: ListCounts;
  tags: readonly string[];
  onChange: (patch: Partial<ListQuery>) => void;
  searchRef: Ref<HTMLInputElement>;
  /** Escape in the search box: the list's keys work again on the rows found (the focus is given back to it). */
  onLeaveSearch: () => void;
  /** Why the filters changed by themselves (a filtered tag no item holds any more), in a status line. */
  notice?: string;
}

/** The reading list's views (the queue first), filters (topic, tag), order and search. */
export function ListToolbar({
  query,
  counts,
  tags,
  onChange,
  searchRef,
  onLeaveSearch,
  notice = '',
}: ListToolbarProps) {
  const searching = query.text.trim() !== '';
  return (
    <>
      <fieldset className="list-views" aria-label="Show">
        {LIST_VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            className="button secondary"
            aria-pressed={query.status === view}
            onClick={() => onChange({ status: view })}
          >
            {VIEW_LABELS[view]} ({counts[view].toLocaleString('en')})
          </button>
        ))}
      </fieldset>
      <div className="list-toolbar">
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
          Sort {/* While searching, the best match comes first (queryRows): the sort orders the list again after. */}
          <select
            value={searching ? 'best' : query.sort}
            disabled={searching}
            onChange={(e) => onChange({ sort: e.target.value as ListSort })}
          >
            {searching && <option value="best">Best match</option>}
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
            if (e.key !== 'Escape') return;
            // Chrome's own Escape empties a search box: all rows came back, and d acted on one not found.
            e.preventDefault();
            onLeaveSearch();
          }}
        />
      </div>
      <div className="muted" role="status">
        {notice}
      </div>
    </>
  );
}
