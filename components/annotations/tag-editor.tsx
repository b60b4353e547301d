import { useId, useState } from 'react';
import { addTag, TAG_ERROR_MESSAGES, tagKey } from '@/lib/annotations/tags';
import { changeTagOnItems } from '@/lib/db/items';

interface TagEditorProps {
  itemId: string;
  tags: readonly string[];
  /** Offered while typing: the user's other tags and the article's topic tags. */
  suggestions: readonly string[];
}

/** An item's own tags: each with a remove button, and a box where Enter adds one. */
export function TagEditor({ itemId, tags, suggestions }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  // What adding or removing did, said (QA pass: only a duplicate was; "rust" after "Rust" emptied the box silently).
  const [said, setSaid] = useState('');
  const listId = useId();
  const errorId = useId();
  const offered = [...new Set(suggestions)].filter((tag) => !tags.includes(tag)).slice(0, 50);

  const add = () => {
    const result = addTag(tags, draft);
    if (!result.ok) {
      setError(TAG_ERROR_MESSAGES[result.error]);
      return;
    }
    setError(null);
    setDraft('');
    const had = result.added ? undefined : tags.find((tag) => tagKey(tag) === tagKey(draft));
    setSaid(had === undefined ? '' : `Already tagged “${had}”.`);
    // One tag added to the stored list, not the list as drawn: another window's change since stays,
    // and one that filled the item meanwhile refuses it, which is said. "Added" only once it was.
    if (!result.added) return;
    const added = result.tags.at(-1) as string;
    void changeTagOnItems([itemId], added, 'add').then(({ found, full }) => {
      // Removed in another window before this view showed it (resilience pass: "added" was said of nothing).
      if (found === 0) setSaid(`This item is no longer saved; the tag “${added}” was not added.`);
      else if (full > 0) setError(TAG_ERROR_MESSAGES['too-many']);
      else setSaid(`Tag “${added}” added.`);
    });
  };
  const remove = (tag: string) => {
    setError(null); // a message about adding no longer applies
    setSaid('');
    void changeTagOnItems([itemId], tag, 'remove').then(({ found }) =>
      setSaid(found === 0 ? 'This item is no longer saved.' : `Tag “${tag}” removed.`),
    );
  };

  return (
    <div className="tag-editor">
      <ul className="tag-list" aria-label="Your tags">
        {tags.map((tag) => (
          <li key={tag} className="tag user-tag">
            <bdi>{tag}</bdi>{' '}
            <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => remove(tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        type="text"
        aria-label="Add tag"
        placeholder="Add tag…"
        list={listId}
        maxLength={60}
        value={draft}
        aria-invalid={error ? true : undefined}
        // Back in the box, a screen reader says why it is invalid, not only that it is.
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setError(null);
          setSaid('');
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          add();
        }}
      />
      <datalist id={listId}>
        {offered.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <p role="status" className="muted small">
        {said}
      </p>
      {error && (
        <p id={errorId} role="alert" className="notice">
          {error}
        </p>
      )}
    </div>
  );
}
