import { useMemo, useRef } from 'react';
import { BulkTagActions } from '@/components/annotations/bulk-tag-actions';
import { useCurrentRowLine } from '@/components/hooks/use-current-row-line';
import { useGoneTagFallback } from '@/components/hooks/use-gone-tag-fallback';
import { useKeyboardHelp } from '@/components/hooks/use-keyboard-help';
import { useListFocus } from '@/components/hooks/use-list-focus';
import { useListKeys } from '@/components/hooks/use-list-keys';
import { type ListPlace, useListPlace, useReturnToRow } from '@/components/hooks/use-list-place';
import { useReadingListData } from '@/components/hooks/use-reading-list-data';
import { useReadingListSelection } from '@/components/hooks/use-reading-list-selection';
import { type UndoState, useUndoableActions } from '@/components/hooks/use-undoable-actions';
import { KeyboardHelp } from '@/components/keyboard-help';
import { ReadingList } from '@/components/reading-list';
import { BulkActions } from '@/components/reading-list/bulk-actions';
import { EmptyList, ListSearchLine } from '@/components/reading-list/empty-list';
import { ListToolbar } from '@/components/reading-list/list-toolbar';
import { UndoBar } from '@/components/undo-bar';
import type { ItemStatus } from '@/lib/db/schema';
import type { ListQuery, ListRow, ReaderPlace } from '@/lib/reading-list/list-query';

interface ReadingListViewProps {
  onOpenArticle: (articleId: string) => void;
  onOpenPage: (itemId: string, at?: ReaderPlace) => void;
  onImport: () => void;
  /** The undo of the last action, kept above this view so that it outlives it. */
  undo?: UndoState;
  /** The list's query and current row, kept above this view: Back from an item finds them as they were. */
  place?: ListPlace;
}

/** The saved items: the queue and other views, filters, bulk actions with undo, and keys (`?` lists them). */
export function ReadingListView({ onOpenArticle, onOpenPage, onImport, undo, place }: ReadingListViewProps) {
  const ownPlace = useListPlace();
  const listPlace = place ?? ownPlace;
  const { query, setQuery, activeIndex, setActiveIndex, actedOn } = listPlace;
  const list = useReadingListData(query);
  const { loaded, isPartial, allRows, rows, counts, tags, shownQuery, gone, found } = list;
  const tagFallback = useGoneTagFallback(gone, setQuery);
  useReturnToRow(listPlace, rows, shownQuery, loaded && !isPartial, found?.reasons);
  const shownIds = useMemo(() => new Set(rows.map((row) => row.item.id)), [rows]);
  const selection = useReadingListSelection(shownIds);
  const actions = useUndoableActions(undo);
  const help = useKeyboardHelp();
  const searchRef = useRef<HTMLInputElement>(null);
  const activeAt = Math.min(activeIndex, rows.length - 1);
  const { listRef, sectionProps, emptyRef, focusList, refocus } = useListFocus(rows.length > 0, loaded && !isPartial);
  const update = (patch: Partial<ListQuery>) => {
    setQuery((q) => ({ ...q, ...patch }));
    setActiveIndex(0);
    tagFallback.clear();
  };
  const actOnRows = (ids: string[], done: Promise<unknown>) => {
    actedOn.current = new Set(ids);
    void done.then(refocus);
    selection.clear();
  };
  const setStatusOf = (ids: string[], status: ItemStatus) => actOnRows(ids, actions.setStatusOf(ids, status));
  const unsave = (ids: string[]) => actOnRows(ids, actions.unsave(ids));
  const undoLast = () => void actions.runUndo().then(refocus);
  const open = (row: ListRow | undefined) => {
    if (!row) return;
    if (row.item.kind === 'page' || !row.item.articleId) onOpenPage(row.item.id, list.placeOf(row.item.id));
    else onOpenArticle(row.item.articleId);
  };
  const rowLine = useCurrentRowLine(rows, activeAt, selection.selected, setActiveIndex);
  const onKeyDown = useListKeys({
    rows,
    activeAt,
    rowLine,
    selection,
    undo: undoLast,
    open,
    setStatusOf,
    unsave,
    focusList,
    focusSearch: () => searchRef.current?.focus(),
    help,
  });

  if (!loaded) return <p aria-busy="true">Loading your reading list…</p>;

  return (
    <section
      {...sectionProps}
      tabIndex={-1}
      aria-labelledby="reading-list-heading"
      className="reading-list-view"
      onKeyDown={onKeyDown}
    >
      <p className="visually-hidden" aria-live="polite">
        {rowLine.line}
      </p>
      <h2 id="reading-list-heading">
        Reading list <span className="muted">({isPartial ? '…' : counts.all})</span>
      </h2>
      <UndoBar undo={actions.undo} note={actions.note} onUndo={undoLast} />
      {allRows.length === 0 ? (
        <EmptyList onImport={onImport} emptyRef={emptyRef} />
      ) : (
        <>
          <ListToolbar
            query={shownQuery}
            notice={tagFallback.notice}
            counts={counts}
            tags={tags}
            onChange={update}
            searchRef={searchRef}
            onLeaveSearch={focusList}
          />
          <BulkActions
            shown={rows.length}
            selected={selection.selected.size}
            onToggleAll={selection.toggleAll}
            onDone={() => setStatusOf([...selection.selected], 'done')}
            onArchive={() => setStatusOf([...selection.selected], 'archived')}
            onUnsave={() => unsave([...selection.selected])}
            onToggleHelp={help.toggle}
            helpShown={help.shown}
            helpButtonRef={help.buttonRef}
          />
          <BulkTagActions checked={[...selection.selected]} suggestions={tags} changeTag={actions.changeTag} />
          {help.shown && <KeyboardHelp onClose={help.close} />}
          <ListSearchLine list={list} onChange={update} searchBox={searchRef} emptyRef={emptyRef} />
          {rows.length > 0 && (
            <ReadingList
              rows={rows}
              activeIndex={activeIndex}
              selected={selection.selected}
              onActivate={rowLine.moveQuietly}
              onToggleSelected={selection.toggle}
              onOpen={open}
              found={found?.reasons}
              snippets={list.snippets}
              listRef={listRef}
            />
          )}
        </>
      )}
    </section>
  );
}
