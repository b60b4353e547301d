import { useState } from 'react';
import { saveCurrentPage } from '@/lib/popup/popup-commands';

interface PageActionsProps {
  /** Unread items in the reading list; null until known. */
  unread: number | null;
  onReadingList: () => void;
}

/**
 * The popup's last line, always in view: "Save this page" (the background captures the tab the
 * popup was opened on) and the way to the reading list, with how much is unread.
 */
export function PageActions({ unread, onReadingList }: PageActionsProps) {
  const [message, setMessage] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <section className="page-actions" aria-label="This page">
      <button
        type="button"
        className="button secondary"
        aria-keyshortcuts="Alt+Shift+S"
        onClick={() => {
          setMessage({ ok: true, message: 'Saving…' });
          void saveCurrentPage().then(setMessage);
        }}
      >
        Save this page{' '}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> is no Tab stop; its key is the aria-keyshortcuts */}
        <kbd aria-hidden="true">Alt+Shift+S</kbd>
      </button>
      <button type="button" className="link-button" onClick={onReadingList}>
        Reading list{unread !== null && unread > 0 ? ` (${unread.toLocaleString('en')} unread)` : ''}
      </button>
      {/* A live region there from the start, which the status line comes into: added already holding
          "Saving…" it was not said, and a status turned into an alert is no new alert (accessibility
          pass). Not a status itself until it has something to say: the popup's one status is the
          search's while there is nothing to say here. */}
      <div className="page-save-line" aria-live="polite">
        {message?.ok && (
          <p role="status" className="small">
            {message.message}
          </p>
        )}
      </div>
      {message && !message.ok && (
        <p role="alert" className="notice small">
          {message.message}
        </p>
      )}
    </section>
  );
}
