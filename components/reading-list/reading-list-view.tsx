import { useEffect, useMemo, useRef, useState } from 'react';
import { BulkTagActions } from '@/components/annotations/bulk-tag-actions';
import { useReadingListData } from '@/components/hooks/use-reading-list-data';
import { useReadingListSelection } from '@/components/hooks/use-reading-list-selection';
import { useUndoableActions } from '@/components/hooks/use-undoable-actions';
import { KeyboardHelp } from '@/components/keyboard-help';
import { ReadingList } from '@/components/reading-list';
import { BulkActions, UndoBar } from '@/components/reading-list/bulk-actions';
import { EmptyList } from '@/components/reading-list/empty-list';
import { ListToolbar } from '@/components/reading-list/list-toolbar';
import type { ItemStatus } from '@/lib/db/schema';
import { runListKey } from '@/lib/reading-list/keys';
import { DEFAULT_LIST_QUERY, type ListQuery, type ListRow } from '@/lib/reading-list/list-query';

interface ReadingListViewProps {
  onOpenArticle: (articleId: string) => void;
  onOpenPage: (itemId: string) => void;
  onImport: () => void;
}

/** The saved items: the queue and other views, filters, bulk actions with undo, and keys (`?` lists them). */
export function ReadingListView({ onOpenArticle, onOpenPage, onImport }: ReadingListViewProps) {
  const [query, setQuery] = useState<ListQuery>(DEFAULT_LIST_QUERY);
  const { loaded, isPartial, allRows, rows, counts, tags, found } = useReadingListData(query);
  const [activeIndex, setActiveIndex] = useState(0);
  const savedIds = useMemo(() => new Set(allRows.map((row) => row.item.id)), [allRows]);
  const selection = useReadingListSelection(savedIds);
  const actions = useUndoableActions();
  const [showHelp, setShowHelp] = useState(false);
  const [keyMoved, setKeyMoved] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const active = rows[Math.min(activeIndex, rows.length - 1)];
  // The list takes the focus when it is first shown, so that its keys work at once.
  const hasRows = rows.length > 0;
  const focused = useRef(false);
  useEffect(() => {
    if (!hasRows || focused.current) return;
    focused.current = true;
    listRef.current?.focus({ preventScroll: true });
  }, [hasRows]);
  // After a button acted (it may be disabled now), or Escape left the search box, the focus goes back
  // to the list, whose keys would not be heard from the page's body.
  // With no rows shown (a view or search with none) the section itself, which hears the keys.
  const focusList = () => (listRef.current ?? sectionRef.current)?.focus({ preventScroll: true });
  const refocus = () => requestAnimationFrame(focusList);

  const update = (patch: Partial<ListQuery>) => {
    setQuery((q) => ({ ...q, ...patch }));
    setActiveIndex(0);
  };
  const checkedOrActive = () =>
    selection.selected.size > 0 ? [...selection.selected] : active ? [active.item.id] : [];
  const setStatusOf = (ids: string[], status: ItemStatus) => {
    void actions.setStatusOf(ids, status).then(refocus);
    selection.clear();
  };
  const unsave = (ids: string[]) => {
    void actions.unsave(ids).then(refocus);
    selection.clear();
  };
  const open = (row: ListRow | undefined) => {
    if (!row) return;
    if (row.item.kind === 'page' || !row.item.articleId) onOpenPage(row.item.id);
    else onOpenArticle(row.item.articleId);
  };

  // The list keeps the focus while j/k move the current row: a screen reader hears of it from this line.
  const moveByKey = (next: (index: number) => number) => {
    setKeyMoved(true);
    setActiveIndex(next);
  };
  const currentRow =
    keyMoved && active
      ? `${active.item.title}, ${Math.min(activeIndex, rows.length - 1) + 1} of ${rows.length}${selection.selected.has(active.item.id) ? ', checked' : ''}`
      : '';

  if (!loaded) return <p aria-busy="true">Loading your reading list…</p>;

  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      aria-labelledby="reading-list-heading"
      className="reading-list-view"
      onKeyDown={(event) =>
        runListKey(event, {
          next: () => moveByKey((i) => Math.min(i + 1, rows.length - 1)),
          previous: () => moveByKey((i) => Math.max(i - 1, 0)),
          open: () => open(active),
          toggle: () => {
            if (!active) return;
            setKeyMoved(true);
            selection.toggle(active.item.id);
          },
          archive: () => setStatusOf(checkedOrActive(), 'archived'),
          done: () => setStatusOf(checkedOrActive(), 'done'),
          unsave: () => unsave(checkedOrActive()),
          search: () => searchRef.current?.focus(),
          help: () => setShowHelp((shown) => !shown),
        })
      }
    >
      <p className="visually-hidden" aria-live="polite">
        {currentRow}
      </p>
      <h2 id="reading-list-heading">
        Reading list <span className="muted">({isPartial ? '…' : counts.all})</span>
      </h2>
      <UndoBar undo={actions.undo} onUndo={() => void actions.runUndo().then(refocus)} />
      {allRows.length === 0 ? (
        <EmptyList onImport={onImport} />
      ) : (
        <>
          <ListToolbar
            query={query}
            counts={counts}
            tags={tags}
            onChange={update}
            searchRef={searchRef}
            onLeaveSearch={focusList}
          />
          <BulkActions
            shown={rows.length}
            selected={selection.selected.size}
            onDone={() => setStatusOf([...selection.selected], 'done')}
            onArchive={() => setStatusOf([...selection.selected], 'archived')}
            onUnsave={() => unsave([...selection.selected])}
            onToggleHelp={() => setShowHelp((s) => !s)}
            helpShown={showHelp}
          />
          <BulkTagActions checked={[...selection.selected]} suggestions={tags} />
          {showHelp && <KeyboardHelp onClose={() => setShowHelp(false)} />}
          {hasRows ? (
            <ReadingList
              rows={rows}
              activeIndex={activeIndex}
              selected={selection.selected}
              onActivate={(index) => {
                setKeyMoved(false); // the pointer moved it: nothing to say
                setActiveIndex(index);
              }}
              onToggleSelected={selection.toggle}
              onOpen={open}
              found={found}
              listRef={listRef}
            />
          ) : (
            <p className="empty-state" role="status">
              {query.status === 'queue' && counts.queue === 0 && !query.text.trim()
                ? 'Nothing left to read: everything saved is done or archived.'
                : query.text.trim()
                  ? `No saved article matches “${query.text.trim()}” in this view.`
                  : 'No saved article matches these filters.'}
            </p>
          )}
        </>
      )}
    </section>
  );
}
