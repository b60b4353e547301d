/**
 * The reading list's keys: one table that both the key handler and the `?` help read, so the help
 * says what each key does.
 */
export type ListCommand =
  | 'next'
  | 'previous'
  | 'pageDown'
  | 'pageUp'
  | 'first'
  | 'last'
  | 'open'
  | 'toggle'
  | 'archive'
  | 'done'
  | 'unsave'
  | 'checkAll'
  | 'undo'
  | 'search'
  | 'help';

/** How many rows PageDown and PageUp move: about a side panel's screenful. */
export const LIST_PAGE_ROWS = 8;

export interface ListKey {
  /** `KeyboardEvent.key` values that run the command. */
  readonly keys: readonly string[];
  readonly command: ListCommand;
  /** What the help says it does. */
  readonly description: string;
}

export const READING_LIST_KEYS: readonly ListKey[] = [
  { keys: ['j'], command: 'next', description: 'next item' },
  { keys: ['k'], command: 'previous', description: 'previous item' },
  // They scrolled the list and left the current row behind: End then d marked a row far off screen (QA pass).
  { keys: ['PageDown'], command: 'pageDown', description: `${LIST_PAGE_ROWS} items down` },
  { keys: ['PageUp'], command: 'pageUp', description: `${LIST_PAGE_ROWS} items up` },
  { keys: ['Home'], command: 'first', description: 'first item' },
  { keys: ['End'], command: 'last', description: 'last item' },
  { keys: ['o', 'Enter'], command: 'open', description: 'open the item' },
  { keys: ['x'], command: 'toggle', description: 'check / uncheck the item' },
  { keys: ['*'], command: 'checkAll', description: 'check all the items shown, or uncheck them all' },
  { keys: ['e'], command: 'archive', description: 'archive (the checked items, or the item)' },
  { keys: ['d'], command: 'done', description: 'mark done (the checked items, or the item)' },
  { keys: ['s'], command: 'unsave', description: 'unsave (the checked items, or the item; Undo brings them back)' },
  { keys: ['u'], command: 'undo', description: 'undo the last action (Ctrl+Z too)' },
  { keys: ['/'], command: 'search', description: 'search saved items' },
  { keys: ['?'], command: 'help', description: 'show or hide these keys' },
];

const BY_KEY = new Map(READING_LIST_KEYS.flatMap((entry) => entry.keys.map((key) => [key, entry.command] as const)));

/** The command a key press runs, if any. */
export function commandForKey(key: string): ListCommand | undefined {
  return BY_KEY.get(key);
}

/** How the help writes an entry's keys: "o or Enter". */
export function describeKeys(entry: ListKey): string {
  return entry.keys.join(' or ');
}

/** Whether a key press is typing in a text field (where letters type, not act). */
function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return (
    typeof element?.matches === 'function' &&
    (element.matches('input:not([type=checkbox]), select, textarea') || element.isContentEditable)
  );
}

function isControl(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return typeof element?.closest === 'function' && element.closest('button, a[href], summary') !== null;
}

function isCheckbox(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return typeof element?.matches === 'function' && element.matches('input[type=checkbox]');
}

type KeyPress = Pick<KeyboardEvent, 'key' | 'target' | 'ctrlKey' | 'metaKey' | 'altKey' | 'preventDefault'> &
  Partial<Pick<KeyboardEvent, 'shiftKey'>>;

/** Ctrl+Z (Cmd+Z on a Mac): the browser's undo, which in the list undid typing in the search box long gone (QA pass). */
function isUndoKey({ key, ctrlKey, metaKey, altKey, shiftKey }: KeyPress): boolean {
  return (ctrlKey || metaKey) && !altKey && !shiftKey && key.toLowerCase() === 'z';
}

/**
 * Runs the command of a key pressed in the reading list; keys typed in a text field, keys with
 * Ctrl, Cmd or Alt (but Ctrl+Z, the list's undo), and Enter on a button are left alone. `commands`
 * must name every command of the table.
 */
export function runListKey(event: KeyPress, commands: Record<ListCommand, () => void>): void {
  if (isTyping(event.target)) return;
  if (isUndoKey(event)) {
    event.preventDefault();
    commands.undo();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  // Enter on a button or link presses it; it opens the active row only from the list itself.
  if (event.key === 'Enter' && isControl(event.target)) return;
  // Enter on a row's checkbox checks it, as Space does: it opened an item (QA pass).
  const command = event.key === 'Enter' && isCheckbox(event.target) ? 'toggle' : commandForKey(event.key);
  if (!command) return;
  event.preventDefault();
  commands[command]();
}
