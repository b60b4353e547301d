import { useId, useState } from 'react';
import type { Message } from '@/components/hooks/use-import';
import { MessageLine } from '@/components/message-line';
import { describeBulkTagChange, normalizeTag, TAG_ERROR_MESSAGES, tagToRemove } from '@/lib/annotations/tags';
import { changeTagOnItems } from '@/lib/db/items';
import '@/components/annotations/annotations.css';

interface BulkTagActionsProps {
  /** The checked rows' item ids. */
  checked: readonly string[];
  /** Tags offered while typing. */
  suggestions: readonly string[];
  /**
   * Makes the change; returns what to say here, or null when the caller says it (the reading list's
   * Undo line, `useUndoableActions`). By default it is made and said here, with no undo.
   */
  changeTag?: (ids: readonly string[], tag: string, change: 'add' | 'remove') => Promise<string | null>;
}

const NONE_CHECKED = 'Check the rows to change first.';

async function changeAndDescribe(ids: readonly string[], tag: string, change: 'add' | 'remove') {
  const { found, changed, full } = await changeTagOnItems(ids, tag, change);
  return describeBulkTagChange(tag, change, found, changed, full);
}

/** Adds a tag to, or removes it from, every checked row at once. */
export function BulkTagActions({ checked, suggestions, changeTag = changeAndDescribe }: BulkTagActionsProps) {
  const [tag, setTag] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const listId = useId();
  // Gone once rows are checked: it no longer says how things are (QA pass: it stood on for good).
  if (message?.text === NONE_CHECKED && checked.length > 0) setMessage(null);

  const run = async (change: 'add' | 'remove') => {
    setMessage(null); // what the last change said stands until the next one starts, not after it
    if (checked.length === 0) return setMessage({ kind: 'error', text: NONE_CHECKED });
    // Adding follows the tag rules; removing takes any tag an item holds (an import's, longer or with ",").
    const normalized = change === 'add' ? normalizeTag(tag) : tagToRemove(tag);
    if (!normalized.ok) return setMessage({ kind: 'error', text: TAG_ERROR_MESSAGES[normalized.error] });
    const said = await changeTag(checked, normalized.tag, change);
    setMessage(said === null ? null : { kind: 'ok', text: said });
  };

  return (
    <fieldset className="bulk-tags">
      <legend className="visually-hidden">Tag checked rows</legend>
      <input
        type="text"
        aria-label="For checked rows"
        placeholder="Tag…"
        list={listId}
        value={tag}
        onChange={(event) => setTag(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault(); // as the card's "Add tag" box does: Enter did nothing here
          void run('add');
        }}
      />
      <datalist id={listId}>
        {suggestions.map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>
      <button type="button" className="button secondary" onClick={() => void run('add')}>
        Add tag
      </button>
      <button type="button" className="button secondary" onClick={() => void run('remove')}>
        Remove tag
      </button>
      <MessageLine message={message} />
    </fieldset>
  );
}
