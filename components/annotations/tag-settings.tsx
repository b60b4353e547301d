import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { MessageLine } from '@/components/message-line';
import { normalizeTag, TAG_ERROR_MESSAGES } from '@/lib/annotations/tags';
import { getTagCounts } from '@/lib/db/annotations';
import type { ShelfDatabase } from '@/lib/db/database';
import { renameTag } from '@/lib/db/items';
import { exportHighlightsFile } from '@/lib/export/highlights-file';
import '@/components/annotations/annotations.css';

type Message = { text: string; error: boolean };

/** Settings for what the user adds to items: rename or merge tags, and export highlights as Markdown. */
export function TagSettings({ db }: { db: ShelfDatabase }) {
  const counts = useLiveQuery(() => getTagCounts(db), [db]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const source = from || counts?.[0]?.tag || '';

  const rename = async () => {
    const target = normalizeTag(to);
    if (!target.ok) return setMessage({ text: TAG_ERROR_MESSAGES[target.error], error: true });
    if (!source || target.tag === source) {
      // Tags are compared in lower case: "Redis" for "redis" names the same tag, so say so.
      const sameInLowerCase = source !== '' && to.trim() !== '' && to.trim() !== source;
      const text = sameInLowerCase
        ? `Tags are kept in lower case: “${to.trim()}” is already the tag “${source}”.`
        : 'Type a different name.';
      return setMessage({ text, error: true });
    }
    const merging = counts?.some(({ tag }) => tag === target.tag) ?? false;
    const changed = await renameTag(source, target.tag, { db });
    setMessage({
      text: `${merging ? 'Merged' : 'Renamed'} “${source}” ${merging ? 'into' : 'to'} “${target.tag}” on ${changed} ${changed === 1 ? 'item' : 'items'}.`,
      error: false,
    });
    setFrom('');
    setTo('');
  };

  return (
    <section aria-labelledby="tag-settings-heading">
      <h3 id="tag-settings-heading">Tags, notes and highlights</h3>
      {counts && counts.length > 0 ? (
        <>
          <ul className="tag-list" aria-label="Tags in use">
            {counts.map(({ tag, count }) => (
              <li key={tag} className="tag">
                {tag} ({count})
              </li>
            ))}
          </ul>
          <div className="tag-settings-row">
            <label>
              Tag to rename{' '}
              <select value={source} onChange={(event) => setFrom(event.target.value)}>
                {counts.map(({ tag }) => (
                  <option key={tag} value={tag}>
                    {tag}
                  </option>
                ))}
              </select>
            </label>
            <label>
              New name <input type="text" value={to} onChange={(event) => setTo(event.target.value)} />
            </label>
            <button type="button" className="button secondary" onClick={() => void rename()}>
              Rename or merge
            </button>
          </div>
          <p className="muted small">Renaming to a tag you already use merges the two.</p>
        </>
      ) : (
        <p className="muted small">No tags yet: add them on an article’s card or in the reader.</p>
      )}
      <MessageLine message={message && { kind: message.error ? 'error' : 'ok', text: message.text }} />
      <p>
        <button
          type="button"
          className="button"
          onClick={() =>
            void exportHighlightsFile(db).then(
              (text) => setMessage({ text, error: false }),
              (error: unknown) =>
                setMessage({ text: `Could not export highlights: ${(error as Error).message}`, error: true }),
            )
          }
        >
          Export highlights (Markdown)
        </button>
      </p>
    </section>
  );
}
