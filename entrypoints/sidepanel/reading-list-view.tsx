import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { KeyboardHelp } from '@/components/keyboard-help';
import { ReadingList } from '@/components/reading-list';
import { TopicSelect } from '@/components/topic-select';
import { getArticleById } from '@/lib/corpus/catalog';
import { type RemovedSnapshot, removeItems, restoreRemoved, setStatus, undoStatusChange } from '@/lib/db/items';
import { getAllItems, getNewestItems } from '@/lib/db/queries';
import { ITEM_STATUSES, type ItemStatus } from '@/lib/db/schema';
import {
  buildRows,
  countByStatus,
  DEFAULT_LIST_QUERY,
  type ListQuery,
  type ListRow,
  type ListSort,
  queryRows,
} from '@/lib/reading-list/list-query';

type Undo = { message: string; undo: () => Promise<void> };

const FIRST_PAGE_SIZE = 60;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.matches('input:not([type=checkbox]), select, textarea') || target.isContentEditable)
  );
}

export function ReadingListView({
  onOpenArticle,
  onOpenPage,
}: {
  onOpenArticle: (articleId: string) => void;
  onOpenPage: (itemId: string) => void;
}) {
  // For `npm run bench`: when the list started loading its data.
  useEffect(() => {
    performance.mark('shelf:reading-list-mounted');
  }, []);
  // The newest screenful is read first, through the index, and painted; only then is the whole list
  // (needed for filters, sorting and counts) read: at 10,000 items that read holds the main thread
  // long enough to delay the first paint.
  const [loadAll, setLoadAll] = useState(false);
  const data = useLiveQuery(async () => (loadAll ? getAllItems() : undefined), [loadAll]);
  const firstPage = useLiveQuery(() => getNewestItems(FIRST_PAGE_SIZE), []);
  const [query, setQuery] = useState<ListQuery>(DEFAULT_LIST_QUERY);
  const [activeIndex, setActiveIndex] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<Undo | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (firstPage === undefined || loadAll) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setLoadAll(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [firstPage, loadAll]);

  const isPartial = !data && firstPage !== undefined;
  const source = data ?? firstPage;
  const allRows = useMemo(() => (source ? buildRows(source.items, source.progress, getArticleById) : []), [source]);
  const rows = useMemo(() => queryRows(allRows, query), [allRows, query]);
  const counts = useMemo(() => countByStatus(allRows), [allRows]);
  const tags = useMemo(
    () => [...new Set(allRows.flatMap((r) => [...r.item.tags, ...(r.article?.tags ?? [])]))].sort(),
    [allRows],
  );
  const active = rows[Math.min(activeIndex, rows.length - 1)];

  const update = (patch: Partial<ListQuery>) => {
    setQuery((q) => ({ ...q, ...patch }));
    setActiveIndex(0);
  };
  const targets = (): string[] => (selected.size > 0 ? [...selected] : active ? [active.item.id] : []);

  async function bulkStatus(status: ItemStatus) {
    const ids = targets();
    if (ids.length === 0) return;
    const change = await setStatus(ids, status);
    setSelected(new Set());
    setUndo({
      message: `Marked ${ids.length} as ${status}.`,
      undo: async () => {
        await undoStatusChange(change);
      },
    });
  }

  async function bulkRemove(ids = targets()) {
    if (ids.length === 0) return;
    const snapshot: RemovedSnapshot = await removeItems(ids);
    setSelected(new Set());
    setUndo({ message: `Removed ${ids.length} from the reading list.`, undo: () => restoreRemoved(snapshot) });
  }

  function open(row: ListRow | undefined) {
    if (!row) return;
    if (row.item.kind === 'page' || !row.item.articleId) onOpenPage(row.item.id);
    else onOpenArticle(row.item.articleId);
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const keys: Record<string, () => void> = {
      j: () => setActiveIndex((i) => Math.min(i + 1, rows.length - 1)),
      k: () => setActiveIndex((i) => Math.max(i - 1, 0)),
      o: () => open(active),
      Enter: () => open(active),
      x: () => active && toggle(active.item.id),
      e: () => void bulkStatus('archived'),
      d: () => void bulkStatus('done'),
      s: () => active && void bulkRemove([active.item.id]),
      '/': () => searchRef.current?.focus(),
      '?': () => setShowHelp((shown) => !shown),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  if (!source) return <p aria-busy="true">Loading your reading list…</p>;

  return (
    <section aria-labelledby="reading-list-heading" className="reading-list-view" onKeyDown={onKeyDown}>
      <h2 id="reading-list-heading">
        Reading list <span className="muted">({isPartial ? '…' : counts.all})</span>
      </h2>
      <div className="list-toolbar">
        <label>
          Status{' '}
          <select value={query.status} onChange={(e) => update({ status: e.target.value as ListQuery['status'] })}>
            <option value="all">All ({counts.all})</option>
            {ITEM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status} ({counts[status]})
              </option>
            ))}
          </select>
        </label>
        <TopicSelect value={query.topic} onChange={(topic) => update({ topic })} />
        <label>
          Tag{' '}
          <select value={query.tag ?? ''} onChange={(e) => update({ tag: e.target.value || null })}>
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
          <select value={query.sort} onChange={(e) => update({ sort: e.target.value as ListSort })}>
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
          onChange={(e) => update({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
          }}
        />
      </div>
      <div className="list-actions" role="toolbar" aria-label="Bulk actions">
        <span className="muted" role="status">
          {rows.length} shown{selected.size > 0 ? `, ${selected.size} selected` : ''}
        </span>
        <button type="button" className="button secondary" onClick={() => void bulkStatus('done')}>
          Mark done
        </button>
        <button type="button" className="button secondary" onClick={() => void bulkStatus('archived')}>
          Archive
        </button>
        <button type="button" className="button secondary" onClick={() => void bulkRemove()}>
          Remove
        </button>
        <button
          type="button"
          className="button secondary"
          aria-label="Keyboard shortcuts"
          onClick={() => setShowHelp((s) => !s)}
        >
          ?
        </button>
      </div>
      {undo && (
        <div className="undo-bar" role="status">
          {undo.message}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              void undo.undo();
              setUndo(null);
            }}
          >
            Undo
          </button>
        </div>
      )}
      {showHelp && <KeyboardHelp onClose={() => setShowHelp(false)} />}
      {allRows.length === 0 ? (
        <p className="empty-state">Nothing saved yet. Save articles from the popup (Alt+S) or from their card.</p>
      ) : rows.length === 0 ? (
        <p className="empty-state">No saved article matches these filters.</p>
      ) : (
        <ReadingList
          rows={rows}
          activeIndex={activeIndex}
          selected={selected}
          onActivate={setActiveIndex}
          onToggleSelected={toggle}
          onOpen={open}
        />
      )}
    </section>
  );
}
