/**
 * Typing that reaches the popup before its app has mounted (a keyboard-first user opens it with
 * Alt+Shift+F and types at once). The first-paint script records it; the app starts from it.
 */

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>;

/** Keys that type into the search box: one printable character, or Backspace; not shortcuts. */
export function isTypingKey(event: KeyLike): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  return event.key === 'Backspace' || [...event.key].length === 1;
}

/**
 * The search box's text after `keys` were typed at its end, as the live search box would have it;
 * with `selected`, the text is selected (a restored search): the first key replaces it.
 */
export function applyTypedKeys(query: string, keys: readonly string[], { selected = false } = {}): string {
  let text = query;
  for (const [at, key] of keys.entries()) {
    if (selected && at === 0) text = key === 'Backspace' ? '' : key;
    else text = key === 'Backspace' ? [...text].slice(0, -1).join('') : text + key;
  }
  return text;
}

export interface TypingRecord {
  /** The typing keys so far, in order. */
  readonly keys: readonly string[];
  stop(): void;
}

/** Records typing keys pressed on `target` until stopped. */
export function recordTyping(target: EventTarget): TypingRecord {
  const keys: string[] = [];
  const listener = (event: Event) => {
    if (isTypingKey(event as KeyboardEvent)) keys.push((event as KeyboardEvent).key);
  };
  target.addEventListener('keydown', listener, { capture: true });
  return { keys, stop: () => target.removeEventListener('keydown', listener, { capture: true }) };
}
