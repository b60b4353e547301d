/** The parts of a key press the search box reads (a DOM or a React keyboard event). */
type KeyPress = Pick<KeyboardEvent, 'key' | 'preventDefault'>;

interface SearchKeyActions<Hit> {
  move: (step: number) => void;
  active: Hit | null;
  query: string;
  clear: () => void;
  open: (hit: Hit) => void;
}

/**
 * A search box's keys (Search Shelf's, and the popup's under its own): ↑/↓ move through the results,
 * Enter opens the active one, Esc clears the search. An empty box leaves Esc (and any key it does not act on) to
 * whatever else listens for it.
 */
export function searchKeyHandler<Hit>({ move, active, query, clear, open }: SearchKeyActions<Hit>) {
  return (event: KeyPress) => {
    let action: (() => void) | null = null;
    if (event.key === 'ArrowDown') action = () => move(1);
    else if (event.key === 'ArrowUp') action = () => move(-1);
    else if (event.key === 'Enter' && active) action = () => open(active);
    else if (event.key === 'Escape' && query) action = clear;
    if (!action) return;
    event.preventDefault();
    action();
  };
}

/** Enter alone (Shift+Enter and Alt+Enter do other things in the popup). */
export function isPlainEnter(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>,
): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
}
