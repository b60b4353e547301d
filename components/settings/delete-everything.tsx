import { useEffect, useRef, useState } from 'react';
import type { Message } from '@/components/hooks/use-import';
import { usePreference } from '@/components/hooks/use-preference';
import { MessageLine } from '@/components/message-line';
import type { ShelfDatabase } from '@/lib/db/database';
import { PREFERENCES } from '@/lib/settings/preferences';

/** "Delete everything", asked first: the safe choice (Cancel) takes the focus. */
export function DeleteEverything({ db }: { db: ShelfDatabase }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const syncing = usePreference(PREFERENCES.syncEnabled) === true;
  // The question takes the focus on its safe answer; once it is answered and gone, the page's
  // focus rescue (lib/dom/focus-rescue.ts) gives it to the button that asked.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  const cancelOnEscape = (event: { key: string }) => {
    if (event.key === 'Escape') setConfirming(false);
  };

  async function deleteAll() {
    setConfirming(false);
    try {
      const { deleteEverything } = await import('@/lib/settings/delete-everything');
      await deleteEverything(db);
      setMessage({ kind: 'ok', text: 'Everything Shelf kept in this browser was deleted.' });
    } catch (error) {
      setMessage({ kind: 'error', text: `Nothing was deleted: ${(error as Error).message}` });
    }
  }

  return (
    <fieldset className="import-fieldset danger-zone">
      <legend>Delete everything</legend>
      <p className="small">Saved articles and pages, reading progress, notes and settings. This cannot be undone.</p>
      {confirming ? (
        <div>
          <p>Delete everything Shelf keeps in this browser? Export a backup first if you may want it back.</p>
          {syncing && (
            // Sync stops here; what the browser's account holds is your other browsers' (QA: turning sync
            // on again brought everything back, which the question never said).
            <p>
              Sync with this browser’s account stops here. The synced copy stays in your browser account for your other
              browsers, and turning sync on again here brings it back.
            </p>
          )}
          <button type="button" className="button danger" onClick={() => void deleteAll()} onKeyDown={cancelOnEscape}>
            Yes, delete everything
          </button>{' '}
          <button
            type="button"
            className="button secondary"
            onClick={() => setConfirming(false)}
            onKeyDown={cancelOnEscape}
            ref={cancelRef}
          >
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          Delete everything…
        </button>
      )}
      <MessageLine message={message} />
    </fieldset>
  );
}
