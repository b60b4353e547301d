import { useState } from 'react';

/** The rows checked for bulk actions, by item id. */
export function useReadingListSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  return {
    selected,
    toggle(id: string) {
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    },
    clear() {
      setSelected(new Set());
    },
  };
}
