import { useState } from 'react';
import type { Message } from '@/components/hooks/use-import';
import { usePreference } from '@/components/hooks/use-preference';
import { MessageLine } from '@/components/message-line';
import { ConfirmQuestion } from '@/components/settings/confirm-question';
import type { ShelfDatabase } from '@/lib/db/database';
import { PREFERENCES } from '@/lib/settings/preferences';

/**
 * "Delete everything", asked first: the safe choice (Cancel) takes the focus. Its result line is the
 * caller's, which clears it when another action on the data starts.
 */
export function DeleteEverything({
  db,
  message,
  onStart,
  onMessage: setMessage,
}: {
  db: ShelfDatabase;
  message: Message | null;
  /** A deletion starts: the earlier results (this one's too) are cleared. */
  onStart: () => void;
  onMessage: (message: Message) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const syncing = usePreference(PREFERENCES.syncEnabled) === true;

  async function deleteAll() {
    setConfirming(false);
    onStart();
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
        <ConfirmQuestion
          lines={[
            'Delete everything Shelf keeps in this browser? Export a backup first if you may want it back.',
            // Sync stops here; what the browser's account holds is your other browsers' (QA: turning sync
            // on again brought everything back, which the question never said).
            ...(syncing
              ? [
                  'Sync with this browser’s account stops here. The synced copy stays in your browser account for your other browsers, and turning sync on again here brings it back.',
                ]
              : []),
          ]}
          confirmLabel="Yes, delete everything"
          onConfirm={() => void deleteAll()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          Delete everything…
        </button>
      )}
      <MessageLine message={message} />
    </fieldset>
  );
}
