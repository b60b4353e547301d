import { useRef, useState } from 'react';

/** The reading list's keyboard help: shown or not, and the "?" button that shows it. */
export function useKeyboardHelp() {
  const [shown, setShown] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return {
    shown,
    buttonRef,
    toggle: () => setShown((was) => !was),
    /** Hides it where the focus is (Escape on the list); false when it was not shown. */
    hide() {
      setShown(false);
      return shown;
    },
    /** Hides it from inside (Close, Escape): the focus goes back to "?", not to the first button ("Queue"). */
    close() {
      setShown(false);
      buttonRef.current?.focus();
    },
  };
}
