import { type RefObject, useEffect, useRef } from 'react';

/** Selects the text of `input` once mounted, when `selected` (a restored query that typing replaces). */
export function useSelectedOnMount(input: RefObject<HTMLInputElement | null>, selected: boolean): void {
  const pending = useRef(selected);
  useEffect(() => {
    if (pending.current) input.current?.select();
    pending.current = false;
  }, [input]);
}
