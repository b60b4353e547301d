import type { KeyboardEvent } from 'react';
import type { useCurrentRowLine } from '@/components/hooks/use-current-row-line';
import type { ReadingListSelection } from '@/components/hooks/use-reading-list-selection';
import type { ItemStatus } from '@/lib/db/schema';
import { LIST_PAGE_ROWS, runListKey } from '@/lib/reading-list/keys';
import type { ListRow } from '@/lib/reading-list/list-query';
import { focusCurrentRow, focusSameControl, rowIndexOf } from '@/lib/reading-list/row-focus';

interface ListKeysOptions {
  rows: readonly ListRow[];
  /** The current row's index, where the focus is on no row. */
  activeAt: number;
  rowLine: ReturnType<typeof useCurrentRowLine>;
  /** The rows checked, and checking them (`useReadingListSelection`). */
  selection: Pick<ReadingListSelection, 'selected' | 'toggle' | 'toggleAll'>;
  /** Undoes the last action (the Undo line's). */
  undo: () => void;
  open: (row: ListRow | undefined) => void;
  /** These act on the checked rows, else the row. */
  setStatusOf: (ids: string[], status: ItemStatus) => void;
  unsave: (ids: string[]) => void;
  focusList: () => void;
  focusSearch: () => void;
  /** The keyboard help: `hide` hides it, if shown (Escape); false when it was not shown. */
  help: { toggle: () => void; hide: () => boolean };
}

/**
 * The reading list's key handler. A key acts on the row holding the focus (a row's checkbox or
 * title), else on the current row; from a row, j and k take the focus to the next row's same
 * control, so that the focus and the current row stay one.
 */
export function useListKeys(options: ListKeysOptions) {
  const { rows, activeAt, rowLine, open } = options;
  const { selected: checked, toggle: toggleChecked } = options.selection;
  return (event: KeyboardEvent) => {
    // Escape not handled where it was pressed (the search box, the help itself) hides the help.
    if (event.key === 'Escape' && !event.defaultPrevented && options.help.hide()) event.preventDefault();
    const focusedAt = rowIndexOf(event.target);
    const at = focusedAt ?? activeAt;
    const row = rows[at];
    const move = (to: number) => {
      if (focusedAt !== null && focusSameControl(event.target as Element, to)) return; // its focus makes it current
      rowLine.moveByKey(() => to);
      // Not rendered any more (scrolled out): the list keeps the keys, and the live line says the row.
      if (focusedAt !== null) options.focusList();
    };
    const actOn = (status: ItemStatus | 'unsaved') => {
      const ids = checked.size > 0 ? [...checked] : row ? [row.item.id] : [];
      if (status === 'unsaved') options.unsave(ids);
      else options.setStatusOf(ids, status);
      rowLine.speakAfter(ids); // the Undo line says what was done; this line, where the user is now
    };
    // Tab from the list itself goes to the current row, not the first row drawn (QA pass: d then acted
    // on a row 8 above the one just announced).
    if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
      if (focusedAt === null && focusCurrentRow(event.target as Element, at)) event.preventDefault();
      return;
    }
    const last = rows.length - 1;
    runListKey(event, {
      next: () => move(Math.min(at + 1, last)),
      previous: () => move(Math.max(at - 1, 0)),
      pageDown: () => move(Math.min(at + LIST_PAGE_ROWS, last)),
      pageUp: () => move(Math.max(at - LIST_PAGE_ROWS, 0)),
      first: () => move(0),
      last: () => move(Math.max(last, 0)),
      open: () => open(row),
      toggle: () => {
        // A focused checkbox says its own state; from the list or a title, the live line says it.
        if (!(event.target as Element).matches?.('input[type=checkbox]')) rowLine.speak();
        if (row) toggleChecked(row.item.id);
      },
      checkAll: options.selection.toggleAll,
      undo: options.undo,
      archive: () => actOn('archived'),
      done: () => actOn('done'),
      unsave: () => actOn('unsaved'),
      search: options.focusSearch,
      help: options.help.toggle,
    });
  };
}
