import { type Dispatch, type SetStateAction, useState } from 'react';

interface CurrentRow {
  title: string;
  place: number;
  count: number;
  checked: boolean;
}

/**
 * What the reading list says of its current row once a key moved or checked it: the list keeps the
 * focus while j/k move the row, so a screen reader hears of it from this line (a visually hidden,
 * polite one). Nothing while the pointer or the focus moves it.
 */
export function useCurrentRowLine(row: CurrentRow | undefined, setActiveIndex: Dispatch<SetStateAction<number>>) {
  const [spoken, setSpoken] = useState(false);
  return {
    line: spoken && row ? `${row.title}, ${row.place} of ${row.count}${row.checked ? ', checked' : ''}` : '',
    /** A key checked the row: say it. */
    speak: () => setSpoken(true),
    moveByKey(next: (index: number) => number) {
      setSpoken(true);
      setActiveIndex(next);
    },
    /** The pointer or the focus moved it: a focused control is said by the screen reader itself. */
    moveQuietly(index: number) {
      setSpoken(false);
      setActiveIndex(index);
    },
  };
}
