import { searchKeyHandler } from '@/lib/search/search-keys';

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
  const searchKeys = searchKeyHandler(actions);
  return (event: KeyPress) => {
    let action: (() => void) | null = null;
    if (event.key === 'Enter' && event.shiftKey && active) action = () => actions.showCard(active);
    else if (event.altKey && event.code === 'KeyS' && active) action = () => actions.toggleSaved(active);
    if (!action) return searchKeys(event);
    event.preventDefault();
    action();
  };
}
