import { type Dispatch, type SetStateAction, useState } from 'react';
import type { ListRow } from '@/lib/reading-list/list-query';

/**
 * What the reading list says of its current row once a key moved or checked it: the list keeps the
 * focus while j/k move the row, so a screen reader hears of it from this line (a visually hidden,
 * polite one). Nothing while the pointer or the focus moves it.
 */
export function useCurrentRowLine(
  rows: readonly ListRow[],
  activeAt: number,
  checked: ReadonlySet<string>,
  setActiveIndex: Dispatch<SetStateAction<number>>,
) {
  const row = rows[activeAt]?.item;
  const [spoken, setSpoken] = useState(false);
  // The rows a key just acted on: once the current row is another (they left the view), it is said.
  const [actedOn, setActedOn] = useState<ReadonlySet<string>>(new Set());
  const said = spoken && row && !actedOn.has(row.id);
  return {
    line: said ? `${row.title}, ${activeAt + 1} of ${rows.length}${checked.has(row.id) ? ', checked' : ''}` : '',
    /** A key checked the row: say it (though a key acted on it before, and it stayed in view). */
    speak: () => {
      setSpoken(true);
      setActedOn(new Set());
    },
    /** A key acted on these rows: say the row that is current once they are not (a done row left the queue). */
    speakAfter(ids: readonly string[]) {
      setSpoken(true);
      setActedOn(new Set(ids));
    },
    moveByKey(next: (index: number) => number) {
      setSpoken(true);
      setActedOn(new Set());
      setActiveIndex(next);
    },
    /** The pointer or the focus moved it: a focused control is said by the screen reader itself. */
    moveQuietly(index: number) {
      setSpoken(false);
      setActedOn(new Set());
      setActiveIndex(index);
    },
  };
}
