import { useRef, useState } from 'react';
import { BulkTagActions } from '@/components/annotations/bulk-tag-actions';
import { useReadingListData } from '@/components/hooks/use-reading-list-data';
import { useReadingListSelection } from '@/components/hooks/use-reading-list-selection';
import { useUndoableActions } from '@/components/hooks/use-undoable-actions';
import { KeyboardHelp } from '@/components/keyboard-help';
import { ReadingList } from '@/components/reading-list';
import { BulkActions, UndoBar } from '@/components/reading-list/bulk-actions';
import { ListToolbar } from '@/components/reading-list/list-toolbar';
import type { ItemStatus } from '@/lib/db/schema';
import { runListKey } from '@/lib/reading-list/keys';
import { DEFAULT_LIST_QUERY, type ListQuery, type ListRow } from '@/lib/reading-list/list-query';

interface ReadingListViewProps {
  onOpenArticle: (articleId: string) => void;
  onOpenPage: (itemId: string) => void;
}

/** The saved items: filters, search, bulk actions with undo, and keys (`?` lists them). */
export function ReadingListView({ onOpenArticle, onOpenPage }: ReadingListViewProps) {
  const [query, setQuery] = useState<ListQuery>(DEFAULT_LIST_QUERY);
  const { loaded, isPartial, allRows, rows, counts, tags } = useReadingListData(query);
  const [activeIndex, setActiveIndex] = useState(0);
  const selection = useReadingListSelection();
  const actions = useUndoableActions();
  const [showHelp, setShowHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const active = rows[Math.min(activeIndex, rows.length - 1)];

  const update = (patch: Partial<ListQuery>) => {
    setQuery((q) => ({ ...q, ...patch }));
    setActiveIndex(0);
  };
  const targets = (): string[] =>
    selection.selected.size > 0 ? [...selection.selected] : active ? [active.item.id] : [];
  const setStatusOf = (status: ItemStatus) => {
    void actions.setStatusOf(targets(), status);
    selection.clear();
  };
  const unsave = (ids: string[]) => {
    void actions.unsave(ids);
    selection.clear();
  };
  const open = (row: ListRow | undefined) => {
    if (!row) return;
    if (row.item.kind === 'page' || !row.item.articleId) onOpenPage(row.item.id);
    else onOpenArticle(row.item.articleId);
  };

  if (!loaded) return <p aria-busy="true">Loading your reading list…</p>;

  return (
    <section
      aria-labelledby="reading-list-heading"
      className="reading-list-view"
      onKeyDown={(event) =>
        runListKey(event, {
          next: () => setActiveIndex((i) => Math.min(i + 1, rows.length - 1)),
          previous: () => setActiveIndex((i) => Math.max(i - 1, 0)),
          open: () => open(active),
          toggle: () => active && selection.toggle(active.item.id),
          archive: () => setStatusOf('archived'),
          done: () => setStatusOf('done'),
          unsave: () => active && unsave([active.item.id]),
          search: () => searchRef.current?.focus(),
          help: () => setShowHelp((shown) => !shown),
        })
      }
    >
      <h2 id="reading-list-heading">
        Reading list <span className="muted">({isPartial ? '…' : counts.all})</span>
      </h2>
      <ListToolbar query={query} counts={counts} tags={tags} onChange={update} searchRef={searchRef} />
      <BulkActions
        shown={rows.length}
        selected={selection.selected.size}
        onDone={() => setStatusOf('done')}
        onArchive={() => setStatusOf('archived')}
        onUnsave={() => unsave(targets())}
        onToggleHelp={() => setShowHelp((s) => !s)}
      />
      <BulkTagActions checked={[...selection.selected]} suggestions={tags} />
      <UndoBar undo={actions.undo} onUndo={actions.runUndo} />
      {showHelp && <KeyboardHelp onClose={() => setShowHelp(false)} />}
      {allRows.length === 0 ? (
        <p className="empty-state">Nothing saved yet. Save articles from the popup (Alt+S) or from their card.</p>
      ) : rows.length === 0 ? (
        <p className="empty-state">No saved article matches these filters.</p>
      ) : (
        <ReadingList
          rows={rows}
          activeIndex={activeIndex}
          selected={selection.selected}
          onActivate={setActiveIndex}
          onToggleSelected={selection.toggle}
          onOpen={open}
        />
      )}
    </section>
  );
}
