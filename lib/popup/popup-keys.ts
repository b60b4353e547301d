/** The parts of a key press the popup reads (a DOM or a React keyboard event). */
type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'altKey' | 'preventDefault'>;

interface PopupKeyActions<Hit> {
  move: (step: number) => void;
  active: Hit | null;
  query: string;
  clear: () => void;
  open: (hit: Hit) => void;
  showCard: (hit: Hit) => void;
  toggleSaved: (hit: Hit) => void;
}

/**
 * The search box's keys: ↑/↓ move through the results, Enter opens the active one (Shift+Enter:
 * its card in the side panel), Alt+S saves or unsaves it, Esc clears the search.
 */
export function popupKeyHandler<Hit>(actions: PopupKeyActions<Hit>) {
  const { active } = actions;
  return (event: KeyPress) => {
    let action: (() => void) | null = null;
    if (event.key === 'ArrowDown') action = () => actions.move(1);
    else if (event.key === 'ArrowUp') action = () => actions.move(-1);
    else if (event.key === 'Enter' && active)
      action = () => (event.shiftKey ? actions.showCard(active) : actions.open(active));
    else if (event.altKey && event.code === 'KeyS' && active) action = () => actions.toggleSaved(active);
    else if (event.key === 'Escape' && actions.query) action = actions.clear;
    if (!action) return;
    event.preventDefault();
    action();
  };
}
