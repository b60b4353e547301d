import { useEffect, useRef, useState } from 'react';

export type SaveState = 'saved' | 'editing' | 'saving' | 'failed';

/**
 * A text saved as the user types: `save` runs once typing pauses for `delay` ms, and on unmount
 * if a change is still pending, so nothing typed is lost when the view closes. The text follows
 * `stored` (a change made elsewhere) only while nothing is being edited here.
 */
export function useDebouncedSave(stored: string, save: (text: string) => Promise<void>, delay = 500) {
  const [text, setText] = useState(stored);
  const [state, setState] = useState<SaveState>('saved');
  const pending = useRef<string | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    if (pending.current === null) setText(stored);
  }, [stored]);

  useEffect(() => {
    if (pending.current === null) return;
    const timer = setTimeout(() => {
      const value = pending.current;
      if (value === null) return;
      setState('saving');
      saveRef.current(value).then(
        () => {
          if (pending.current === value) {
            pending.current = null;
            setState('saved');
          }
        },
        () => setState('failed'),
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [text, delay]);

  useEffect(
    () => () => {
      if (pending.current !== null) void saveRef.current(pending.current);
    },
    [],
  );

  return {
    text,
    state,
    edit(value: string) {
      pending.current = value;
      setText(value);
      setState('editing');
    },
  };
}
